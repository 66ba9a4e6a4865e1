import { CPE_ATTRIBUTES, type CpeAttribute, type CpeName, type CpeValue } from './cpe-name.js'

/**
 * How the set of products a source value names relates to the set a target value names
 * (NISTIR 7696, Table 6-2). SUPERSET: the source covers the target.
 */
export const CPE_RELATIONS = ['EQUAL', 'SUPERSET', 'SUBSET', 'DISJOINT', 'UNDEFINED'] as const
export type CpeRelation = (typeof CPE_RELATIONS)[number]

/**
 * Compares one attribute, source (e.g. an NVD criterion) against target (e.g. a component's CPE),
 * in the order of NIST's reference matcher (usnistgov/cpe-reference-implementation, the NISTIR
 * 7696 pseudocode made executable): a target with unquoted wildcards is UNDEFINED whatever the
 * source is; then equality; then ANY on either side; then NA on either side is DISJOINT; then a
 * source pattern either matches the target or not.
 */
export const compareCpeValues = (source: CpeValue, target: CpeValue): CpeRelation => {
  if (target.kind === 'pattern') return 'UNDEFINED'
  if (source.kind === target.kind && (source.kind !== 'value' || sameText(source, target))) {
    return 'EQUAL'
  }
  if (source.kind === 'any') return 'SUPERSET'
  if (target.kind === 'any') return 'SUBSET'
  if (source.kind === 'na' || target.kind === 'na') return 'DISJOINT'
  if (source.kind === 'value') return 'DISJOINT'
  return patternMatches(source, target.text) ? 'SUPERSET' : 'DISJOINT'
}

const sameText = (source: CpeValue, target: CpeValue): boolean =>
  'text' in source && 'text' in target && source.text === target.text

/**
 * Does the pattern's literal part occur in `text` with no more characters before and after it
 * than its wildcards allow? `*` allows any number; each `?` one at most, as the reference does.
 */
export const patternMatches = (
  pattern: Extract<CpeValue, { kind: 'pattern' }>,
  text: string,
): boolean => {
  const { leading, trailing } = pattern
  for (
    let index = text.indexOf(pattern.text);
    index !== -1;
    index = text.indexOf(pattern.text, index + 1)
  ) {
    if (leading !== '*' && index > leading) return false
    const after = text.length - index - pattern.text.length
    if (trailing === '*' || after <= trailing) return true
  }
  return false
}

export type CpeAttributeRelations = Readonly<Record<CpeAttribute, CpeRelation>>

export interface CpeNameComparison {
  /**
   * DISJOINT if any attribute is; EQUAL if all are; SUPERSET if all are SUPERSET or EQUAL; SUBSET
   * if all are SUBSET or EQUAL; otherwise UNDEFINED (mixed, or a wildcard in the target).
   */
  readonly relation: CpeRelation
  readonly attributes: CpeAttributeRelations
}

export const compareCpeNames = (source: CpeName, target: CpeName): CpeNameComparison => {
  const attributes = {} as Record<CpeAttribute, CpeRelation>
  const seen = new Set<CpeRelation>()
  for (const attribute of CPE_ATTRIBUTES) {
    const relation = compareCpeValues(source[attribute], target[attribute])
    attributes[attribute] = relation
    seen.add(relation)
  }
  return { relation: nameRelation(seen), attributes }
}

const nameRelation = (seen: ReadonlySet<CpeRelation>): CpeRelation => {
  if (seen.has('DISJOINT')) return 'DISJOINT'
  if (seen.has('UNDEFINED')) return 'UNDEFINED'
  if (seen.has('SUPERSET') && seen.has('SUBSET')) return 'UNDEFINED'
  if (seen.has('SUPERSET')) return 'SUPERSET'
  if (seen.has('SUBSET')) return 'SUBSET'
  return 'EQUAL'
}
