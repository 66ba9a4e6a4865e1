import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { csafDocumentToAdvisory } from '../../../formats/index.js'
import { testdataPath } from '../../../../test/support/testdata.js'
import type { Advisory } from '../advisory.js'
import { compileAffected } from '../versions/index.js'
import { csafTargetMatcher } from './csaf-target-matcher.js'
import { affectedInstances, buildPortfolioIndex } from './portfolio-index.js'
import { buildAdvisoryIndex, findAdvisoryMatches, type CsafTargetMatcher } from './scan.js'
import type { ScanTarget } from './scan-target.js'

const compile = (affected: Parameters<typeof compileAffected>[0]) =>
  compileAffected(affected).isAffected

const json = (...parts: string[]): unknown =>
  JSON.parse(readFileSync(testdataPath(...parts), 'utf8'))

const target = (fields: Partial<ScanTarget> & Pick<ScanTarget, 'id'>): ScanTarget => ({
  name: fields.id,
  releases: [],
  hosts: [],
  ...fields,
})

type Products = { product: string; targets: ScanTarget[] }[]

/** The same advisory through the inverted index and through a full re-match. */
const bothWays = (
  products: Products,
  advisory: Advisory,
  csafMatcher?: CsafTargetMatcher,
): { fast: string[]; full: string[] } => {
  const options = csafMatcher === undefined ? {} : { csafMatcher }
  const key = (product: string, id: string, via: string, confidence: string) =>
    `${product}/${id} ${via} ${confidence}`
  const fast = affectedInstances(buildPortfolioIndex(products), advisory, compile, options)
    .map((m) => key(m.product, m.target.id, m.evidence.via, m.evidence.confidence))
    .sort()
  const index = buildAdvisoryIndex([advisory], compile)
  const full = products
    .flatMap(({ product, targets }) =>
      findAdvisoryMatches(index, targets, options).map((m) =>
        key(product, m.target.id, m.evidence.via, m.evidence.confidence),
      ),
    )
    .sort()
  return { fast, full }
}

const dcmtk = (version: string, supplier?: string): ScanTarget =>
  target({
    id: `dcmtk-${version}`,
    name: 'DCMTK',
    version,
    ...(supplier === undefined ? {} : { supplier }),
  })

describe('affectedInstances', () => {
  it("matches a CISA advisory's products by name and version across the portfolio, as a full scan does", () => {
    const icsma = csafDocumentToAdvisory(
      json('cisa-csaf', 'csaf_files', 'OT', 'white', '2022', 'icsma-22-174-01.json'),
    )
    if (!icsma.ok) throw new Error('ICSMA-22-174-01 does not read')
    const products: Products = [
      { product: 'planning@11.0', targets: [dcmtk('3.6.0', 'OFFIS e.V.'), target({ id: 'qt' })] },
      { product: 'planning@15.6', targets: [dcmtk('3.6.7', 'OFFIS e.V.')] },
      { product: 'viewer@2.0', targets: [dcmtk('3.6.5', 'OFFIS'), dcmtk('3.6.0', 'OFFIS e.V.')] },
    ]
    const { fast, full } = bothWays(products, icsma.value, csafTargetMatcher())
    expect(fast).toEqual([
      'planning@11.0/dcmtk-3.6.0 csaf medium',
      'viewer@2.0/dcmtk-3.6.0 csaf medium',
      'viewer@2.0/dcmtk-3.6.5 csaf high',
    ])
    expect(fast).toEqual(full)
    // Without a CSAF matcher, as before: a document without identifiers matches nothing.
    expect(bothWays(products, icsma.value).fast).toEqual([])
  })

  it('checks a "running on" configuration against the CPEs of the same host in each product', () => {
    const onMonitor: Advisory = {
      id: 'CVE-TEST-1',
      source: 'nvd',
      aliases: [],
      modified: '2026-01-01T00:00:00Z',
      severity: [],
      affected: [],
      products: [],
      configurations: [
        {
          operator: 'AND',
          negate: false,
          nodes: [
            {
              operator: 'OR',
              negate: false,
              cpeMatch: [
                {
                  vulnerable: true,
                  criteria: 'cpe:2.3:a:treck:tcp\\/ip:*:*:*:*:*:*:*:*',
                  versionEndExcluding: '6.0.1.66',
                },
              ],
            },
            {
              operator: 'OR',
              negate: false,
              cpeMatch: [{ vulnerable: false, criteria: 'cpe:2.3:h:acme:monitor:-:*:*:*:*:*:*:*' }],
            },
          ],
        },
      ],
    }
    const treck = (id: string, host: string, version = '6.0.1.28') =>
      target({ id, cpe: `cpe:2.3:a:treck:tcp\\/ip:${version}:*:*:*:*:*:*:*`, hosts: [host] })
    const board = (host: string) =>
      target({ id: `board-${host}`, cpe: 'cpe:2.3:h:acme:monitor:-:*:*:*:*:*:*:*', hosts: [host] })
    const products: Products = [
      { product: 'monitor@1', targets: [treck('treck', 'main'), board('main')] },
      { product: 'monitor@2', targets: [treck('treck', 'main', '6.0.1.66'), board('main')] },
      { product: 'pump@1', targets: [treck('treck-a', 'a'), treck('treck-b', 'b'), board('b')] },
      { product: 'pump@2', targets: [treck('treck', 'a')] },
    ]
    const { fast, full } = bothWays(products, onMonitor)
    expect(fast).toEqual(['monitor@1/treck cpe high', 'pump@1/treck-b cpe high'])
    expect(fast).toEqual(full)
  })
})
