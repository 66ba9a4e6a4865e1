import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import type { Advisory } from '../../core/index.js'
import {
  createCsafMatcher,
  type CsafComponent,
  type CsafMatchConfidence,
} from '../../core/vulnerabilities/csaf/index.js'
import { testdataPath } from '../../../test/support/testdata.js'
import { csafDocumentToAdvisory, parseCsafJson } from './csaf-document.js'

const CISA = testdataPath('cisa-csaf', 'csaf_files', 'OT', 'white')
const cisaFiles = readdirSync(CISA)
  .filter((name) => /^\d{4}$/.test(name))
  .flatMap((year) =>
    readdirSync(path.join(CISA, year))
      .filter((name) => name.endsWith('.json'))
      .map((name) => path.join(CISA, year, name)),
  )
  .sort()

/** `sha512sum -c`: the published `<file>.sha512` holds the digest of the file and its name. */
const checkSha512 = (file: string): void => {
  const [digest, name] = readFileSync(`${file}.sha512`, 'utf8').trim().split(/\s+/)
  expect(name, file).toBe(path.basename(file))
  expect(createHash('sha512').update(readFileSync(file)).digest('hex'), file).toBe(digest)
}

const convert = (file: string): Advisory => {
  const result = parseCsafJson(readFileSync(file, 'utf8'), file)
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.error)}`)
  return result.value
}

/** Every product_id a product tree defines, found by walking the raw JSON, not our reader. */
const definedProductIds = (json: unknown): Set<string> => {
  const ids = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk)
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'product_id' && typeof value === 'string') ids.add(value)
        else walk(value)
      }
    }
  }
  walk((json as { product_tree?: unknown }).product_tree)
  return ids
}

const cisa = cisaFiles.map(convert)
const icsma = cisa.filter((advisory) => advisory.id.startsWith('ICSMA'))

describe('csafDocumentToAdvisory on the CISA CSAF files', () => {
  it('converts all 153 documents (144 ICSMA, 9 ICSA), each intact by its .sha512', () => {
    expect(cisaFiles).toHaveLength(153)
    expect(icsma).toHaveLength(144)
    for (const file of cisaFiles) checkSha512(file)
  })

  it('keeps every product the tree defines, and every CVE as an alias', () => {
    for (const [index, file] of cisaFiles.entries()) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as {
        document: { tracking: { id: string; current_release_date: string } }
        vulnerabilities: { cve?: string }[]
      }
      const advisory = cisa[index]
      expect(advisory?.id).toBe(json.document.tracking.id)
      expect(advisory?.modified).toBe(json.document.tracking.current_release_date)
      expect(advisory?.withdrawn).toBeUndefined()
      expect(new Set(advisory?.products.map((product) => product.productId))).toEqual(
        definedProductIds(json),
      )
      for (const { cve } of json.vulnerabilities) {
        if (cve !== undefined) expect(advisory?.aliases).toContain(cve)
      }
    }
  })

  it('reads the statuses CISA uses onto the products (known_affected, known_not_affected)', () => {
    const statuses = new Set(
      cisa.flatMap((advisory) =>
        advisory.products.flatMap((product) => Object.values(product.status)),
      ),
    )
    expect([...statuses].sort()).toEqual(['known_affected', 'known_not_affected'])
    // The inventory counts 428 distinct CVEs in the ICSMA documents.
    const cves = new Set(
      icsma.flatMap((advisory) => advisory.aliases).filter((id) => id.startsWith('CVE-')),
    )
    expect(cves.size).toBe(428)
  })

  it('keeps each CVSS v3 vector once, scored by CISA', () => {
    const advisory = cisa.find((item) => item.id === 'ICSMA-24-151-02')
    expect(advisory?.severity).toEqual([
      { vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', source: 'CISA' },
    ])
  })
})

describe('csafDocumentToAdvisory on OASIS and Red Hat documents', () => {
  const oasis = testdataPath('oasis-csaf', 'csaf_2.0', 'examples', 'csaf')
  const redHat = testdataPath('osv-schema', 'tools', 'redhat', 'testdata', 'CSAF')

  it('converts the OASIS CSAF 2.0 examples and the Red Hat advisories (up to 1.6 MB)', () => {
    const files = [
      ...readdirSync(oasis)
        .filter((name) => name.endsWith('.json'))
        .map((name) => path.join(oasis, name)),
      ...readdirSync(path.join(oasis, 'csaf_vex'))
        .filter((name) => name.endsWith('.json'))
        .map((name) => path.join(oasis, 'csaf_vex', name)),
      ...readdirSync(redHat).map((name) => path.join(redHat, name)),
    ]
    expect(files).toHaveLength(24)
    for (const file of files) expect(convert(file).source).toBe('csaf')
  })

  it('composes "git-lfs as a component of RHEL AppStream AUS 8.6" and matches its purl exactly', () => {
    const advisory = convert(path.join(redHat, 'rhsa-2024_4546.json'))
    const composed = advisory.products.find(
      (product) => product.productId === 'AppStream-8.6.0.Z.AUS:git-lfs-0:2.13.3-3.el8_6.1.src',
    )
    expect(composed).toMatchObject({
      purl: 'pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=src',
      relationship: {
        category: 'default_component_of',
        productReference: 'git-lfs-0:2.13.3-3.el8_6.1.src',
        relatesToProductReference: 'AppStream-8.6.0.Z.AUS',
      },
      status: { 'CVE-2023-45288': 'fixed' },
    })
    const matches = createCsafMatcher(advisory.products)({
      name: 'git-lfs',
      purl: 'pkg:rpm/redhat/git-lfs@2.13.3-3.el8_6.1?arch=src',
    })
    const onRhel = matches.find((match) => match.product === composed)
    expect(onRhel?.confidence).toBe('exact')
    expect(onRhel?.reason).toContain(
      '(default component of Red Hat Enterprise Linux AppStream AUS (v.8.6))',
    )
  })

  it('marks CSAF 2.1 withdrawn and superseded documents withdrawn', () => {
    const data = testdataPath('oasis-csaf', 'csaf_2.1', 'test', 'validator', 'data', 'mandatory')
    const withdrawn = convert(path.join(data, 'oasis_csaf_tc-csaf_2_1-2024-6-1-26-13.json'))
    const superseded = convert(path.join(data, 'oasis_csaf_tc-csaf_2_1-2024-6-1-26-14.json'))
    expect(withdrawn.withdrawn).toBe('2024-05-24T10:00:00.000Z')
    expect(superseded.withdrawn).toBe(superseded.modified)
  })

  it('refuses what is not CSAF, at the path of the problem', () => {
    expect(csafDocumentToAdvisory({ document: { tracking: {} } }, 'x.json')).toMatchObject({
      ok: false,
      error: [
        { code: 'csaf/not-a-string', path: ['document', 'tracking', 'id'], source: 'x.json' },
        { code: 'csaf/bad-timestamp', path: ['document', 'tracking', 'current_release_date'] },
      ],
    })
    expect(parseCsafJson('{', 'x.json')).toMatchObject({
      ok: false,
      error: [{ code: 'csaf/not-json' }],
    })
    const deep = { category: 'vendor', name: 'v', branches: [] as unknown[] }
    let node = deep
    for (let level = 0; level < 40; level += 1) {
      const child = { category: 'product_family', name: 'f', branches: [] as unknown[] }
      node.branches.push(child)
      node = child
    }
    const nested = csafDocumentToAdvisory({
      document: { tracking: { id: 'X', current_release_date: '2024-01-01T00:00:00Z' } },
      product_tree: { branches: [deep] },
    })
    expect(nested.ok ? [] : nested.error.map((issue) => issue.code)).toEqual(['csaf/too-deep'])
  })
})

describe('matching real ICSMA advisories by name and version', () => {
  const matcher = createCsafMatcher(icsma.flatMap((advisory) => advisory.products))
  const advisoryOf = new Map(
    icsma.flatMap((advisory) =>
      advisory.products.map((product) => [product, advisory.id] as const),
    ),
  )
  const found = (component: CsafComponent): [string, CsafMatchConfidence][] =>
    matcher(component).map((match) => [advisoryOf.get(match.product) ?? '?', match.confidence])

  it('finds the IntelliVue MX40 advisory for a monitor on firmware B.06.12, and not past the fix', () => {
    expect(found({ vendor: 'Philips', name: 'IntelliVue MX40', version: 'B.06.12' })).toEqual([
      ['ICSMA-17-255-01', 'high'],
    ])
    expect(found({ vendor: 'Philips', name: 'IntelliVue MX40', version: 'B.06.18' })).toEqual([])
  })

  it('finds the Connex Spot Monitor under Baxter (high) and, by brand, under Hillrom (medium)', () => {
    expect(
      found({ vendor: 'Baxter', name: 'Welch Allyn Connex Spot Monitor', version: '1.52' }),
    ).toEqual([['ICSMA-24-151-02', 'high']])
    expect(found({ vendor: 'Welch Allyn', name: 'Connex Spot Monitor', version: '1.51' })).toEqual([
      ['ICSMA-21-152-01', 'medium'],
      ['ICSMA-24-151-02', 'medium'],
    ])
  })

  it('finds IntelliSpace Cardiovascular three times, once under the misspelt "Phillips"', () => {
    expect(
      found({ vendor: 'Philips', name: 'IntelliSpace Cardiovascular', version: '2.1' }),
    ).toEqual([
      ['ICSMA-17-318-01', 'high'],
      ['ICSMA-18-226-01', 'high'],
      ['ICSMA-18-025-01', 'medium'],
    ])
  })

  it('finds an insulin pump by its model number, and a GE monitor by its short name', () => {
    expect(
      found({ vendor: 'Medtronic', name: 'MiniMed 620G', modelNumbers: ['MMT-1710'] }),
    ).toEqual([['ICSMA-22-263-01', 'high']])
    expect(found({ vendor: 'GE Healthcare', name: 'CARESCAPE B450', version: '2.1' })).toEqual([
      ['ICSMA-20-023-01', 'high'],
    ])
  })

  it('matches nothing for a device of another vendor, even under a listed product name', () => {
    expect(found({ vendor: 'Mindray', name: 'BeneVision N12', version: '1.0' })).toEqual([])
    expect(
      found({ vendor: 'Siemens Healthineers', name: 'IntelliVue MX40', version: 'B.06.12' }),
    ).toEqual([])
  })
})
