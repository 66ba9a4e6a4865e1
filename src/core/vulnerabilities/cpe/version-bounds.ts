import type { CpeMatchCriterion } from '../advisory.js'
import type { CpeName } from './cpe-name.js'
import type { CpeMatchPolicy } from './criterion-applies.js'
import type { VersionComparator } from '../versions/generic-order.js'

export const hasVersionBounds = (criterion: CpeMatchCriterion): boolean =>
  criterion.versionStartIncluding !== undefined ||
  criterion.versionStartExcluding !== undefined ||
  criterion.versionEndIncluding !== undefined ||
  criterion.versionEndExcluding !== undefined

/**
 * Is the component's version inside the criterion's `versionStart…`/`versionEnd…` bounds? NVD sets
 * bounds only on criteria whose version is `*`, so bounds count only there. A component version of
 * NA or a pattern is in no range; an unstated one (`*`) is taken as possibly inside under the
 * `unstated-is-unknown` policy, and as outside under `nistir-7696`.
 */
export const withinVersionBounds = (
  criterion: CpeMatchCriterion,
  criterionName: CpeName,
  component: CpeName,
  compare: VersionComparator,
  policy: CpeMatchPolicy,
): boolean => {
  if (criterionName.version.kind !== 'any' || !hasVersionBounds(criterion)) return true
  const version = component.version
  if (version.kind === 'any') return policy === 'unstated-is-unknown'
  if (version.kind !== 'value') return false
  const at = (bound: string | undefined, holds: (order: number) => boolean): boolean =>
    bound === undefined || holds(compare(version.text, bound))
  return (
    at(criterion.versionStartIncluding, (order) => order >= 0) &&
    at(criterion.versionStartExcluding, (order) => order > 0) &&
    at(criterion.versionEndIncluding, (order) => order <= 0) &&
    at(criterion.versionEndExcluding, (order) => order < 0)
  )
}
