import { useId, useMemo, useState } from 'react'

import type { Lifecycle } from '../../api/types.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable, type Column } from '../../ui/data-table.js'
import { messages } from './messages.js'
import {
  clipLabel,
  scaleOf,
  stackRows,
  type Segment,
  type SegmentKind,
  type Timeline,
  type TimelineRow,
  buildTimeline,
} from './timeline.js'

// Drawing units: the SVG scales to the page's width, so these are proportions, not pixels.
const WIDTH = 1200
const LABEL_WIDTH = 190
const PLOT_WIDTH = WIDTH - LABEL_WIDTH - 16
const AXIS_HEIGHT = 26
const HEIGHTS = { heading: 24, release: 26, component: 18 } as const
const BAR_HEIGHTS = { release: 12, component: 8 } as const
/** Stretches after support has ended are drawn as a thin line: present, but not loud. */
const ENDED_HEIGHT = 3
const ENDED: ReadonlySet<SegmentKind> = new Set(['end-of-support', 'supplier-ended'])
const LABEL_CHARS = 26
/** More component rows than this hide behind a button, so the releases stay in view. */
const COMPONENTS_SHOWN_UP_TO = 12

const SEGMENT_CLASS: Readonly<Record<SegmentKind, string>> = {
  support: 'lifecycle-seg-support',
  'limited-support': 'lifecycle-seg-limited',
  'end-of-support': 'lifecycle-seg-ended',
  'supplier-support': 'lifecycle-seg-supplier',
  'supplier-ended': 'lifecycle-seg-supplier-ended',
}

const useSegmentWords = () => {
  const t = useMessages(messages)
  return (kind: SegmentKind): string =>
    ({
      support: t.legendSupport,
      'limited-support': t.legendLimited,
      'end-of-support': t.legendEnded,
      'supplier-support': t.legendSupplier,
      'supplier-ended': t.legendSupplierEnded,
    })[kind]
}

const inDomain = (date: string, timeline: Timeline) =>
  date >= timeline.domain.start && date < timeline.domain.end

const Row = ({
  row,
  y,
  height,
  timeline,
}: {
  readonly row: TimelineRow
  readonly y: number
  readonly height: number
  readonly timeline: Timeline
}) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const wordOf = useSegmentWords()
  const x = scaleOf(timeline.domain, PLOT_WIDTH)
  const middle = y + height / 2
  const barHeight = (segment: Segment) =>
    ENDED.has(segment.kind) ? ENDED_HEIGHT : BAR_HEIGHTS[row.group]
  const segmentTitle = (segment: Segment) =>
    `${row.label}: ${wordOf(segment.kind)} ${formatDate(segment.from)} – ${segment.to === null ? t.openEnded : formatDate(segment.to)}`
  return (
    <g>
      <text x={LABEL_WIDTH - 8} y={middle} className="lifecycle-label" textAnchor="end">
        <title>{row.label}</title>
        {clipLabel(row.label, LABEL_CHARS)}
      </text>
      <g transform={`translate(${String(LABEL_WIDTH)} 0)`}>
        {row.segments.map((segment) => {
          const from = x(segment.from)
          const to = segment.to === null ? PLOT_WIDTH : x(segment.to)
          return (
            <rect
              key={segment.kind}
              className={SEGMENT_CLASS[segment.kind]}
              x={from}
              y={middle - barHeight(segment) / 2}
              width={Math.max(1.5, to - from)}
              height={barHeight(segment)}
              rx={2}
            >
              <title>{segmentTitle(segment)}</title>
            </rect>
          )
        })}
        {row.markers
          .filter((marker) => marker.kind === 'notice-due' && inDomain(marker.date, timeline))
          .map((marker) => {
            const cx = x(marker.date)
            const cy = middle
            return (
              <path
                key={marker.kind}
                className="lifecycle-notice-marker"
                d={`M ${String(cx)} ${String(cy - 8)} l 6 8 l -6 8 l -6 -8 z`}
              >
                <title>{`${row.label}: ${t.legendNotice} ${formatDate(marker.date)}`}</title>
              </path>
            )
          })}
      </g>
    </g>
  )
}

const Axis = ({ timeline, height }: { readonly timeline: Timeline; readonly height: number }) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const x = scaleOf(timeline.domain, PLOT_WIDTH)
  const today = x(timeline.today)
  return (
    <g transform={`translate(${String(LABEL_WIDTH)} 0)`}>
      {timeline.ticks.map((tick) => (
        <g key={tick}>
          <line
            className="lifecycle-grid"
            x1={x(tick)}
            x2={x(tick)}
            y1={AXIS_HEIGHT - 6}
            y2={height}
          />
          <text className="lifecycle-tick" x={x(tick)} y={AXIS_HEIGHT - 10} textAnchor="middle">
            {tick.slice(0, 4)}
          </text>
        </g>
      ))}
      <line className="lifecycle-today" x1={today} x2={today} y1={AXIS_HEIGHT - 4} y2={height}>
        <title>{`${t.legendToday} ${formatDate(timeline.today)}`}</title>
      </line>
      <text className="lifecycle-today-label" x={today + 4} y={AXIS_HEIGHT + 6}>
        {t.legendToday}
      </text>
    </g>
  )
}

const Legend = () => {
  const t = useMessages(messages)
  const items: readonly (readonly [string, string])[] = [
    ['lifecycle-seg-support', t.legendSupport],
    ['lifecycle-seg-limited', t.legendLimited],
    ['lifecycle-seg-ended', t.legendEnded],
    ['lifecycle-seg-supplier', t.legendSupplier],
    ['lifecycle-seg-supplier-ended', t.legendSupplierEnded],
  ]
  return (
    <ul className="lifecycle-legend" aria-label={t.legend}>
      {items.map(([className, label]) => (
        <li key={className}>
          <svg width="18" height="10" aria-hidden="true">
            <rect className={className} width="18" height="10" rx="2" />
          </svg>
          {label}
        </li>
      ))}
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <path className="lifecycle-notice-marker" d="M 7 0 l 6 7 l -6 7 l -6 -7 z" />
        </svg>
        {t.legendNotice}
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true">
          <line className="lifecycle-today" x1="7" x2="7" y1="0" y2="14" />
        </svg>
        {t.legendToday}
      </li>
    </ul>
  )
}

interface SegmentLine {
  readonly key: string
  readonly label: string
  readonly segment: Segment
}

/** The same facts as the drawing, one line per stretch, for screen readers and for copying. */
const TimelineTable = ({ timeline }: { readonly timeline: Timeline }) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const wordOf = useSegmentWords()
  const lines: SegmentLine[] = timeline.rows.flatMap((row) =>
    row.segments.map((segment) => ({
      key: `${row.key} ${segment.kind}`,
      label: row.label,
      segment,
    })),
  )
  const columns: Column<SegmentLine>[] = [
    {
      id: 'row',
      header: t.row,
      cell: (line) => line.label,
      text: (line) => line.label,
      width: '2fr',
    },
    { id: 'phase', header: t.state, cell: (line) => wordOf(line.segment.kind), width: '2fr' },
    { id: 'from', header: t.start, cell: (line) => formatDate(line.segment.from), width: '1fr' },
    {
      id: 'to',
      header: t.end,
      cell: (line) => (line.segment.to === null ? t.openEnded : formatDate(line.segment.to)),
      width: '1fr',
    },
  ]
  return (
    <DataTable
      label={t.timelineAsTable}
      rows={lines}
      columns={columns}
      rowKey={(line) => line.key}
      height="20rem"
    />
  )
}

/** Releases and components on one time axis, with today's line; a table says the same. */
export const LifecycleTimeline = ({ lifecycle }: { readonly lifecycle: Lifecycle }) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const titleId = useId()
  const descId = useId()
  const componentCount = lifecycle.components.filter((c) => c.endOfSupport !== null).length
  const [showComponents, setShowComponents] = useState(componentCount <= COMPONENTS_SHOWN_UP_TO)
  const timeline = useMemo(
    () => buildTimeline(lifecycle, { components: showComponents }),
    [lifecycle, showComponents],
  )
  const everything = useMemo(() => buildTimeline(lifecycle), [lifecycle])
  if (everything.rows.length === 0) return <p className="muted">{t.noDates}</p>
  const { lines, height } = stackRows(timeline.rows, HEIGHTS, AXIS_HEIGHT + 8)
  const releases = lifecycle.releases.length
  return (
    <div className="lifecycle-timeline">
      <svg
        viewBox={`0 0 ${String(WIDTH)} ${String(height + 4)}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="lifecycle-svg"
      >
        <title id={titleId}>{t.timelineTitle}</title>
        <desc id={descId}>
          {t.timelineDescription(
            releases,
            timeline.rows.length - releases,
            formatDate(timeline.today),
          )}
        </desc>
        <Axis timeline={timeline} height={height} />
        {lines.map((line) =>
          line.kind === 'heading' ? (
            <text
              key={`heading:${line.group}`}
              className="lifecycle-heading"
              x={8}
              y={line.y + line.height / 2 + 4}
            >
              {line.group === 'release' ? t.releasesGroup : t.componentsGroup}
            </text>
          ) : (
            <Row
              key={line.row.key}
              row={line.row}
              y={line.y}
              height={line.height}
              timeline={timeline}
            />
          ),
        )}
      </svg>
      <div className="lifecycle-timeline-foot">
        <Legend />
        {componentCount > 0 && (
          <button
            type="button"
            aria-pressed={showComponents}
            onClick={() => {
              setShowComponents(!showComponents)
            }}
          >
            {showComponents ? t.hideComponents : t.showComponents(componentCount)}
          </button>
        )}
      </div>
      <details className="lifecycle-table-alternative">
        <summary>{t.timelineAsTable}</summary>
        <TimelineTable timeline={everything} />
      </details>
    </div>
  )
}
