import type { Advisory, CpeMatchCriterion } from '../advisory.js'
import {
  evaluateConfiguration,
  resolveOptions,
  satisfies,
  type ComponentCpe,
  type CpeMatchOptions,
} from './configuration-match.js'
import type { CpeName, CpeValue } from './cpe-name.js'
import type { AdvisoryCpeMatch } from './match-configurations.js'
import { parseCpe } from './parse-cpe.js'

/** One criterion where the index keeps it: its place in the advisories and its parsed CPE. */
export interface IndexedCriterion {
  readonly advisory: number
  readonly configuration: number
  readonly node: number
  readonly match: number
  readonly criterion: CpeMatchCriterion
  readonly name: CpeName
}

/** A criterion the index left out because its CPE does not parse: it can match nothing. */
export interface SkippedCriterion {
  readonly advisoryId: string
  /** `configurations[c].nodes[n].cpeMatch[m]`. */
  readonly path: readonly (string | number)[]
  readonly message: string
}

/**
 * NVD criteria indexed by (part, vendor, product), and also by (part, product), (part, vendor) and
 * part alone, so that a component CPE with `*` as vendor or product is looked up, not skipped
 * (Dependency-Track's equality query skips it, DT PR #1929) and not scanned against everything.
 * Criteria with a wildcard pattern in part, vendor or product (rare) are checked every time.
 */
export interface CpeCriteriaIndex {
  readonly advisories: readonly Advisory[]
  readonly byPartVendorProduct: ReadonlyMap<string, readonly IndexedCriterion[]>
  readonly byPartProduct: ReadonlyMap<string, readonly IndexedCriterion[]>
  readonly byPartVendor: ReadonlyMap<string, readonly IndexedCriterion[]>
  readonly byPart: ReadonlyMap<string, readonly IndexedCriterion[]>
  readonly patterned: readonly IndexedCriterion[]
  readonly skipped: readonly SkippedCriterion[]
}

/** Key of a value in the index; a pattern has none. Texts never hold `\0`. */
const keyOf = (value: CpeValue): string | undefined =>
  value.kind === 'any'
    ? '*'
    : value.kind === 'na'
      ? '-'
      : value.kind === 'value'
        ? `=${value.text}`
        : undefined

const join = (...keys: string[]): string => keys.join('\u0000')

const add = (map: Map<string, IndexedCriterion[]>, key: string, entry: IndexedCriterion): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [entry])
  else list.push(entry)
}

/** Indexes the criteria of every advisory that is not withdrawn. */
export const buildCpeCriteriaIndex = (advisories: readonly Advisory[]): CpeCriteriaIndex => {
  const index = {
    advisories,
    byPartVendorProduct: new Map<string, IndexedCriterion[]>(),
    byPartProduct: new Map<string, IndexedCriterion[]>(),
    byPartVendor: new Map<string, IndexedCriterion[]>(),
    byPart: new Map<string, IndexedCriterion[]>(),
    patterned: [] as IndexedCriterion[],
    skipped: [] as SkippedCriterion[],
  }
  // NVD repeats criteria across CVEs (`cpe:2.3:o:linux:linux_kernel:*:…` thousands of times).
  const parsed = new Map<string, ReturnType<typeof parseCpe>>()
  const parse = (criteria: string): ReturnType<typeof parseCpe> => {
    let result = parsed.get(criteria)
    if (result === undefined) {
      result = parseCpe(criteria)
      parsed.set(criteria, result)
    }
    return result
  }
  advisories.forEach((advisory, advisoryIndex) => {
    if (advisory.withdrawn !== undefined) return
    advisory.configurations.forEach((configuration, configurationIndex) => {
      configuration.nodes.forEach((node, nodeIndex) => {
        node.cpeMatch.forEach((criterion, match) => {
          const name = parse(criterion.criteria)
          if (!name.ok) {
            index.skipped.push({
              advisoryId: advisory.id,
              path: ['configurations', configurationIndex, 'nodes', nodeIndex, 'cpeMatch', match],
              message: name.error,
            })
            return
          }
          const entry: IndexedCriterion = {
            advisory: advisoryIndex,
            configuration: configurationIndex,
            node: nodeIndex,
            match,
            criterion,
            name: name.value,
          }
          const part = keyOf(name.value.part)
          const vendor = keyOf(name.value.vendor)
          const product = keyOf(name.value.product)
          if (part === undefined || vendor === undefined || product === undefined) {
            index.patterned.push(entry)
            return
          }
          add(index.byPartVendorProduct, join(part, vendor, product), entry)
          add(index.byPartProduct, join(part, product), entry)
          add(index.byPartVendor, join(part, vendor), entry)
          add(index.byPart, part, entry)
        })
      })
    })
  })
  return index
}

/**
 * Index keys of criterion values that can cover a component value: the same value or ANY for a
 * value, NA or ANY for NA, every key for an unstated ANY (`undefined`), none for a pattern (the
 * comparison is UNDEFINED, Table 6-2).
 */
const keysCovering = (value: CpeValue): string[] | undefined => {
  switch (value.kind) {
    case 'value':
      return [`=${value.text}`, '*']
    case 'na':
      return ['-', '*']
    case 'any':
      return undefined
    case 'pattern':
      return []
  }
}

const candidates = (index: CpeCriteriaIndex, name: CpeName): IndexedCriterion[] => {
  const parts = keysCovering(name.part) ?? [...index.byPart.keys()]
  const vendors = keysCovering(name.vendor)
  const products = keysCovering(name.product)
  const found: IndexedCriterion[] = [...index.patterned]
  const take = (map: ReadonlyMap<string, readonly IndexedCriterion[]>, key: string): void => {
    for (const entry of map.get(key) ?? []) found.push(entry)
  }
  for (const part of parts) {
    if (vendors !== undefined && products !== undefined) {
      for (const vendor of vendors) {
        for (const product of products) take(index.byPartVendorProduct, join(part, vendor, product))
      }
    } else if (products !== undefined) {
      for (const product of products) take(index.byPartProduct, join(part, product))
    } else if (vendors !== undefined) {
      for (const vendor of vendors) take(index.byPartVendor, join(part, vendor))
    } else take(index.byPart, part)
  }
  return found
}

const satisfierKey = (entry: IndexedCriterion): string =>
  join(String(entry.advisory), String(entry.configuration), String(entry.node), String(entry.match))

/**
 * The same answer as `matchAdvisoriesBruteForce`, from an index: only criteria that share part,
 * vendor and product with a CPE (or leave them open) are checked, and only configurations with a
 * satisfied criterion are evaluated; the others cannot match (every match needs a satisfied
 * vulnerable criterion).
 */
export const matchCpeIndex = (
  index: CpeCriteriaIndex,
  cpes: readonly ComponentCpe[],
  options?: CpeMatchOptions,
): AdvisoryCpeMatch[] => {
  const resolved = resolveOptions(options)
  const satisfiers = new Map<string, ComponentCpe[]>()
  const touched = new Map<number, Set<number>>()
  for (const component of cpes) {
    for (const entry of new Set(candidates(index, component.name))) {
      if (!satisfies(entry.criterion, entry.name, component.name, resolved)) continue
      const key = satisfierKey(entry)
      const list = satisfiers.get(key)
      if (list === undefined) satisfiers.set(key, [component])
      else list.push(component)
      const configurations = touched.get(entry.advisory) ?? new Set<number>()
      configurations.add(entry.configuration)
      touched.set(entry.advisory, configurations)
    }
  }
  return [...touched.keys()]
    .sort((a, b) => a - b)
    .flatMap((advisoryIndex) => {
      const advisory = index.advisories[advisoryIndex]
      if (advisory === undefined) return []
      const matches = [...(touched.get(advisoryIndex) ?? [])]
        .sort((a, b) => a - b)
        .flatMap((configurationIndex) => {
          const configuration = advisory.configurations[configurationIndex]
          if (configuration === undefined) return []
          const result = evaluateConfiguration(
            configuration,
            configurationIndex,
            (node, match) =>
              satisfiers.get(
                join(
                  String(advisoryIndex),
                  String(configurationIndex),
                  String(node),
                  String(match),
                ),
              ) ?? [],
          )
          return result === undefined ? [] : [result]
        })
      return matches.length === 0 ? [] : [{ advisoryId: advisory.id, matches }]
    })
}
