// A seeded CycloneDX 1.6 component list shaped like D4 (purl on 95 %, CPE on 20 %), whose
// package names are drawn partly from an advisory corpus so that a realistic share of
// components meets advisories (popular, heavily advised packages more often).
import type { ScanTarget } from '../../src/core/index.js'
import {
  CORPUS_ECOSYSTEMS,
  PURL_TYPES,
  purlName,
  type CorpusPackage,
  type OsvCorpus,
} from './osv-corpus.js'
import { pick, seededRandom } from './random.js'

export interface BenchComponent {
  readonly type: 'library'
  readonly 'bom-ref': string
  readonly name: string
  readonly version: string
  readonly purl?: string
  readonly cpe?: string
}

/** Ecosystems of the components; Maven and generic ones meet no advisory of the corpus. */
const MIX = [...CORPUS_ECOSYSTEMS, ...CORPUS_ECOSYSTEMS, 'npm', 'Maven', 'generic'] as const

const componentOf = (next: () => number, corpus: OsvCorpus, i: number): BenchComponent => {
  const ecosystem = pick(next, MIX)
  // A fifth of components name an advised package: half drawn by advisory count (popular,
  // heavily advised packages), half uniformly over the packages.
  const pool: ReadonlyMap<string, readonly CorpusPackage[]> =
    next() < 0.5 ? corpus.slots : corpus.packages
  const advised = next() < 0.2 ? pool.get(ecosystem) : undefined
  const known = advised === undefined || advised.length === 0 ? undefined : pick(next, advised)
  const name = known?.name ?? `lib-${String(i)}-${Math.floor(next() * 1e6).toString(36)}`
  const plain =
    known === undefined
      ? `${String(Math.floor(next() * 9))}.${String(Math.floor(next() * 20))}.${String(i % 10)}`
      : pick(next, known.releases)
  const version = ecosystem === 'Go' ? `v${plain}` : plain
  const type =
    ecosystem === 'Maven' ? 'maven' : ecosystem === 'generic' ? 'generic' : PURL_TYPES[ecosystem]
  const namespaced = type === 'maven' ? `org.example/${name}` : purlName(name)
  return {
    type: 'library',
    'bom-ref': `ref-${String(i)}`,
    name,
    version,
    ...(next() < 0.95 ? { purl: `pkg:${type}/${namespaced}@${version}` } : {}),
    ...(next() < 0.2
      ? {
          cpe: `cpe:2.3:a:vendor${String(i % 300)}:${name.replace(/[^a-z0-9_-]/gi, '_')}:${plain}:*:*:*:*:*:*:*`,
        }
      : {}),
  }
}

export const generateComponents = (
  corpus: OsvCorpus,
  count: number,
  seed = 10_000,
): BenchComponent[] => {
  const next = seededRandom(seed)
  return Array.from({ length: count }, (_, i) => componentOf(next, corpus, i))
}

/** What `findAdvisoryMatches` takes: a bare SBOM's components, no releases or hosts. */
export const scanTargetsOf = (components: readonly BenchComponent[]): ScanTarget[] =>
  components.map((component) => ({
    id: component['bom-ref'],
    name: component.name,
    version: component.version,
    ...(component.purl === undefined ? {} : { purl: component.purl }),
    ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
    releases: [],
    hosts: [],
  }))
