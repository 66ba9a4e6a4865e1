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
  /** The advisory itself, when the index holds it in memory anyway. */
  readonly held?: Advisory
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

/**
 * What a match reads of an entry, copied side by side when its key is indexed. Entries are made
 * while a whole feed is read and lie scattered over a heap of gigabytes: a scan that followed
 * each one's pointers (entry, its `advisory` closure, the closure's context) waited on memory
 * longer than it took to find the entry.
 */
export interface IndexedEntry {
  readonly advisoryId: string
  readonly release: string | undefined
  /** `<ecosystem> package <name>`: how a match's evidence starts. */
  readonly subject: string
  readonly held: Advisory | undefined
  readonly advisory: () => Advisory
}

const indexedEntry = (entry: PackageEntry): IndexedEntry => ({
  advisoryId: entry.advisoryId,
  release: entry.release,
  subject: `${entry.ecosystem} package ${entry.name}`,
  held: entry.held,
  advisory: entry.advisory,
})

/** The advisories of one package key, indexed so a version finds its entries at once. */
export interface PackageAdvisories {
  readonly entries: readonly PackageEntry[]
  /** `entries`, as matches read them. */
  readonly indexed: readonly IndexedEntry[]
  /** Indexes into `entries` of the entries that affect `version`, ascending (do not change). */
  readonly affectedBy: (version: string) => readonly number[]
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
 * span that ends before the key and stops where lower bounds pass it. Its size is that of the
 * intervals, but a query still visits every span holding an interval that reaches the key, which
 * with many intervals open from below is most of them: it serves only keys too large for pieces.
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
 * The version line of one order cut at every bound of a package key's intervals into pieces
 * (below the lowest bound, each bound itself, between two bounds, above the highest), each
 * piece knowing the entries it lies in. A query is a binary search over the bounds: the
 * advisories of one version cost O(log n), not a walk over every interval that starts below it
 * (most advisories start at `introduced: "0"`, so the interval tree visited nearly all of them).
 */
class PieceIndex {
  /** Sorted distinct bounds; piece 2i+1 is bound i, piece 2i lies just below it. */
  private readonly bounds: readonly string[]
  /** Per piece, the entries in it (ascending); consecutive equal pieces share one array. */
  private readonly pieces: readonly (readonly number[])[]

  constructor(bounds: readonly string[], pieces: readonly (readonly number[])[]) {
    this.bounds = bounds
    this.pieces = pieces
  }

  lookup(key: string): readonly number[] {
    const bounds = this.bounds
    let low = 0
    let high = bounds.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if ((bounds[middle] ?? '') < key) low = middle + 1
      else high = middle
    }
    return this.pieces[low < bounds.length && bounds[low] === key ? 2 * low + 1 : 2 * low] ?? NONE
  }
}

const NONE: readonly number[] = []

type Item = readonly [SortableInterval, number]

/** The first and last piece an interval covers (first > last: it covers none). */
const spanOf = (
  { lo, loIncluded, hi, hiIncluded }: SortableInterval,
  at: ReadonlyMap<string, number>,
  last: number,
): readonly [number, number] => [
  lo === undefined ? 0 : 2 * (at.get(lo) ?? 0) + (loIncluded ? 1 : 2),
  hi === undefined ? last : 2 * (at.get(hi) ?? 0) + (hiIncluded ? 1 : 0),
]

/** Adds `step` to the count of every entry in `entries`; true when one entered or left. */
const step = (open: Int32Array, entries: readonly number[] | undefined, by: 1 | -1): boolean => {
  let changed = false
  for (const entry of entries ?? NONE) {
    const count = (open[entry] ?? 0) + by
    open[entry] = count
    changed ||= count === (by === 1 ? 1 : 0)
  }
  return changed
}

/**
 * Pieces of the entries of a package key with intervals of one order, or undefined when they
 * would hold more than `budget` entry numbers in all (thousands of entries spanning thousands
 * of bounds): those keep the interval tree, whose size is the number of intervals.
 */
const pieceIndex = (
  items: readonly Item[],
  entryCount: number,
  budget: number,
): PieceIndex | undefined => {
  const bounds = [
    ...new Set(items.flatMap(([{ lo, hi }]) => [lo, hi]).filter((key) => key !== undefined)),
  ].sort()
  const at = new Map(bounds.map((key, index) => [key, index]))
  const last = 2 * bounds.length
  // Per piece, the entries whose interval starts there and those whose interval ended below it.
  const starts = new Array<number[] | undefined>(last + 2)
  const ends = new Array<number[] | undefined>(last + 2)
  for (const [interval, entry] of items) {
    const [first, final] = spanOf(interval, at, last)
    if (first > final) continue
    ;(starts[first] ??= []).push(entry)
    ;(ends[final + 1] ??= []).push(entry)
  }
  const open = new Int32Array(entryCount)
  let inside: number[] = []
  let size = 0
  const pieces: (readonly number[])[] = []
  for (let piece = 0; piece <= last; piece += 1) {
    const left = step(open, ends[piece], -1)
    if (step(open, starts[piece], 1) || left) {
      inside = []
      open.forEach((count, entry) => {
        if (count > 0) inside.push(entry)
      })
      size += inside.length
      if (size > budget) return undefined
    }
    pieces.push(inside)
  }
  return new PieceIndex(bounds, pieces)
}

/** Entry numbers in at most this many pieces per package key and order, by default. */
const PIECE_BUDGET = 1_000_000

const once = (sorted: readonly number[]): readonly number[] =>
  sorted.filter((index, at) => at === 0 || sorted[at - 1] !== index)

/** Ascending entry numbers of two lists that hold each once, ascending. */
const union = (a: readonly number[], b: readonly number[]): readonly number[] => {
  if (b.length === 0) return a
  if (a.length === 0) return b
  return once([...a, ...b].sort((x, y) => x - y))
}

interface SortableLookup {
  readonly family: SortableFamily
  readonly lookup: (key: string) => readonly number[]
}

const sortableLookup = (
  family: SortableFamily,
  items: readonly Item[],
  entryCount: number,
  budget: number,
): SortableLookup => {
  const pieces = pieceIndex(items, entryCount, budget)
  if (pieces !== undefined) return { family, lookup: (key) => pieces.lookup(key) }
  const tree = new IntervalIndex(items)
  return {
    family,
    lookup: (key) => {
      const found: number[] = []
      tree.stab(key, found)
      return once(found.sort((a, b) => a - b))
    },
  }
}

/**
 * Indexes the entries of one package key: explicit versions in a hash map, intervals in one
 * piece index per version order (an interval tree past `budget`), and entries without sortable
 * intervals asked one by one. Answers exactly what asking every entry's
 * `compileAffected(...).isAffected` would.
 */
export const indexPackageEntries = (
  entries: readonly PackageEntry[],
  budget = PIECE_BUDGET,
): PackageAdvisories => {
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
  const orders = [...byFamily].map(([family, items]) =>
    sortableLookup(family, items, entries.length, budget),
  )
  // Most keys have one order and no opaque entries: then nothing is copied or sorted.
  const affectedBy = (version: string): readonly number[] => {
    let found = (listed.size > 0 && listed.get(version)) || NONE
    for (const { family, lookup } of orders) {
      const key = sortableQueryKey(family, version)
      if (key !== undefined) found = union(found, lookup(key))
    }
    if (opaque.length > 0) {
      found = union(
        found,
        opaque.filter((index) => entries[index]?.isAffected?.(version) === true),
      )
    }
    return found
  }
  return { entries, indexed: entries.map(indexedEntry), affectedBy }
}
