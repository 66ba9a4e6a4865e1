import { describe, expect, it } from 'vitest'

import type { PortfolioProduct } from '../../api/types.js'
import {
  addDays,
  arrangeProducts,
  attentionOf,
  deadlinesByUrgency,
  needsAttention,
  nextEndOfSupport,
  noticeStateOn,
  releasesNewestFirst,
  summarizePortfolio,
} from './portfolio-summary.js'

type Deadline = PortfolioProduct['deadlines'][number]
type Release = PortfolioProduct['releases'][number]

const deadline = (over: Partial<Deadline>): Deadline => ({
  riskId: 'r1',
  riskTitle: 'Spoofed BLE bolus command',
  release: '1.0.0',
  id: 'fda-uncontrolled-notify',
  title: 'Notify customers',
  due: '2025-02-01',
  state: 'open',
  daysRemaining: 10,
  ...over,
})

const release = (over: Partial<Release>): Release => ({
  version: '1.0.0',
  releasedAt: '2020-01-01',
  supportPhase: 'support',
  endOfLife: null,
  endOfSupport: null,
  endOfSupportNoticeDue: null,
  ...over,
})

const product = (over: Partial<PortfolioProduct>): PortfolioProduct => ({
  id: 'pump',
  name: 'Infusion pump',
  revision: 3,
  modelValid: true,
  releases: [release({})],
  risks: { evaluated: 10, uncontrolled: 0, unacceptable: 0, acceptanceLapsed: 0 },
  deadlines: [],
  findings: { open: 0, kev: 0, newSinceLastVisit: 0 },
  ...over,
})

describe('summarizePortfolio', () => {
  it('adds up risks, deadlines and findings across products', () => {
    const summary = summarizePortfolio([
      product({
        risks: { evaluated: 4, uncontrolled: 2, unacceptable: 1, acceptanceLapsed: 0 },
        deadlines: [
          deadline({ daysRemaining: -3, state: 'missed' }),
          deadline({ daysRemaining: 5 }),
        ],
        findings: { open: 7, kev: 1, newSinceLastVisit: 2 },
      }),
      product({
        id: 'monitor',
        risks: null,
        modelValid: false,
        deadlines: [deadline({ daysRemaining: -1, state: 'open' })],
        findings: { open: 3, kev: 2, newSinceLastVisit: 0 },
      }),
    ])
    expect(summary).toEqual({
      products: 2,
      uncontrolled: 2,
      unacceptable: 1,
      deadlinesMissed: 2,
      deadlinesNear: 1,
      openFindings: 10,
      kev: 3,
      unevaluated: 1,
    })
  })

  it('is all zeros for an empty portfolio', () => {
    expect(Object.values(summarizePortfolio([])).every((value) => value === 0)).toBe(true)
  })
})

describe('deadlinesByUrgency', () => {
  it('puts missed deadlines first, then the fewest days left', () => {
    const sorted = deadlinesByUrgency([
      deadline({ id: 'near', daysRemaining: 20 }),
      deadline({ id: 'soon', daysRemaining: 2 }),
      deadline({ id: 'missed', daysRemaining: -10, state: 'missed' }),
      deadline({ id: 'late', daysRemaining: -1 }),
    ])
    expect(sorted.map((d) => d.id)).toEqual(['missed', 'late', 'soon', 'near'])
  })
})

describe('arrangeProducts', () => {
  const calm = product({ id: 'calm', name: 'Analyzer' })
  const exploited = product({
    id: 'kev',
    name: 'Zeta',
    findings: { open: 1, kev: 1, newSinceLastVisit: 0 },
  })
  const late = product({
    id: 'late',
    name: 'Monitor',
    deadlines: [deadline({ daysRemaining: -2 })],
  })
  const all = [calm, exploited, late]

  it('orders by attention: missed deadlines before KEV before calm products', () => {
    const order = arrangeProducts(all, { text: '', attentionOnly: false, order: 'attention' })
    expect(order.map((p) => p.id)).toEqual(['late', 'kev', 'calm'])
  })

  it('orders by name when asked', () => {
    const order = arrangeProducts(all, { text: '', attentionOnly: false, order: 'name' })
    expect(order.map((p) => p.name)).toEqual(['Analyzer', 'Monitor', 'Zeta'])
  })

  it('filters by part of the name or id and by attention', () => {
    expect(
      arrangeProducts(all, { text: 'MONI', attentionOnly: false, order: 'name' }).map((p) => p.id),
    ).toEqual(['late'])
    expect(
      arrangeProducts(all, { text: 'kev', attentionOnly: false, order: 'name' }).map((p) => p.id),
    ).toEqual(['kev'])
    expect(
      arrangeProducts(all, { text: '', attentionOnly: true, order: 'name' }).map((p) => p.id),
    ).toEqual(['late', 'kev'])
  })
})

describe('attention', () => {
  it('counts new findings for the order but not as needing attention', () => {
    const fresh = product({ findings: { open: 2, kev: 0, newSinceLastVisit: 2 } })
    expect(attentionOf(fresh)).toEqual([0, 0, 0, 0, 0, 2])
    expect(needsAttention(fresh)).toBe(false)
    expect(needsAttention(product({ modelValid: false, risks: null }))).toBe(true)
  })
})

describe('nextEndOfSupport', () => {
  it('is the earliest end of support still ahead', () => {
    const next = nextEndOfSupport(
      product({
        releases: [
          release({ version: '1', endOfSupport: '2024-01-01' }),
          release({ version: '3', endOfSupport: '2029-01-01' }),
          release({ version: '2', endOfSupport: '2027-01-01' }),
          release({ version: '4' }),
        ],
      }),
      '2025-01-01',
    )
    expect(next?.version).toBe('2')
  })
})

describe('noticeStateOn', () => {
  const today = '2025-01-01'
  const inAYear = '2026-01-01'
  it.each([
    ['no notice date', release({}), undefined],
    [
      'overdue',
      release({ endOfSupport: '2026-06-01', endOfSupportNoticeDue: '2024-06-01' }),
      'overdue',
    ],
    [
      'due within a year',
      release({ endOfSupport: '2027-06-01', endOfSupportNoticeDue: '2025-06-01' }),
      'due-within-a-year',
    ],
    [
      'not yet',
      release({ endOfSupport: '2030-01-01', endOfSupportNoticeDue: '2028-01-01' }),
      'not-yet',
    ],
    [
      'support already ended',
      release({ endOfSupport: '2024-12-01', endOfSupportNoticeDue: '2022-12-01' }),
      undefined,
    ],
  ])('%s', (_name, given, expected) => {
    expect(noticeStateOn(given, today, inAYear)).toBe(expected)
  })
})

describe('releasesNewestFirst', () => {
  it('sorts by release date, newest first', () => {
    const sorted = releasesNewestFirst([
      release({ version: '1.0', releasedAt: '2020-01-01' }),
      release({ version: '3.0', releasedAt: '2024-01-01' }),
      release({ version: '2.0', releasedAt: '2022-01-01' }),
    ])
    expect(sorted.map((r) => r.version)).toEqual(['3.0', '2.0', '1.0'])
  })
})

describe('addDays', () => {
  it('counts calendar days across months and leap years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01')
    expect(addDays('2024-01-01', 365)).toBe('2024-12-31')
  })
})
