import type { Advisory, CpeConfiguration, CpeMatchCriterion } from '../advisory.js'
import {
  evaluateConfiguration,
  resolveOptions,
  satisfies,
  type ComponentCpe,
  type ConfigurationMatch,
  type CpeMatchOptions,
  type ResolvedMatchOptions,
} from './configuration-match.js'
import type { CpeName } from './cpe-name.js'
import { parseCpe } from './parse-cpe.js'

/** The configurations of one advisory that hold for the given CPEs. */
export interface AdvisoryCpeMatch {
  readonly advisoryId: string
  readonly matches: readonly ConfigurationMatch[]
}

/**
 * Each criterion object parsed once (advisories are immutable values); an unparsable criterion is
 * satisfied by nothing. A WeakMap, so advisories that are dropped take their parses with them.
 */
const parsedCriteria = new WeakMap<CpeMatchCriterion, CpeName | null>()

const parseCriterion = (criterion: CpeMatchCriterion): CpeName | undefined => {
  let name = parsedCriteria.get(criterion)
  if (name === undefined) {
    const result = parseCpe(criterion.criteria)
    name = result.ok ? result.value : null
    parsedCriteria.set(criterion, name)
  }
  return name ?? undefined
}

const evaluateAll = (
  configurations: readonly CpeConfiguration[],
  components: readonly ComponentCpe[],
  options: ResolvedMatchOptions,
): ConfigurationMatch[] =>
  configurations.flatMap((configuration, index) => {
    const result = evaluateConfiguration(configuration, index, (node, match) => {
      const criterion = configuration.nodes[node]?.cpeMatch[match]
      const name = criterion === undefined ? undefined : parseCriterion(criterion)
      if (criterion === undefined || name === undefined) return []
      return components.filter((component) => satisfies(criterion, name, component.name, options))
    })
    return result === undefined ? [] : [result]
  })

/**
 * Which of an advisory's NVD configurations hold for a device or component described by `cpes`
 * (e.g. its firmware CPE and its hardware CPE): every criterion checked against every CPE.
 */
export const matchConfigurations = (
  configurations: readonly CpeConfiguration[],
  cpes: readonly ComponentCpe[],
  options?: CpeMatchOptions,
): ConfigurationMatch[] => evaluateAll(configurations, cpes, resolveOptions(options))

/**
 * The reference evaluator: every configuration of every advisory against every CPE, no index.
 * Withdrawn advisories match nothing. The indexed path (`matchCpeIndex`) must return the same.
 */
export const matchAdvisoriesBruteForce = (
  advisories: readonly Advisory[],
  cpes: readonly ComponentCpe[],
  options?: CpeMatchOptions,
): AdvisoryCpeMatch[] => {
  const resolved = resolveOptions(options)
  return advisories.flatMap((advisory) => {
    if (advisory.withdrawn !== undefined) return []
    const matches = evaluateAll(advisory.configurations, cpes, resolved)
    return matches.length === 0 ? [] : [{ advisoryId: advisory.id, matches }]
  })
}
