// npx tsx bench/portfolio-impact.ts [products]: a new advisory against a large portfolio, through
// the inverted index (affectedInstances), as a ratio against a full re-match of every advisory
// against every component instance, measured in the same run. Seeded: every run builds the same
// portfolio. Default 200 products x 5 releases x 1,500 components = 1.5 million instances.
import {
  affectedInstances,
  buildAdvisoryIndex,
  buildPortfolioIndex,
  compileAffected,
  findAdvisoryMatches,
  type Advisory,
  type AffectedPackage,
  type ScanTarget,
} from '../src/core/vulnerabilities/index.js'

const PRODUCTS = Number(process.argv[2] ?? 200)
const RELEASES = 5
const COMPONENTS = 1_500
const SHARED_SHARE = 0.8
const PURL_SHARE = 0.9
const CPE_SHARE = 0.2
const SHARED_POOL = 6_000
const OSV_ADVISORIES = 3_000
const NVD_ADVISORIES = 1_000

/** mulberry32: a small seeded generator, so the portfolio is the same on every run. */
const seeded = (seed: number) => {
  let state = seed >>> 0
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
const random = seeded(20_261_128)
const pick = (count: number): number => Math.floor(random() * count)

const ECOSYSTEMS = [
  { osv: 'npm', purl: (name: string) => `pkg:npm/${name}` },
  { osv: 'Maven', purl: (name: string) => `pkg:maven/org.example/${name}` },
  { osv: 'PyPI', purl: (name: string) => `pkg:pypi/${name}` },
] as const

interface Package {
  readonly ecosystem: (typeof ECOSYSTEMS)[number]
  readonly name: string
  readonly versions: readonly string[]
}

const makePackage = (name: string): Package => ({
  ecosystem: ECOSYSTEMS[pick(ECOSYSTEMS.length)] ?? ECOSYSTEMS[0],
  name,
  versions: Array.from(
    { length: 4 },
    () => `${String(1 + pick(5))}.${String(pick(20))}.${String(pick(10))}`,
  ),
})

// Skewed popularity: low indexes are drawn far more often (lodash, log4j, openssl ...).
const popular = (): number => Math.floor(SHARED_POOL * random() ** 2)
const shared = Array.from({ length: SHARED_POOL }, (_, i) => makePackage(`shared-${String(i)}`))

const targetOf = (pkg: Package, id: string, release: string, host: string): ScanTarget => {
  const version = pkg.versions[pick(pkg.versions.length)] ?? '1.0.0'
  const withPurl = random() < PURL_SHARE
  const withCpe = random() < CPE_SHARE
  return {
    id,
    name: pkg.name,
    version,
    ...(withPurl ? { purl: `${pkg.ecosystem.purl(pkg.name)}@${version}` } : {}),
    ...(withCpe
      ? { cpe: `cpe:2.3:a:${pkg.name}_project:${pkg.name}:${version}:*:*:*:*:*:*:*` }
      : {}),
    releases: [release],
    hosts: [host],
  }
}

const buildPortfolio = () => {
  const products: { product: string; targets: ScanTarget[] }[] = []
  for (let p = 0; p < PRODUCTS; p += 1) {
    // A product lists each shared package once; popular ones are in most products.
    const chosen = new Set<number>()
    while (chosen.size < COMPONENTS * SHARED_SHARE) chosen.add(popular())
    const own = [
      ...[...chosen].map((i) => shared[i] ?? makePackage('x')),
      ...Array.from({ length: COMPONENTS - chosen.size }, (_, c) =>
        makePackage(`p${String(p)}-own-${String(c)}`),
      ),
    ]
    for (let r = 0; r < RELEASES; r += 1) {
      const release = `${String(r + 1)}.0`
      products.push({
        product: `product-${String(p)}@${release}`,
        targets: own.map((pkg, c) =>
          targetOf(pkg, `c${String(c)}`, release, `host-${String(c % 7)}`),
        ),
      })
    }
  }
  return products
}

const osvAdvisory = (id: string, packages: readonly Package[]): Advisory => ({
  id,
  source: 'osv',
  aliases: [],
  modified: '2026-01-01T00:00:00Z',
  severity: [],
  affected: packages.map((pkg): AffectedPackage => ({
    ecosystem: pkg.ecosystem.osv,
    name: pkg.ecosystem.osv === 'Maven' ? `org.example:${pkg.name}` : pkg.name,
    ranges: [
      { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: `${String(1 + pick(6))}.0.0` }] },
    ],
    versions: [],
  })),
  configurations: [],
  products: [],
})

const nvdAdvisory = (id: string, pkg: Package): Advisory => ({
  id,
  source: 'nvd',
  aliases: [],
  modified: '2026-01-01T00:00:00Z',
  severity: [],
  affected: [],
  configurations: [
    {
      operator: 'OR',
      negate: false,
      nodes: [
        {
          operator: 'OR',
          negate: false,
          cpeMatch: [
            {
              vulnerable: true,
              criteria: `cpe:2.3:a:${pkg.name}_project:${pkg.name}:*:*:*:*:*:*:*:*`,
              versionEndExcluding: `${String(1 + pick(6))}.0.0`,
            },
          ],
        },
      ],
    },
  ],
  products: [],
})

const anyPackage = (): Package =>
  random() < 0.7
    ? (shared[pick(SHARED_POOL)] ?? makePackage('y'))
    : makePackage(`rare-${String(pick(1e6))}`)

const compile = (affected: AffectedPackage) => compileAffected(affected).isAffected

const ms = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e6
const heapMb = (): number => Math.round(process.memoryUsage().heapUsed / 1e6)

let started = process.hrtime.bigint()
const portfolio = buildPortfolio()
const instances = portfolio.reduce((sum, item) => sum + item.targets.length, 0)
const generateMs = ms(started)

// The new advisory names three of the most popular shared packages, one of them by CPE too.
const fresh: Advisory = {
  ...osvAdvisory(
    'NEW-2026-0001',
    [shared[0], shared[1], shared[2]].flatMap((pkg) => pkg ?? []),
  ),
  configurations: nvdAdvisory('x', shared[3] ?? makePackage('z')).configurations,
}
const advisories: Advisory[] = [
  ...Array.from({ length: OSV_ADVISORIES }, (_, i) =>
    osvAdvisory(`OSV-${String(i)}`, [anyPackage()]),
  ),
  ...Array.from({ length: NVD_ADVISORIES }, (_, i) =>
    nvdAdvisory(`CVE-${String(i)}`, anyPackage()),
  ),
  fresh,
]

// (a) a full re-match: every advisory against every instance, product by product.
started = process.hrtime.bigint()
const index = buildAdvisoryIndex(advisories, compile)
let fullMatches = 0
const freshInFull = new Set<string>()
for (const { product, targets } of portfolio) {
  for (const match of findAdvisoryMatches(index, targets)) {
    fullMatches += 1
    if (match.advisory.id === fresh.id) {
      freshInFull.add(`${product}\u0000${match.target.id}\u0000${match.evidence.via}`)
    }
  }
}
const fullMs = ms(started)

started = process.hrtime.bigint()
const portfolioIndex = buildPortfolioIndex(portfolio)
const indexMs = ms(started)

// (b) the new advisory through the inverted index; the median of several runs.
const samples: number[] = []
let viaIndex = new Set<string>()
for (let run = 0; run < 7; run += 1) {
  started = process.hrtime.bigint()
  const found = affectedInstances(portfolioIndex, fresh, compile)
  samples.push(ms(started))
  viaIndex = new Set(found.map((m) => `${m.product}\u0000${m.target.id}\u0000${m.evidence.via}`))
}
const impactMs = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? Number.NaN

const equal =
  viaIndex.size === freshInFull.size && [...viaIndex].every((key) => freshInFull.has(key))
const ratio = impactMs / fullMs
const fmt = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 1 })

console.log(`\nPortfolio impact of one new advisory (seeded; heap ${String(heapMb())} MB)\n`)
console.log('| measure | value |')
console.log('|---|---|')
console.log(
  `| component instances | ${fmt(instances)} (${String(PRODUCTS)} products x ${String(RELEASES)} releases x ${String(COMPONENTS)}) |`,
)
console.log(
  `| advisories | ${fmt(advisories.length)} (${String(OSV_ADVISORIES)} OSV, ${String(NVD_ADVISORIES)} NVD CPE, 1 new) |`,
)
console.log(`| generate portfolio | ${fmt(generateMs)} ms |`)
console.log(
  `| (a) full re-match, all advisories | ${fmt(fullMs)} ms (${fmt(fullMatches)} matches) |`,
)
console.log(`| build portfolio index (once) | ${fmt(indexMs)} ms |`)
console.log(
  `| (b) affectedInstances, new advisory (median of 7) | ${fmt(impactMs)} ms (${fmt(viaIndex.size)} matches) |`,
)
console.log(
  `| ratio (b) / (a) | 1 / ${fmt(1 / ratio)} (target 1 / 1,000: ${ratio <= 1 / 1000 ? 'met' : 'NOT met'}) |`,
)
console.log(`| (b) equals (a) restricted to the new advisory | ${equal ? 'yes' : 'NO'} |`)
if (!equal) process.exitCode = 1
