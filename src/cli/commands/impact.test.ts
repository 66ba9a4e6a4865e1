import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import type { CliIo } from '../cli-io.js'
import { nodeIo } from '../node-io.js'
import { impactCommand } from './impact.js'

const run = async (argument: string, extra: { portfolio?: string[] } = {}) => {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    ...nodeIo(),
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    today: () => '2026-11-28',
    ask: () => Promise.resolve(undefined),
  }
  const code = await impactCommand(io, argument, {
    json: true,
    portfolio: extra.portfolio ?? [path.join(PROJECT_ROOT, 'examples')],
  })
  return { code, stdout, stderr }
}

interface Impact {
  scanned: number
  products: {
    product: string
    folder: string
    releases: string[]
    components: {
      component: string
      purl: string | null
      evidence: { via: string }[]
      releases: { release: string; status: string; linkedRisk: string | null; reopens: boolean }[]
    }[]
  }[]
}

/** Straight from the example's YAML: releases listing a component with this purl. */
const releasesShipping = (purl: string): string[] => {
  const chain = parse(
    readFileSync(path.join(PROJECT_ROOT, 'examples/infusion-pump-fleet/supply-chain.yaml'), 'utf8'),
  ) as {
    components: { id: string; purl?: string }[]
    releases: { version: string; components?: string[] }[]
  }
  const ids = new Set(chain.components.filter((c) => c.purl === purl).map((c) => c.id))
  return chain.releases
    .filter((release) => release.components?.some((id) => ids.has(id)) ?? false)
    .map((release) => release.version)
    .sort()
}

describe('medcyber impact', () => {
  it.each([
    ['NVD CVE record (by CPE)', testdataPath('nvd-selected', 'CVE-2021-44228.json'), 'cpe'],
    [
      'GitHub OSV record (by purl)',
      testdataPath('ghsa-selected', 'GHSA-jfh8-c2jp-5v3q.json'),
      'purl',
    ],
  ])(
    'Log4Shell from a %s touches only infusion-pump-fleet, its 2.14.1 log4j-core, in the releases that ship it',
    async (_label, file, via) => {
      const result = await run(file)
      expect(result.code, result.stderr).toBe(0)
      const impact = JSON.parse(result.stdout) as Impact
      expect(impact.scanned).toBe(4)
      expect(impact.products.map((product) => path.basename(product.folder))).toEqual([
        'infusion-pump-fleet',
      ])
      expect(impact.products[0]?.product).toBe('aquila-lvp-system')
      const [fleet] = impact.products
      const expected = releasesShipping('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1')
      expect(expected).toEqual(['3.2.4'])
      expect(fleet?.releases).toEqual(expected)
      expect(fleet?.components.map((c) => c.component)).toEqual(['log4j-core-2-14'])
      const [log4j] = fleet?.components ?? []
      expect(log4j?.evidence.map((item) => item.via)).toEqual([via])
      // The model triages Log4Shell `affected` in 3.2.4 with a risk evaluation: it re-opens.
      expect(log4j?.releases).toEqual([
        {
          release: '3.2.4',
          status: 'affected',
          assessedAs: 'CVE-2021-44228@log4j-core-2-14',
          linkedRisk: 'CVE-2021-44228@log4j-core-2-14',
          reopens: true,
        },
      ])
    },
  )

  it('finds a PyPI flaw exactly where the models list Pillow', async () => {
    const result = await run(testdataPath('ghsa-selected', 'GHSA-3f63-hfp8-52jq.json'))
    expect(result.code, result.stderr).toBe(0)
    const { products } = JSON.parse(result.stdout) as Impact
    // Every listed Pillow is older than 10.2.0, the first fixed version of the advisory.
    const listing = [
      'infusion-pump-fleet',
      'insulin-pump',
      'patient-monitor',
      'radiotherapy-planning',
    ].filter((folder) =>
      readFileSync(path.join(PROJECT_ROOT, 'examples', folder, 'supply-chain.yaml'), 'utf8')
        .toLowerCase()
        .includes('pkg:pypi/pillow@'),
    )
    expect(listing.length).toBeGreaterThan(0)
    expect(products.map((product) => path.basename(product.folder))).toEqual(listing)
    for (const component of products.flatMap((product) => product.components)) {
      expect(component.purl).toMatch(/^pkg:pypi\/pillow@/)
    }
  })

  it('with no model using the package, touches nothing', async () => {
    const result = await run(testdataPath('ghsa-selected', 'GHSA-3f63-hfp8-52jq.json'), {
      portfolio: [path.join(PROJECT_ROOT, 'examples', 'patient-monitor')],
    })
    expect(result.code, result.stderr).toBe(0)
    const impact = JSON.parse(result.stdout) as Impact
    expect(impact.scanned).toBe(1)
    expect(impact.products).toEqual([])
  })

  it('refuses a file that is no advisory, naming the problem', async () => {
    const result = await run(path.join(PROJECT_ROOT, 'package.json'))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('osv/')
  })
})

describe('medcyber impact of a CISA medical advisory (names and versions only)', () => {
  interface CsafImpact {
    products: {
      folder: string
      components: {
        component: string
        finding: string
        confidence: string
        evidence: { via: string; confidence: string }[]
        releases: { release: string; status: string; reopens: boolean }[]
      }[]
    }[]
  }

  it('ICSMA-22-174-01 touches the DCMTK versions before 3.6.7, per CVE, at the confidence scan gives', async () => {
    const result = await run(
      testdataPath('cisa-csaf', 'csaf_files', 'OT', 'white', '2022', 'icsma-22-174-01.json'),
    )
    expect(result.code, result.stderr).toBe(0)
    const { products } = JSON.parse(result.stdout) as CsafImpact
    expect(products.map((product) => path.basename(product.folder))).toEqual([
      'radiotherapy-planning',
    ])
    const components = products[0]?.components ?? []
    // DCMTK 3.6.7 (release 15.6) is the fixed version; the model's other components are not DCMTK.
    expect(components.map((item) => `${item.finding} ${item.confidence}`)).toEqual([
      'CVE-2022-2119@dcmtk-3-6-0 medium',
      'CVE-2022-2120@dcmtk-3-6-0 medium',
      'CVE-2022-2121@dcmtk-3-6-0 medium',
      'CVE-2022-2119@dcmtk-3-6-5 medium',
      'CVE-2022-2120@dcmtk-3-6-5 medium',
      'CVE-2022-2121@dcmtk-3-6-5 medium',
    ])
    for (const item of components) expect(item.evidence.map((e) => e.via)).toEqual(['csaf'])
    // The model's triage, recorded under the CVE-based ids, applies; the linked risk re-opens.
    const byFinding = new Map(components.map((item) => [item.finding, item.releases]))
    expect(byFinding.get('CVE-2022-2119@dcmtk-3-6-0')).toMatchObject([
      { release: '11.0', status: 'not_affected', reopens: false },
    ])
    expect(byFinding.get('CVE-2022-2121@dcmtk-3-6-0')).toMatchObject([
      { release: '11.0', status: 'affected', reopens: true },
    ])
  })

  it('says the confidence in the text output', async () => {
    let stdout = ''
    const io: CliIo = {
      ...nodeIo(),
      stdout: (text) => {
        stdout += text
      },
      stderr: () => undefined,
      today: () => '2026-11-28',
    }
    const file = testdataPath(
      'cisa-csaf',
      'csaf_files',
      'OT',
      'white',
      '2022',
      'icsma-22-174-01.json',
    )
    const code = await impactCommand(io, file, {
      json: false,
      portfolio: [path.join(PROJECT_ROOT, 'examples', 'radiotherapy-planning')],
    })
    expect(code).toBe(0)
    expect(stdout).toContain(
      'dcmtk-3-6-0: DCMTK 3.6.0: CVE-2022-2121@dcmtk-3-6-0 (medium confidence)',
    )
    expect(stdout).toContain('csaf (medium): DCMTK: All versions prior to 3.6.7:')
    expect(stdout).toMatch(/ICSMA-22-174-01 touches 1 of 1 products\n$/)
  })
})
