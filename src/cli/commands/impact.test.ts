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
