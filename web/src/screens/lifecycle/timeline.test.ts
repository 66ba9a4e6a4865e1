import { describe, expect, it } from 'vitest'

import type { Lifecycle } from '../../api/types.js'
import {
  buildTimeline,
  clipLabel,
  componentRow,
  dayNumber,
  releaseRow,
  scaleOf,
  stackRows,
  timeDomain,
  yearTicks,
} from './timeline.js'

type Release = Lifecycle['releases'][number]
type Component = Lifecycle['components'][number]

const release = (over: Partial<Release>): Release => ({
  version: '1.0.0',
  releasedAt: '2022-04-01',
  supportPhase: 'support',
  phaseSource: 'milestones',
  endOfLife: null,
  endOfSupport: null,
  endOfSupportNoticeDue: null,
  noticeState: null,
  unsupportedComponents: [],
  installedBase: null,
  ...over,
})

const component = (over: Partial<Component>): Component => ({
  id: 'openssl',
  name: 'OpenSSL',
  version: '3.0.13',
  supplier: 'OpenSSL Foundation',
  kind: 'library',
  supportLevel: 'supported',
  endOfSupport: '2026-09-07',
  releases: ['1.0.0'],
  state: 'ends-within-a-year',
  ...over,
})

describe('dayNumber', () => {
  it('counts days from 1970 and ignores the time of an instant', () => {
    expect(dayNumber('1970-01-02')).toBe(1)
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2)
    expect(dayNumber('2024-03-01T23:59:00Z')).toBe(dayNumber('2024-03-01'))
  })
})

describe('timeDomain', () => {
  it('spans whole years from the first date to the last, today included', () => {
    expect(timeDomain(['2021-06-01', null, '2027-02-01'], '2025-01-01')).toEqual({
      start: '2021-01-01',
      end: '2028-01-01',
    })
    expect(timeDomain([], '2025-05-05')).toEqual({ start: '2025-01-01', end: '2026-01-01' })
    expect(timeDomain(['2026-01-01'], '2023-12-31')).toEqual({
      start: '2023-01-01',
      end: '2027-01-01',
    })
  })

  it('stops twelve years after today however far a date lies', () => {
    expect(timeDomain(['2020-01-01', '2099-12-31'], '2025-01-01').end).toBe('2038-01-01')
  })
})

describe('scaleOf', () => {
  const scale = scaleOf({ start: '2020-01-01', end: '2022-01-01' }, 731)

  it('places dates in proportion to the days', () => {
    expect(scale('2020-01-01')).toBe(0)
    expect(scale('2021-01-01')).toBe(366)
    expect(scale('2022-01-01')).toBe(731)
  })

  it('clamps dates outside the domain to its edges', () => {
    expect(scale('2019-05-01')).toBe(0)
    expect(scale('2030-05-01')).toBe(731)
  })
})

describe('yearTicks', () => {
  it('labels every year when they fit', () => {
    expect(yearTicks({ start: '2021-01-01', end: '2024-01-01' })).toEqual([
      '2021-01-01',
      '2022-01-01',
      '2023-01-01',
      '2024-01-01',
    ])
  })

  it('labels every second or fifth year on long spans', () => {
    expect(yearTicks({ start: '2001-01-01', end: '2021-01-01' })).toEqual([
      '2002-01-01',
      '2004-01-01',
      '2006-01-01',
      '2008-01-01',
      '2010-01-01',
      '2012-01-01',
      '2014-01-01',
      '2016-01-01',
      '2018-01-01',
      '2020-01-01',
    ])
    expect(yearTicks({ start: '2000-01-01', end: '2040-01-01' }, 10)).toHaveLength(9)
  })
})

describe('releaseRow', () => {
  it('shows support, limited support and end of support with the notice due date', () => {
    const row = releaseRow(
      release({
        endOfLife: '2026-04-01',
        endOfSupport: '2028-04-01',
        endOfSupportNoticeDue: '2026-04-01',
      }),
    )
    expect(row.segments).toEqual([
      { kind: 'support', from: '2022-04-01', to: '2026-04-01' },
      { kind: 'limited-support', from: '2026-04-01', to: '2028-04-01' },
      { kind: 'end-of-support', from: '2028-04-01', to: null },
    ])
    expect(row.markers.map((marker) => marker.kind)).toEqual([
      'released',
      'end-of-life',
      'end-of-support',
      'notice-due',
    ])
  })

  it('keeps support open-ended without milestones', () => {
    expect(releaseRow(release({})).segments).toEqual([
      { kind: 'support', from: '2022-04-01', to: null },
    ])
  })

  it('goes from support straight to end of support without an end of life', () => {
    const row = releaseRow(release({ endOfSupport: '2030-01-01' }))
    expect(row.segments.map((segment) => [segment.kind, segment.to])).toEqual([
      ['support', '2030-01-01'],
      ['end-of-support', null],
    ])
  })
})

describe('componentRow', () => {
  const releasedAt = new Map([
    ['1.0.0', '2022-04-01'],
    ['2.0.0', '2021-01-01'],
  ])

  it('runs from the first release that ships the component to its end of support', () => {
    const row = componentRow(component({ releases: ['1.0.0', '2.0.0'] }), releasedAt, '2020-01-01')
    expect(row?.segments[0]).toEqual({
      kind: 'supplier-support',
      from: '2021-01-01',
      to: '2026-09-07',
    })
    expect(row?.label).toBe('OpenSSL 3.0.13')
  })

  it('starts at the axis when no release ships it, and has no row without an end date', () => {
    expect(
      componentRow(component({ releases: [] }), releasedAt, '2020-01-01')?.segments[0]?.from,
    ).toBe('2020-01-01')
    expect(
      componentRow(component({ endOfSupport: null }), releasedAt, '2020-01-01'),
    ).toBeUndefined()
  })

  it('never starts after it ends (shipped already unsupported)', () => {
    const row = componentRow(component({ endOfSupport: '2020-06-01' }), releasedAt, '2019-01-01')
    expect(row?.segments[0]).toEqual({
      kind: 'supplier-support',
      from: '2020-06-01',
      to: '2020-06-01',
    })
  })
})

describe('buildTimeline', () => {
  it('puts releases by date first, then components by end of support', () => {
    const timeline = buildTimeline({
      date: '2025-01-01',
      releases: [release({ version: '2.0.0', releasedAt: '2024-01-01' }), release({})],
      components: [
        component({ id: 'b', name: 'B', endOfSupport: '2029-01-01' }),
        component({ id: 'a', name: 'A', endOfSupport: '2027-01-01' }),
        component({ id: 'c', name: 'C', endOfSupport: null }),
      ],
    })
    expect(timeline.rows.map((row) => row.key)).toEqual([
      'release:1.0.0',
      'release:2.0.0',
      'component:a',
      'component:b',
    ])
    expect(timeline.domain).toEqual({ start: '2022-01-01', end: '2030-01-01' })
    expect(timeline.today).toBe('2025-01-01')
  })

  it('spans the releases only when the components are left out', () => {
    const timeline = buildTimeline(
      {
        date: '2025-01-01',
        releases: [release({ endOfSupport: '2027-03-01' })],
        components: [component({ endOfSupport: '2016-01-01' })],
      },
      { components: false },
    )
    expect(timeline.rows.map((row) => row.key)).toEqual(['release:1.0.0'])
    expect(timeline.domain).toEqual({ start: '2022-01-01', end: '2028-01-01' })
  })
})

describe('clipLabel', () => {
  it('cuts long labels with an ellipsis and leaves short ones', () => {
    expect(clipLabel('short', 10)).toBe('short')
    expect(clipLabel('a-very-long-component-name', 8)).toBe('a-very-…')
  })
})

describe('stackRows', () => {
  it('puts each group under its heading, with the heights of its rows', () => {
    const rows = [
      releaseRow(release({ version: '1' })),
      releaseRow(release({ version: '2' })),
      componentRow(component({}), new Map(), '2020-01-01'),
    ].filter((row) => row !== undefined)
    const { lines, height } = stackRows(rows, { heading: 20, release: 24, component: 16 }, 10)
    expect(
      lines.map((line) => [
        line.kind === 'heading' ? line.group : line.row.key,
        line.y,
        line.height,
      ]),
    ).toEqual([
      ['release', 10, 20],
      ['release:1', 30, 24],
      ['release:2', 54, 24],
      ['component', 78, 20],
      ['component:openssl', 98, 16],
    ])
    expect(height).toBe(114)
  })

  it('takes no room without rows', () => {
    expect(stackRows([], { heading: 20, release: 24, component: 16 }, 10)).toEqual({
      lines: [],
      height: 10,
    })
  })
})
