import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { Advisory, AffectedPackage, CpeConfiguration } from '../advisory.js'
import { toFindings, type Enrichment } from './findings.js'
import { affectedInstances, buildPortfolioIndex } from './portfolio-index.js'
import { buildAdvisoryIndex, findAdvisoryMatches, type CompileAffected } from './scan.js'
import type { ScanTarget } from './scan-target.js'

// The range evaluator is tested on its own; here the explicit version list is enough.
const listedOnly: CompileAffected = (affected: AffectedPackage) => (version) =>
  affected.versions.includes(version)

const advisory = (fields: Partial<Advisory> & Pick<Advisory, 'id'>): Advisory => ({
  source: 'osv',
  aliases: [],
  modified: '2026-01-01T00:00:00Z',
  severity: [],
  affected: [],
  configurations: [],
  products: [],
  ...fields,
})

const target = (fields: Partial<ScanTarget> & Pick<ScanTarget, 'id'>): ScanTarget => ({
  name: fields.id,
  releases: [],
  hosts: [],
  ...fields,
})

const cpeConfiguration = (
  criteria: string,
  bounds: Record<string, string>,
  platform?: string,
): CpeConfiguration => ({
  operator: platform === undefined ? 'OR' : 'AND',
  negate: false,
  nodes: [
    {
      operator: 'OR',
      negate: false,
      cpeMatch: [{ vulnerable: true, criteria, ...bounds }],
    },
    ...(platform === undefined
      ? []
      : [
          {
            operator: 'OR' as const,
            negate: false,
            cpeMatch: [{ vulnerable: false, criteria: platform }],
          },
        ]),
  ],
})

const noEnrichment: Enrichment = { kev: () => undefined, epss: () => undefined }

const PILLOW = advisory({
  id: 'GHSA-3f63-hfp8-52jq',
  aliases: ['CVE-2023-50447'],
  summary: 'Arbitrary code execution in Pillow',
  severity: [{ vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [{ ecosystem: 'PyPI', name: 'pillow', ranges: [], versions: ['9.0.0', '10.1.0'] }],
})

const OPENSSL_NVD = advisory({
  id: 'CVE-2016-2105',
  source: 'nvd',
  severity: [{ vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', source: 'nvd@nist.gov' }],
  configurations: [
    cpeConfiguration('cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*', {
      versionStartIncluding: '1.0.2',
      versionEndExcluding: '1.0.2h',
    }),
  ],
})

describe('findAdvisoryMatches', () => {
  it('matches by purl with the ecosystem spelling of the name, and skips withdrawn advisories', () => {
    const index = buildAdvisoryIndex(
      [PILLOW, advisory({ ...PILLOW, id: 'PYSEC-2099-1', withdrawn: '2026-02-01T00:00:00Z' })],
      listedOnly,
    )
    const matches = findAdvisoryMatches(index, [
      target({ id: 'pillow', purl: 'pkg:pypi/Pillow@9.0.0' }),
      target({ id: 'pillow-new', purl: 'pkg:pypi/pillow@10.2.0' }),
    ])
    expect(matches.map((m) => [m.advisory.id, m.target.id, m.evidence.via])).toEqual([
      ['GHSA-3f63-hfp8-52jq', 'pillow', 'purl'],
    ])
  })

  it('keeps a Debian release advisory to the same release', () => {
    const debian = advisory({
      id: 'DSA-1',
      affected: [{ ecosystem: 'Debian:12', name: 'openssl', ranges: [], versions: ['3.0.9-1'] }],
    })
    const index = buildAdvisoryIndex([debian], listedOnly)
    const scan = (purl: string) => findAdvisoryMatches(index, [target({ id: 'o', purl })]).length
    expect(scan('pkg:deb/debian/openssl@3.0.9-1?distro=debian-12')).toBe(1)
    expect(scan('pkg:deb/debian/openssl@3.0.9-1?distro=debian-11')).toBe(0)
  })

  it('matches by CPE within version bounds', () => {
    const index = buildAdvisoryIndex([OPENSSL_NVD], listedOnly)
    const scan = (version: string) =>
      findAdvisoryMatches(index, [
        target({ id: 'openssl', cpe: `cpe:2.3:a:openssl:openssl:${version}:*:*:*:*:*:*:*` }),
      ]).map((m) => m.evidence.detail)
    expect(scan('1.0.2g')).toEqual([
      'cpe:2.3:a:openssl:openssl:1.0.2g:*:*:*:*:*:*:* matches cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*',
    ])
    expect(scan('1.0.2h')).toEqual([])
  })

  it('needs the platform on the same host for a "running on" configuration', () => {
    const stack = advisory({
      id: 'CVE-2020-11896',
      source: 'nvd',
      configurations: [
        cpeConfiguration(
          'cpe:2.3:a:treck:tcp\\/ip:*:*:*:*:*:*:*:*',
          { versionEndExcluding: '6.0.1.66' },
          'cpe:2.3:h:acme:monitor:-:*:*:*:*:*:*:*',
        ),
      ],
    })
    const index = buildAdvisoryIndex([stack], listedOnly)
    const treck = (hosts: string[]) =>
      target({ id: 'treck', cpe: 'cpe:2.3:a:treck:tcp\\/ip:6.0.1.41:*:*:*:*:*:*:*', hosts })
    const board = target({
      id: 'board',
      cpe: 'cpe:2.3:h:acme:monitor:-:*:*:*:*:*:*:*',
      hosts: ['bedside'],
    })
    expect(findAdvisoryMatches(index, [treck(['bedside']), board]).map((m) => m.target.id)).toEqual(
      ['treck'],
    )
    expect(findAdvisoryMatches(index, [treck(['central']), board])).toEqual([])
  })
})

describe('toFindings', () => {
  it('merges advisories of one flaw under its CVE id, with KEV, EPSS and the recorded triage', () => {
    const nvd = advisory({
      id: 'CVE-2023-50447',
      source: 'nvd',
      severity: [{ vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
      configurations: [
        cpeConfiguration('cpe:2.3:a:python:pillow:*:*:*:*:*:*:*:*', {
          versionEndExcluding: '10.2.0',
        }),
      ],
    })
    const index = buildAdvisoryIndex([PILLOW, nvd], listedOnly)
    const component = target({
      id: 'pillow',
      purl: 'pkg:pypi/pillow@9.0.0',
      cpe: 'cpe:2.3:a:python:pillow:9.0.0:*:*:*:*:*:*:*',
    })
    const findings = toFindings(
      findAdvisoryMatches(index, [component]),
      {
        kev: (cve) => (cve === 'CVE-2023-50447' ? { dateAdded: '2024-01-02' } : undefined),
        epss: (cve) => (cve === 'CVE-2023-50447' ? { epss: 0.42, percentile: 0.97 } : undefined),
      },
      [{ finding: 'GHSA-3f63-hfp8-52jq@pillow', status: 'affected' }],
    )
    expect(findings).toHaveLength(1)
    expect(findings[0]).toMatchObject({
      id: 'CVE-2023-50447@pillow',
      aliases: ['GHSA-3f63-hfp8-52jq'],
      advisories: ['CVE-2023-50447', 'GHSA-3f63-hfp8-52jq'],
      severity: { score: 8.1, rating: 'High' },
      kev: { dateAdded: '2024-01-02' },
      epss: { epss: 0.42 },
      confidence: 'exact',
      status: 'affected',
      assessedAs: 'GHSA-3f63-hfp8-52jq@pillow',
    })
    expect(findings[0]?.evidence.map((e) => e.via).sort()).toEqual(['cpe', 'purl'])
  })

  it('leaves an unassessed finding untriaged', () => {
    const index = buildAdvisoryIndex([PILLOW], listedOnly)
    const [finding] = toFindings(
      findAdvisoryMatches(index, [target({ id: 'p', purl: 'pkg:pypi/pillow@10.1.0' })]),
      noEnrichment,
      [],
    )
    expect(finding?.status).toBe('untriaged')
  })
})

describe('affectedInstances', () => {
  it('finds exactly what a full re-match of the portfolio finds for that advisory', () => {
    const names = ['pillow', 'django', 'requests', 'urllib3']
    const versions = ['1.0', '1.1', '2.0', '9.0.0']
    const instance = fc.record({
      name: fc.constantFrom(...names),
      version: fc.constantFrom(...versions),
      cpe: fc.boolean(),
    })
    const portfolio = fc.array(fc.array(instance, { maxLength: 12 }), {
      minLength: 1,
      maxLength: 8,
    })
    const newAdvisory = fc.record({
      name: fc.constantFrom(...names),
      versions: fc.subarray(versions),
      viaCpe: fc.boolean(),
    })
    fc.assert(
      fc.property(portfolio, newAdvisory, (products, spec) => {
        const productTargets = products.map((items, p) => ({
          product: `product-${String(p)}`,
          targets: items.map((item, i) =>
            target({
              id: `c${String(i)}`,
              purl: `pkg:pypi/${item.name}@${item.version}`,
              ...(item.cpe
                ? { cpe: `cpe:2.3:a:python:${item.name}:${item.version}:*:*:*:*:*:*:*` }
                : {}),
            }),
          ),
        }))
        const incoming = advisory({
          id: 'NEW-1',
          affected: spec.viaCpe
            ? []
            : [{ ecosystem: 'PyPI', name: spec.name, ranges: [], versions: spec.versions }],
          configurations: spec.viaCpe
            ? spec.versions.map((version) => ({
                operator: 'OR' as const,
                negate: false,
                nodes: [
                  {
                    operator: 'OR' as const,
                    negate: false,
                    cpeMatch: [
                      {
                        vulnerable: true,
                        criteria: `cpe:2.3:a:python:${spec.name}:${version}:*:*:*:*:*:*:*`,
                      },
                    ],
                  },
                ],
              }))
            : [],
        })
        const fast = affectedInstances(buildPortfolioIndex(productTargets), incoming, listedOnly)
          .map((m) => `${m.product}/${m.target.id}`)
          .sort()
        const index = buildAdvisoryIndex([incoming], listedOnly)
        const full = productTargets
          .flatMap(({ product, targets }) =>
            findAdvisoryMatches(index, targets).map((m) => `${product}/${m.target.id}`),
          )
          .sort()
        expect(fast).toEqual(full)
      }),
      { numRuns: 300 },
    )
  })
})
