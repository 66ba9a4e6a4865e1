import { compareCpeNames, type CpeRelation } from './compare-cpe.js'
import type { CpeName } from './cpe-name.js'

/**
 * How a component's CPE is read.
 * - `unstated-is-unknown` (default): a `*` in the component's CPE means "not stated", not "every
 *   value". A criterion applies when, attribute by attribute, it is SUPERSET or EQUAL of the
 *   component, or names a value where the component said `*` (SUBSET, which in Table 6-2 arises
 *   only from a target ANY). SBOM tools write `*` for what they do not know, and NVD criteria often
 *   name target_sw (`...:*:wordpress:*:*`), so the strict reading would miss them.
 * - `nistir-7696`: the spec's CPE_SUPERSET: every attribute SUPERSET or EQUAL.
 */
export const CPE_MATCH_POLICIES = ['unstated-is-unknown', 'nistir-7696'] as const
export type CpeMatchPolicy = (typeof CPE_MATCH_POLICIES)[number]

const COVERS: ReadonlySet<CpeRelation> = new Set(['EQUAL', 'SUPERSET'])
const COVERS_OR_UNSTATED: ReadonlySet<CpeRelation> = new Set(['EQUAL', 'SUPERSET', 'SUBSET'])

/**
 * Does the criterion (an NVD `cpeMatch.criteria`, as source) apply to the component's CPE (as
 * target), leaving version bounds aside?
 *
 * Under `unstated-is-unknown` one mix is refused, as Dependency-Track does since 4.10 (PR #3209,
 * issue #3178): vendor SUBSET with product SUPERSET, or the reverse. Accepting SUBSET means "the
 * component did not say"; when the component leaves the vendor open and the criterion leaves the
 * product open (`cpe:2.3:a:*:zstandard:...` against `cpe:2.3:h:amd:*:...`), each attribute alone is
 * acceptable but together they claim that every AMD product is zstandard. Under `nistir-7696` the
 * rule can never fire, since no SUBSET is accepted there.
 */
export const criterionApplies = (
  criterion: CpeName,
  component: CpeName,
  policy: CpeMatchPolicy = 'unstated-is-unknown',
): boolean => {
  const { attributes } = compareCpeNames(criterion, component)
  const accepted = policy === 'nistir-7696' ? COVERS : COVERS_OR_UNSTATED
  if (!Object.values(attributes).every((relation) => accepted.has(relation))) return false
  const { vendor, product } = attributes
  return !(
    (vendor === 'SUBSET' && product === 'SUPERSET') ||
    (vendor === 'SUPERSET' && product === 'SUBSET')
  )
}
