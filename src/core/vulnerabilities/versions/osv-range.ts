import type { AffectedPackage, OsvEvent, OsvRange } from '../advisory.js'
import { versionFamilyOfEcosystem } from './version-family.js'
import {
  compareVersionKeys,
  parseVersionKey,
  type SortableFamily,
  type VersionFamily,
  type VersionKey,
} from './version-key.js'

/** Why a range of an affected entry takes no part in `isAffected`. */
export interface UnevaluatedRange {
  /** Index in `affected.ranges`. */
  readonly index: number
  readonly type: OsvRange['type']
  readonly reason: 'git-range' | 'unparsable-bound' | 'no-introduced'
  /** The bound that does not parse, for `unparsable-bound` (empty for an event without one). */
  readonly version?: string
}

/** One affected entry, compiled once: event versions are parsed and sorted up front. */
export interface CompiledAffected {
  readonly family: VersionFamily
  /**
   * True when `version` is in the explicit list or inside an evaluable range. Never throws; a
   * plain function, so it can be passed on detached (`compileAffected(entry).isAffected`).
   */
  readonly isAffected: (version: string) => boolean
  /** Ranges that cannot answer anything; they never make a version affected. */
  readonly unevaluated: readonly UnevaluatedRange[]
  /** The explicit `versions` list (exact strings). */
  readonly listed: readonly string[]
  /**
   * The evaluable ranges as intervals on sortable keys, which many entries can share one
   * interval index over; undefined when a range's order has no sortable key (Maven), and such
   * an entry answers through `isAffected` only. Plain data (JSON), so it can be stored.
   */
  readonly intervals: readonly SortableInterval[] | undefined
}

/**
 * Versions `v` of `family` (as sortable keys) with `lo < v < hi`, where a bound that is
 * `Included` admits equality and an absent bound is unbounded.
 */
export interface SortableInterval {
  readonly family: SortableFamily
  readonly lo?: string
  readonly loIncluded: boolean
  readonly hi?: string
  readonly hiIncluded: boolean
}

type EventKind = 'introduced' | 'fixed' | 'last_affected' | 'limit'

interface CompiledEvent {
  readonly kind: EventKind
  /** Undefined for `introduced: "0"` (before every version) and `limit: "*"` (after every one). */
  readonly key: VersionKey | undefined
}

interface CompiledRange {
  readonly family: VersionFamily
  readonly events: readonly CompiledEvent[]
  readonly limits: readonly CompiledEvent[]
}

const EVENT_KINDS: readonly EventKind[] = ['introduced', 'fixed', 'last_affected', 'limit']

/** The event's kind and version; undefined for an event a careless feed built without one. */
const eventOf = (event: OsvEvent): [EventKind, string] | undefined => {
  const fields: Readonly<Partial<Record<string, unknown>>> = event
  for (const kind of EVENT_KINDS) {
    const version = fields[kind]
    if (typeof version === 'string') return [kind, version]
  }
  return undefined
}

/**
 * Events at the same version: closing events first, so that adjacent or overlapping intervals
 * of one range join (`[a, X)` then `[X, b)` leaves X affected, as the record means).
 */
const TIE_ORDER: Readonly<Record<EventKind, number>> = {
  fixed: 0,
  last_affected: 1,
  limit: 2,
  introduced: 3,
}

const compareEvents = (a: CompiledEvent, b: CompiledEvent): number => {
  if (a.key === undefined || b.key === undefined) {
    // Only "0" (introduced) and "*" (limit) lack a key; "0" sorts first, "*" last.
    const rank = (event: CompiledEvent): number =>
      event.key !== undefined ? 1 : event.kind === 'introduced' ? 0 : 2
    return rank(a) - rank(b)
  }
  return compareVersionKeys(a.key, b.key) || TIE_ORDER[a.kind] - TIE_ORDER[b.kind]
}

const compileEvent = (
  event: OsvEvent,
  family: VersionFamily,
): CompiledEvent | { readonly unparsable: string } => {
  const parts = eventOf(event)
  if (parts === undefined) return { unparsable: '' }
  const [kind, version] = parts
  if (kind === 'introduced' && version === '0') return { kind, key: undefined }
  if (kind === 'limit' && version === '*') return { kind, key: undefined }
  const key = parseVersionKey(family, version)
  return key === undefined ? { unparsable: version } : { kind, key }
}

/** SEMVER ranges use SemVer 2.0 precedence; Go's own flavour accepts what Go records hold. */
const rangeFamily = (range: OsvRange, ecosystemFamily: VersionFamily): VersionFamily =>
  range.type === 'SEMVER' && ecosystemFamily !== 'go' ? 'semver' : ecosystemFamily

const compileRange = (
  range: OsvRange,
  index: number,
  ecosystemFamily: VersionFamily,
): CompiledRange | UnevaluatedRange => {
  if (range.type === 'GIT') return { index, type: range.type, reason: 'git-range' }
  const family = rangeFamily(range, ecosystemFamily)
  const events: CompiledEvent[] = []
  for (const event of range.events) {
    const compiled = compileEvent(event, family)
    if ('unparsable' in compiled) {
      return { index, type: range.type, reason: 'unparsable-bound', version: compiled.unparsable }
    }
    events.push(compiled)
  }
  if (!events.some((event) => event.kind === 'introduced')) {
    return { index, type: range.type, reason: 'no-introduced' }
  }
  events.sort(compareEvents)
  return {
    family,
    events: events.filter((event) => event.kind !== 'limit'),
    limits: events.filter((event) => event.kind === 'limit'),
  }
}

/** osv-schema BeforeLimits: no limit means an implicit "*". */
const beforeLimits = (version: VersionKey, limits: readonly CompiledEvent[]): boolean =>
  limits.length === 0 ||
  limits.some((limit) => limit.key === undefined || compareVersionKeys(version, limit.key) < 0)

/** osv-schema IncludedInRanges for one range: walk the sorted events. */
const inRange = (version: VersionKey, range: CompiledRange): boolean => {
  if (!beforeLimits(version, range.limits)) return false
  let affected = false
  for (const event of range.events) {
    const order = event.key === undefined ? 1 : compareVersionKeys(version, event.key)
    if (event.kind === 'introduced') {
      if (order >= 0) affected = true
    } else if (event.kind === 'fixed') {
      if (order >= 0) affected = false
    } else if (order > 0) {
      affected = false
    }
  }
  return affected
}

/**
 * Compiles one OSV `affected[]` entry into a predicate, following osv-schema's "Evaluation":
 * a version is affected when it is in `versions` (exact string) or inside a range, where a
 * range's events, sorted by version, switch "affected" on at `introduced` (`"0"` is before every
 * version), off at `fixed` (exclusive) and after `last_affected` (inclusive), and `limit`s cap
 * the range (`"*"` is no cap).
 *
 * - `SEMVER` ranges use SemVer 2.0 precedence, `ECOSYSTEM` ranges the ecosystem's order
 *   (`family` overrides the one taken from `affected.ecosystem`).
 * - At one version, `fixed`, `last_affected` and `limit` apply before `introduced`, so adjacent
 *   or overlapping intervals of one range join (the schema leaves ties open).
 * - `GIT` ranges are not evaluated: commit ranges need the repository's commit graph, which is
 *   why osv-scanner skips them offline too. Their versions belong in the explicit list.
 * - Nothing throws: a version that does not parse in the range's order matches no range (the
 *   explicit list still applies), and a range whose own bound does not parse is reported in
 *   `unevaluated` and matches nothing, rather than being half-applied.
 */
/**
 * Query versions parsed once: a component of a much-advised package (tensorflow has ~300
 * advisories) would otherwise parse its version again for every affected entry it is checked
 * against. Bounded, and cleared when full, so a long-running server cannot grow it without end.
 */
const QUERY_CACHE_LIMIT = 100_000
const queryKeys = new Map<VersionFamily, Map<string, VersionKey | null>>()
let queryCount = 0
const queryKey = (family: VersionFamily, version: string): VersionKey | undefined => {
  const cached = queryKeys.get(family)?.get(version)
  if (cached !== undefined) return cached ?? undefined
  const key = parseVersionKey(family, version)
  if (queryCount >= QUERY_CACHE_LIMIT) {
    queryKeys.clear()
    queryCount = 0
  }
  let keys = queryKeys.get(family)
  if (keys === undefined) {
    keys = new Map<string, VersionKey | null>()
    queryKeys.set(family, keys)
  }
  keys.set(version, key ?? null)
  queryCount += 1
  return key
}

/**
 * The sortable key of a queried version in a family, parsed once (cached as `isAffected`
 * does); undefined when the family has no such version or no sortable keys (Maven).
 */
export const sortableQueryKey = (family: VersionFamily, version: string): string | undefined => {
  const key = queryKey(family, version)
  return key === undefined || !('sortable' in key) ? undefined : key.sortable
}

export const compileAffected = (
  affected: AffectedPackage,
  family: VersionFamily = versionFamilyOfEcosystem(affected.ecosystem),
): CompiledAffected => {
  const listed = new Set(affected.versions)
  const ranges: CompiledRange[] = []
  const unevaluated: UnevaluatedRange[] = []
  affected.ranges.forEach((range, index) => {
    const compiled = compileRange(range, index, family)
    if ('reason' in compiled) unevaluated.push(compiled)
    else ranges.push(compiled)
  })
  // Ranges of one order next to each other: a query is parsed once per order.
  ranges.sort((a, b) => (a.family < b.family ? -1 : a.family > b.family ? 1 : 0))
  const isAffected = (version: string): boolean => {
    if (listed.has(version)) return true
    let family: VersionFamily | undefined
    let key: VersionKey | undefined
    for (const range of ranges) {
      if (range.family !== family) {
        family = range.family
        key = queryKey(family, version)
      }
      if (key !== undefined && inRange(key, range)) return true
    }
    return false
  }
  return {
    family,
    isAffected,
    unevaluated,
    listed: affected.versions,
    intervals: sortableIntervals(ranges),
  }
}

/** A sortable key's string; undefined for a Maven key. */
const sortableOf = (key: VersionKey): string | undefined =>
  'sortable' in key ? key.sortable : undefined

interface EventPoint {
  readonly key: string
  introduced: boolean
  fixed: boolean
}

/** A piece of the version line: an open segment between two points, or one point. */
interface Piece {
  readonly on: boolean
  /** For a point, its key; for a segment, the point below it (none: unbounded). */
  readonly lo: string | undefined
  /** For a segment, the point above it (none: unbounded); unused for a point. */
  readonly hi: string | undefined
  readonly point: boolean
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The distinct event versions of a range, and whether `introduced: "0"` opens it below all. */
const eventPoints = (
  range: CompiledRange,
): { readonly points: Map<string, EventPoint>; readonly below: boolean } | undefined => {
  const points = new Map<string, EventPoint>()
  let below = false
  for (const event of range.events) {
    if (event.key === undefined) {
      below ||= event.kind === 'introduced'
      continue
    }
    const key = sortableOf(event.key)
    if (key === undefined) return undefined
    const point = points.get(key) ?? { key, introduced: false, fixed: false }
    points.set(key, point)
    if (event.kind === 'introduced') point.introduced = true
    if (event.kind === 'fixed') point.fixed = true
  }
  return { points, below }
}

/** The highest limit (versions from it on are cut off); none when a limit is `*` or absent. */
const capOf = (range: CompiledRange): { readonly cap: string | undefined } | undefined => {
  if (range.limits.some((limit) => limit.key === undefined)) return { cap: undefined }
  let cap: string | undefined
  for (const limit of range.limits) {
    const key = limit.key === undefined ? undefined : sortableOf(limit.key)
    if (key === undefined) return undefined
    if (cap === undefined || key > cap) cap = key
  }
  return { cap }
}

/**
 * The versions `inRange` answers true for, as intervals. Walking the sorted events, the state
 * just above a point is on if the point has an `introduced` event (it sorts last among ties)
 * and off if it has any other; at the point itself `introduced` and `fixed` apply but
 * `last_affected` does not (it is inclusive), so there the state is on with `introduced`, off
 * with `fixed`, and else the state from below. Limits cap the range below the highest limit.
 */
const rangeIntervals = (range: CompiledRange): SortableInterval[] | undefined => {
  if (range.family === 'maven') return undefined
  const events = eventPoints(range)
  const limit = capOf(range)
  if (events === undefined || limit === undefined) return undefined
  const keys = [...events.points.keys()]
  if (limit.cap !== undefined && !events.points.has(limit.cap)) keys.push(limit.cap)
  return mergePieces(range.family, piecesOf(events, limit.cap, keys.sort(compareStrings)))
}

/** The version line cut at `keys` (sorted), each piece on or off. */
const piecesOf = (
  { points, below }: { readonly points: Map<string, EventPoint>; readonly below: boolean },
  cap: string | undefined,
  keys: readonly string[],
): Piece[] => {
  const under = (key: string | undefined) => cap === undefined || key === undefined || key < cap
  const pieces: Piece[] = []
  let state = below
  let previous: string | undefined
  for (const key of keys) {
    pieces.push({ on: state && under(previous), lo: previous, hi: key, point: false })
    const point = points.get(key)
    const at = point === undefined ? state : point.introduced || (!point.fixed && state)
    pieces.push({ on: at && under(key), lo: key, hi: undefined, point: true })
    if (point !== undefined) state = point.introduced
    previous = key
  }
  pieces.push({ on: state && cap === undefined, lo: previous, hi: undefined, point: false })
  return pieces
}

/** Runs of pieces that are on, as intervals. */
const mergePieces = (family: SortableFamily, pieces: readonly Piece[]): SortableInterval[] => {
  const intervals: SortableInterval[] = []
  let start: Piece | undefined
  let last: Piece | undefined
  const close = (end: Piece) => {
    if (start === undefined) return
    const hi = end.point ? end.lo : end.hi
    intervals.push({
      family,
      ...(start.lo === undefined ? {} : { lo: start.lo }),
      loIncluded: start.point,
      ...(hi === undefined ? {} : { hi }),
      hiIncluded: end.point,
    })
    start = undefined
  }
  for (const piece of pieces) {
    if (piece.on) start ??= piece
    else if (last !== undefined) close(last)
    last = piece
  }
  if (last !== undefined) close(last)
  return intervals
}

/** Every range's intervals; undefined when one range has no sortable order. */
const sortableIntervals = (ranges: readonly CompiledRange[]): SortableInterval[] | undefined => {
  const all: SortableInterval[] = []
  for (const range of ranges) {
    const intervals = rangeIntervals(range)
    if (intervals === undefined) return undefined
    all.push(...intervals)
  }
  return all
}
