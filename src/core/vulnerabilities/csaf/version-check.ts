import type { VersionComparator } from '../cpe/index.js'
import { normalizeVersionWords, type VersionConstraint, type VersionSpec } from './version-spec.js'

/** `in`: the version is covered; `out`: it is not; `unknown`: the text cannot tell. */
export type VersionVerdict = 'in' | 'out' | 'unknown'

const LESSER = new Set(['<', '<='])
const GREATER = new Set(['>', '>='])

/** Compares the tested version with a constraint's, on as many segments as an `x` pattern has. */
const against =
  (version: string, compare: VersionComparator) =>
  (constraint: VersionConstraint): number =>
    compare(
      constraint.segments === undefined
        ? version
        : version.split('.').slice(0, constraint.segments).join('.'),
      constraint.version,
    )

const INCLUSIVE = new Set(['=', '<=', '>='])

/** The `<`/`>` bounds sorted by version, read as alternating bounds; a single bound alone. */
const withinBounds = (
  bounds: readonly VersionConstraint[],
  order: (constraint: VersionConstraint) => number,
): boolean => {
  const [first] = bounds
  if (first === undefined) return false
  if (bounds.length === 1) return LESSER.has(first.comparator) ? order(first) < 0 : order(first) > 0
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const current = bounds[index] as VersionConstraint
    const next = bounds[index + 1] as VersionConstraint
    if (index === 0 && LESSER.has(current.comparator) && order(current) < 0) return true
    if (index + 2 === bounds.length && GREATER.has(next.comparator) && order(next) > 0) return true
    const between = GREATER.has(current.comparator) && LESSER.has(next.comparator)
    if (between && order(current) > 0 && order(next) < 0) return true
  }
  return false
}

/**
 * The containment check of the purl `vers` specification ("Checking if a version is contained
 * within a range"): equal to a `=`, `<=` or `>=` constraint is in, equal to a `!=` one is out;
 * then the `<`/`>` constraints, sorted by version, are read as alternating bounds.
 */
const inConstraints = (
  version: string,
  constraints: readonly VersionConstraint[],
  compare: VersionComparator,
): boolean => {
  const order = against(version, compare)
  if (constraints.some((item) => INCLUSIVE.has(item.comparator) && order(item) === 0)) return true
  if (constraints.some((item) => item.comparator === '!=' && order(item) === 0)) return false
  const bounds = constraints
    .filter((item) => item.comparator !== '=' && item.comparator !== '!=')
    .sort((a, b) => compare(a.version, b.version))
  return withinBounds(bounds, order)
}

/** Is `version` (a component's) covered by what a CSAF version text says? */
export const checkVersion = (
  version: string | undefined,
  spec: VersionSpec,
  compare: VersionComparator,
): VersionVerdict => {
  if (spec.kind === 'all') return 'in'
  if (spec.kind === 'unknown' || version === undefined || version.trim() === '') return 'unknown'
  if (inConstraints(normalizeVersionWords(version), spec.constraints, compare)) return 'in'
  return spec.decisive ? 'out' : 'unknown'
}
