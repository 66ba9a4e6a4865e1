import { addYears } from '../../../../src/core/lifecycle/calendar-date.js'
import type { Lifecycle } from '../../api/types.js'

/**
 * The lifecycle timeline as data: a time axis over whole years and one row per release and per
 * component with a supplier end of support. Drawing is the component's job; the geometry is here
 * so it can be tested.
 */

const DAY_MS = 86_400_000

/** Days since 1970-01-01 for a YYYY-MM-DD date (the time of an ISO instant is dropped). */
export const dayNumber = (date: string): number => {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number]
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS)
}

/**
 * How far the axis reaches past today at most: a component supported until 2099 would otherwise
 * squeeze the releases into a sliver. Rows that go on beyond are drawn to the edge, open-ended.
 */
export const MAX_YEARS_AHEAD = 12

export interface TimeDomain {
  /** 1 January of the first year shown. */
  readonly start: string
  /** 1 January of the year after the last one shown. */
  readonly end: string
}

const yearOf = (date: string): number => Number(date.slice(0, 4))
const januaryFirst = (year: number): string => `${String(year).padStart(4, '0')}-01-01`

/** Whole years from the earliest date to the latest (today included), capped ahead of today. */
export const timeDomain = (dates: readonly (string | null)[], today: string): TimeDomain => {
  const known = [...dates.filter((date): date is string => date !== null), today].map((date) =>
    date.slice(0, 10),
  )
  const sorted = known.sort()
  const first = sorted[0] ?? today
  const last = sorted[sorted.length - 1] ?? today
  const cap = addYears(today, MAX_YEARS_AHEAD)
  return {
    start: januaryFirst(yearOf(first)),
    end: januaryFirst(yearOf(last < cap ? last : cap) + 1),
  }
}

/** A position from 0 to `width` for a date; dates outside the domain are clamped to its edges. */
export const scaleOf = (domain: TimeDomain, width: number): ((date: string) => number) => {
  const start = dayNumber(domain.start)
  const span = Math.max(1, dayNumber(domain.end) - start)
  return (date) => Math.min(width, Math.max(0, ((dayNumber(date) - start) / span) * width))
}

/** 1 January of each labelled year: every year when they fit, else every 2nd, 5th or 10th. */
export const yearTicks = (domain: TimeDomain, maxTicks = 14): readonly string[] => {
  const first = yearOf(domain.start)
  const last = yearOf(domain.end)
  const years = last - first
  const step = [1, 2, 5, 10, 20].find((candidate) => years / candidate <= maxTicks) ?? 50
  const ticks: string[] = []
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) {
    ticks.push(januaryFirst(year))
  }
  return ticks
}

/** What a stretch of a row means: the release's support phase, or the supplier's support. */
export type SegmentKind =
  'support' | 'limited-support' | 'end-of-support' | 'supplier-support' | 'supplier-ended'

export interface Segment {
  readonly kind: SegmentKind
  readonly from: string
  /** Null: goes on past the axis (no end date known, or beyond it). */
  readonly to: string | null
}

export type MarkerKind = 'released' | 'end-of-life' | 'end-of-support' | 'notice-due'

export interface Marker {
  readonly kind: MarkerKind
  readonly date: string
}

export interface TimelineRow {
  readonly key: string
  readonly group: 'release' | 'component'
  readonly label: string
  readonly segments: readonly Segment[]
  readonly markers: readonly Marker[]
}

type LifecycleRelease = Lifecycle['releases'][number]
type LifecycleComponent = Lifecycle['components'][number]

/** released → (support) → end of life → (limited support) → end of support → (ended). */
export const releaseRow = (release: LifecycleRelease): TimelineRow => {
  const { releasedAt, endOfLife, endOfSupport, endOfSupportNoticeDue } = release
  const supportEnds = endOfLife ?? endOfSupport
  const segments: Segment[] = [{ kind: 'support', from: releasedAt, to: supportEnds }]
  if (endOfLife !== null) {
    segments.push({ kind: 'limited-support', from: endOfLife, to: endOfSupport })
  }
  if (endOfSupport !== null) segments.push({ kind: 'end-of-support', from: endOfSupport, to: null })
  const markers: Marker[] = [{ kind: 'released', date: releasedAt }]
  if (endOfLife !== null) markers.push({ kind: 'end-of-life', date: endOfLife })
  if (endOfSupport !== null) markers.push({ kind: 'end-of-support', date: endOfSupport })
  if (endOfSupportNoticeDue !== null) {
    markers.push({ kind: 'notice-due', date: endOfSupportNoticeDue })
  }
  return {
    key: `release:${release.version}`,
    group: 'release',
    label: release.version,
    segments,
    markers,
  }
}

/**
 * A component's supplier support, from the first release that ships it (else the axis start)
 * to the supplier's end of support. Components without an end of support have no row.
 */
export const componentRow = (
  component: LifecycleComponent,
  releasedAt: ReadonlyMap<string, string>,
  axisStart: string,
): TimelineRow | undefined => {
  const { endOfSupport } = component
  if (endOfSupport === null) return undefined
  const shipped = component.releases
    .map((version) => releasedAt.get(version))
    .filter((date): date is string => date !== undefined)
    .sort()
  const from = shipped[0] ?? axisStart
  return {
    key: `component:${component.id}`,
    group: 'component',
    label: `${component.name} ${component.version}`,
    segments: [
      {
        kind: 'supplier-support',
        from: from < endOfSupport ? from : endOfSupport,
        to: endOfSupport,
      },
      { kind: 'supplier-ended', from: endOfSupport, to: null },
    ],
    markers: [{ kind: 'end-of-support', date: endOfSupport }],
  }
}

export interface Timeline {
  readonly domain: TimeDomain
  readonly ticks: readonly string[]
  readonly today: string
  readonly rows: readonly TimelineRow[]
}

/**
 * Releases first (by release date), then components by their end of support; without the
 * components, the axis spans the releases only.
 */
export const buildTimeline = (
  lifecycle: Lifecycle,
  { components: withComponents }: { readonly components: boolean } = { components: true },
): Timeline => {
  const releases = [...lifecycle.releases].sort(
    (a, b) => a.releasedAt.localeCompare(b.releasedAt) || a.version.localeCompare(b.version),
  )
  const domain = timeDomain(
    [
      ...releases.flatMap((r) => [
        r.releasedAt,
        r.endOfLife,
        r.endOfSupport,
        r.endOfSupportNoticeDue,
      ]),
      ...(withComponents ? lifecycle.components.map((c) => c.endOfSupport) : []),
    ],
    lifecycle.date,
  )
  const releasedAt = new Map(releases.map((release) => [release.version, release.releasedAt]))
  const components = (withComponents ? lifecycle.components : [])
    .map((component) => componentRow(component, releasedAt, domain.start))
    .filter((row): row is TimelineRow => row !== undefined)
    .sort(
      (a, b) =>
        (a.segments[0]?.to ?? '').localeCompare(b.segments[0]?.to ?? '') ||
        a.label.localeCompare(b.label),
    )
  return {
    domain,
    ticks: yearTicks(domain),
    today: lifecycle.date,
    rows: [...releases.map(releaseRow), ...components],
  }
}

/** A label cut to `max` characters with an ellipsis, for SVG text, which does not wrap or clip. */
export const clipLabel = (label: string, max: number): string =>
  label.length <= max ? label : `${label.slice(0, Math.max(1, max - 1))}…`

/** A line of the drawing: a group heading or a row, with its top and height in drawing units. */
export type StackedLine =
  | {
      readonly kind: 'heading'
      readonly group: TimelineRow['group']
      readonly y: number
      readonly height: number
    }
  | { readonly kind: 'row'; readonly row: TimelineRow; readonly y: number; readonly height: number }

/** How tall a heading and a row of each group are drawn. */
export type LineHeights = Readonly<Record<'heading' | TimelineRow['group'], number>>

/** Rows stacked top to bottom, each group under its heading; the height they take in all. */
export const stackRows = (
  rows: readonly TimelineRow[],
  heights: LineHeights,
  top = 0,
): { readonly lines: readonly StackedLine[]; readonly height: number } => {
  const lines: StackedLine[] = []
  let y = top
  let group: TimelineRow['group'] | undefined
  for (const row of rows) {
    if (row.group !== group) {
      group = row.group
      lines.push({ kind: 'heading', group, y, height: heights.heading })
      y += heights.heading
    }
    lines.push({ kind: 'row', row, y, height: heights[row.group] })
    y += heights[row.group]
  }
  return { lines, height: y }
}
