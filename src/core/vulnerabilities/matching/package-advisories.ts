import type { Advisory } from '../advisory.js'
import { sortableQueryKey, type SortableFamily, type SortableInterval } from '../versions/index.js'

/** Decides whether a version is in an OSV `affected` entry (ecosystem order, explicit list). */
export type AffectedPredicate = (version: string) => boolean

/** One `affected[]` entry of one advisory, under the package key it names. */
export interface PackageEntry {
  readonly advisoryId: string
  readonly ecosystem: string
  readonly name: string
  /** OSV release suffix (`12` of `Debian:12`), checked against the purl's distro. */
  readonly release?: string
  /** The whole advisory, read when a match needs it (a stored index reads it by offset). */
  readonly advisory: () => Advisory
  /** The explicit `versions` list; answered by a hash lookup. */
  readonly listed: readonly string[]
  /**
   * The ranges as intervals on sortable keys (`compileAffected`), answered by an interval
   * index; undefined for an entry that only `isAffected` can answer (Maven order, or a caller's
   * own predicate), which then answers for its list too.
   */
  readonly intervals: readonly SortableInterval[] | undefined
  readonly isAffected?: AffectedPredicate
}

/** The advisories of one package key, indexed so a version finds its entries at once. */
export interface PackageAdvisories {
  readonly entries: readonly PackageEntry[]
  /** Indexes into `entries` of the entries that affect `version`, ascending. */
  readonly affectedBy: (version: string) => number[]
}

/** -1, 0, 1 for two lower bounds: unbounded first, then by key, an included bound first. */
const compareLower = (a: SortableInterval, b: SortableInterval): number => {
  if (a.lo === undefined || b.lo === undefined) {
    return (a.lo === undefined ? 0 : 1) - (b.lo === undefined ? 0 : 1)
  }
  if (a.lo !== b.lo) return a.lo < b.lo ? -1 : 1
  return (a.loIncluded ? 0 : 1) - (b.loIncluded ? 0 : 1)
}

/** True when upper bound a reaches at least as far as b. */
const reachesAsFar = (a: SortableInterval, b: SortableInterval): boolean => {
  if (a.hi === undefined) return true
  if (b.hi === undefined) return false
  return a.hi > b.hi || (a.hi === b.hi && (a.hiIncluded || !b.hiIncluded))
}

const admitsFromBelow = (interval: SortableInterval, key: string): boolean =>
  interval.lo === undefined || interval.lo < key || (interval.lo === key && interval.loIncluded)

const admitsFromAbove = (interval: SortableInterval, key: string): boolean =>
  interval.hi === undefined || key < interval.hi || (key === interval.hi && interval.hiIncluded)

/**
 * A static interval tree over intervals sorted by lower bound: the middle of every span is its
 * node, and each node knows the furthest upper bound below it, so a stabbing query skips every
 * span that ends before the key and stops where lower bounds pass it: O(log n + k) for the
 * intervals one version falls in, whatever the number of advisories of the package.
 */
class IntervalIndex {
  private readonly intervals: readonly SortableInterval[]
  private readonly entryOf: readonly number[]
  /** Per node (the middle index of a span), the interval whose upper bound reaches furthest. */
  private readonly furthest: SortableInterval[]

  constructor(items: readonly (readonly [SortableInterval, number])[]) {
    const sorted = [...items].sort((a, b) => compareLower(a[0], b[0]) || a[1] - b[1])
    this.intervals = sorted.map(([interval]) => interval)
    this.entryOf = sorted.map(([, entry]) => entry)
    this.furthest = [...this.intervals]
    this.build(0, sorted.length)
  }

  private build(from: number, to: number): SortableInterval | undefined {
    if (from >= to) return undefined
    const middle = (from + to) >>> 1
    let best = this.intervals[middle]
    for (const child of [this.build(from, middle), this.build(middle + 1, to)]) {
      if (child !== undefined && best !== undefined && !reachesAsFar(best, child)) best = child
    }
    if (best !== undefined) this.furthest[middle] = best
    return best
  }

  stab(key: string, out: number[], from = 0, to = this.intervals.length): void {
    if (from >= to) return
    const middle = (from + to) >>> 1
    const furthest = this.furthest[middle]
    const interval = this.intervals[middle]
    if (furthest === undefined || interval === undefined || !admitsFromAbove(furthest, key)) return
    this.stab(key, out, from, middle)
    if (!admitsFromBelow(interval, key)) return
    if (admitsFromAbove(interval, key)) out.push(this.entryOf[middle] ?? -1)
    this.stab(key, out, middle + 1, to)
  }
}

/**
 * Indexes the entries of one package key: explicit versions in a hash map, intervals in one
 * interval tree per version order, and entries without sortable intervals asked one by one.
 * Answers exactly what asking every entry's `compileAffected(...).isAffected` would.
 */
export const indexPackageEntries = (entries: readonly PackageEntry[]): PackageAdvisories => {
  const listed = new Map<string, number[]>()
  const byFamily = new Map<SortableFamily, [SortableInterval, number][]>()
  const opaque: number[] = []
  entries.forEach((entry, index) => {
    if (entry.intervals === undefined) {
      opaque.push(index)
      return
    }
    for (const version of entry.listed) {
      const list = listed.get(version)
      if (list === undefined) listed.set(version, [index])
      else if (list[list.length - 1] !== index) list.push(index)
    }
    for (const interval of entry.intervals) {
      const list = byFamily.get(interval.family)
      if (list === undefined) byFamily.set(interval.family, [[interval, index]])
      else list.push([interval, index])
    }
  })
  const trees = [...byFamily].map(([family, items]) => [family, new IntervalIndex(items)] as const)
  const affectedBy = (version: string): number[] => {
    const found: number[] = [...(listed.get(version) ?? [])]
    for (const [family, tree] of trees) {
      const key = sortableQueryKey(family, version)
      if (key !== undefined) tree.stab(key, found)
    }
    for (const index of opaque) {
      if (entries[index]?.isAffected?.(version) === true) found.push(index)
    }
    if (found.length < 2) return found
    found.sort((a, b) => a - b)
    return found.filter((index, at) => at === 0 || found[at - 1] !== index)
  }
  return { entries, affectedBy }
}
