import type { CpeConfiguration, CpeMatchCriterion } from '../advisory.js'
import { err, ok, type Result } from '../../result.js'
import type { CpeName } from './cpe-name.js'
import { criterionApplies, type CpeMatchPolicy } from './criterion-applies.js'
import { compareGenericVersions, type VersionComparator } from '../versions/generic-order.js'
import { parseCpe } from './parse-cpe.js'
import { withinVersionBounds } from './version-bounds.js'

export interface CpeMatchOptions {
  /** Orders versions for `versionStart…`/`versionEnd…`; the generic comparator when absent. */
  readonly compareVersions?: VersionComparator
  readonly policy?: CpeMatchPolicy
}

/** A CPE of the device or component, as written and as parsed. */
export interface ComponentCpe {
  readonly cpe: string
  readonly name: CpeName
}

export const componentCpe = (cpe: string): Result<ComponentCpe, string> => {
  const name = parseCpe(cpe)
  return name.ok ? ok({ cpe, name: name.value }) : err(name.error)
}

/** One criterion of a configuration that one of the given CPEs satisfied. */
export interface CriterionMatch {
  /** Index in `configuration.nodes`. */
  readonly node: number
  /** Index in `node.cpeMatch`. */
  readonly match: number
  readonly criterion: CpeMatchCriterion
  /** The CPE that satisfied it, as given. */
  readonly cpe: string
}

/** A configuration that holds for the given CPEs, with the criteria that made it hold. */
export interface ConfigurationMatch {
  /** Index in the advisory's `configurations`. */
  readonly configuration: number
  /** Satisfied `vulnerable: true` criteria: what the finding is about. */
  readonly vulnerable: readonly CriterionMatch[]
  /** Satisfied `vulnerable: false` criteria: the platform it runs on or with. */
  readonly platform: readonly CriterionMatch[]
}

export interface ResolvedMatchOptions {
  readonly compareVersions: VersionComparator
  readonly policy: CpeMatchPolicy
}

export const resolveOptions = (options: CpeMatchOptions = {}): ResolvedMatchOptions => ({
  compareVersions: options.compareVersions ?? compareGenericVersions,
  policy: options.policy ?? 'unstated-is-unknown',
})

/** The criterion's CPE applies to the component and the component's version is in its bounds. */
export const satisfies = (
  criterion: CpeMatchCriterion,
  criterionName: CpeName,
  component: CpeName,
  options: ResolvedMatchOptions,
): boolean =>
  criterionApplies(criterionName, component, options.policy) &&
  withinVersionBounds(criterion, criterionName, component, options.compareVersions, options.policy)

/** The CPEs that satisfy the criterion at `cpeMatch[match]` of `nodes[node]`. */
export type Satisfiers = (node: number, match: number) => readonly ComponentCpe[]

interface NodeOutcome {
  readonly holds: boolean
  readonly found: readonly CriterionMatch[]
}

/**
 * Evaluates one configuration: a node holds when all (AND) or any (OR) of its criteria are
 * satisfied, inverted by `negate`; the configuration joins its nodes the same way. It counts as a
 * match only when it holds and a vulnerable criterion of a node that holds, unnegated, was
 * satisfied: a negated node names what must be absent, so it can name no affected component, and
 * for the same reason a negated configuration (the API allows one; NVD does not publish them)
 * matches nothing.
 */
export const evaluateConfiguration = (
  configuration: CpeConfiguration,
  index: number,
  satisfiers: Satisfiers,
): ConfigurationMatch | undefined => {
  const outcomes = configuration.nodes.map((node, nodeIndex): NodeOutcome => {
    const found = node.cpeMatch.flatMap((criterion, match) =>
      satisfiers(nodeIndex, match).map((component) => ({
        node: nodeIndex,
        match,
        criterion,
        cpe: component.cpe,
      })),
    )
    const satisfied = new Set(found.map((item) => item.match))
    const all = node.cpeMatch.every((_, match) => satisfied.has(match))
    const holds = (node.operator === 'AND' ? all : satisfied.size > 0) !== node.negate
    return { holds, found: node.negate ? [] : found }
  })
  const joined =
    configuration.operator === 'AND'
      ? outcomes.every((outcome) => outcome.holds)
      : outcomes.some((outcome) => outcome.holds)
  if (!joined || configuration.negate) return undefined
  const found = outcomes.filter((outcome) => outcome.holds).flatMap((outcome) => outcome.found)
  const vulnerable = found.filter((item) => item.criterion.vulnerable)
  if (vulnerable.length === 0) return undefined
  return {
    configuration: index,
    vulnerable,
    platform: found.filter((item) => !item.criterion.vulnerable),
  }
}
