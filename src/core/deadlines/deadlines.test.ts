import { describe, expect, it } from 'vitest'

import type { CalendarDate } from '../lifecycle/index.js'
import {
  computeDeadlines,
  DEADLINE_STATES,
  deadlineStatus,
  EU_INCIDENT_SEVERITIES,
  type Deadline,
  type DeadlineTrigger,
} from './index.js'

const dues = (deadlines: readonly Deadline[]): Record<string, CalendarDate> =>
  Object.fromEntries(deadlines.map((deadline) => [deadline.id, deadline.due]))

describe('FDA uncontrolled risk (30 and 60 calendar days)', () => {
  it.each([
    // Month ends and leap years: day 0 + 30 and day 0 + 60.
    ['2026-01-31T12:00:00Z', 'UTC', '2026-03-02', '2026-04-01'],
    ['2024-01-31T12:00:00Z', 'UTC', '2024-03-01', '2024-03-31'],
    ['2024-02-29T12:00:00Z', 'UTC', '2024-03-30', '2024-04-29'],
    ['2026-02-28T12:00:00Z', 'UTC', '2026-03-30', '2026-04-29'],
    ['2025-12-15T12:00:00Z', 'UTC', '2026-01-14', '2026-02-13'],
    // The same instant is 2 March in Tokyo and 1 March in New York.
    ['2026-03-01T16:30:00Z', 'Asia/Tokyo', '2026-04-01', '2026-05-01'],
    ['2026-03-01T16:30:00Z', 'America/New_York', '2026-03-31', '2026-04-30'],
    ['2026-03-01T23:30:00+09:00', 'Asia/Tokyo', '2026-03-31', '2026-04-30'],
    // DST days: the local date decides, clock changes inside the period move nothing.
    ['2026-03-08T23:30:00-04:00', 'America/New_York', '2026-04-07', '2026-05-07'],
    ['2026-03-29T23:59:00+02:00', 'Europe/Berlin', '2026-04-28', '2026-05-28'],
    ['2026-10-25T23:30:00+01:00', 'Europe/Berlin', '2026-11-24', '2026-12-24'],
    ['2026-03-01T12:00:00+01:00', 'Europe/Berlin', '2026-03-31', '2026-04-30'], // spans 29 March
  ])('learned at %s in %s', (at, timeZone, communicate, remediate) => {
    const deadlines = computeDeadlines({ kind: 'uncontrolled-risk-learned', at, timeZone })
    expect(dues(deadlines)).toEqual({
      'fda-uncontrolled-risk-communication': communicate,
      'fda-uncontrolled-risk-remediation': remediate,
    })
    expect(deadlines.map((d) => [d.basis, d.count])).toEqual([
      ['calendar-days', 30],
      ['calendar-days', 60],
    ])
  })

  it('counts from a local calendar date as a risk file records it', () => {
    expect(dues(computeDeadlines({ kind: 'uncontrolled-risk-learned', on: '2024-02-29' }))).toEqual(
      {
        'fda-uncontrolled-risk-communication': '2024-03-30',
        'fda-uncontrolled-risk-remediation': '2024-04-29',
      },
    )
    expect(
      computeDeadlines({
        kind: 'correction-initiated',
        on: '2026-12-24',
        holidays: ['2026-12-25', '2027-01-01'],
      }).map((d) => d.due),
    ).toEqual(['2027-01-11'])
  })

  it('cites section VII.B of the 2016 postmarket guidance', () => {
    const [communicate] = computeDeadlines({
      kind: 'uncontrolled-risk-learned',
      at: '2026-03-01T10:00:00Z',
      timeZone: 'UTC',
    })
    expect(communicate?.source.document).toContain('Postmarket Management of Cybersecurity')
    expect(communicate?.source.clause).toContain('VII.B')
    expect(communicate?.start).toBe('2026-03-01')
  })
})

describe('524B(b)(2)(B) out-of-cycle patch', () => {
  it.each([
    // Without a plan's own timeline: the postmarket guidance's 60 days, as for remediation.
    [{}, '2026-01-31', '2026-04-01', 60],
    [{}, '2024-02-29', '2024-04-29', 60],
    // The (b)(1) plan's justified timeline, e.g. 30 days for critical vulnerabilities.
    [{ outOfCyclePatchDays: 30 }, '2026-01-31', '2026-03-02', 30],
    [{ outOfCyclePatchDays: 14 }, '2026-12-25', '2027-01-08', 14],
  ])('policy %o, learned on %s: patch by %s', (policy, on, due, count) => {
    const [patch, ...rest] = computeDeadlines(
      { kind: 'critical-vulnerability-learned', on },
      policy,
    )
    expect(rest).toEqual([])
    expect(patch).toMatchObject({
      id: 'fda-524b-out-of-cycle-patch',
      start: on,
      due,
      count,
      basis: 'calendar-days',
      source: { clause: '524B(b)(2)(B)' },
    })
    expect(patch?.source.document).toContain('360n-2')
  })

  it('counts from the local date of an instant', () => {
    const [patch] = computeDeadlines({
      kind: 'critical-vulnerability-learned',
      at: '2026-03-01T16:30:00Z',
      timeZone: 'Asia/Tokyo',
    })
    expect(patch).toMatchObject({ start: '2026-03-02', due: '2026-05-01' })
  })

  it.each([0, -1, 2.5])('rejects a timeline of %s days', (days) => {
    expect(() =>
      computeDeadlines(
        { kind: 'critical-vulnerability-learned', on: '2026-03-01' },
        { outOfCyclePatchDays: days },
      ),
    ).toThrow(RangeError)
  })
})

describe('21 CFR 806.10 (10 working days)', () => {
  it.each([
    ['Friday', '2026-03-06T10:00:00-05:00', 'America/New_York', [], '2026-03-20'],
    ['Saturday', '2026-03-07T10:00:00-05:00', 'America/New_York', [], '2026-03-20'],
    ['Monday', '2026-03-09T10:00:00-04:00', 'America/New_York', [], '2026-03-23'],
    [
      'Friday, holiday',
      '2026-03-06T10:00:00-05:00',
      'America/New_York',
      ['2026-03-16'],
      '2026-03-23',
    ],
    // Late Friday evening in New York is already Saturday in UTC: the local Friday counts.
    ['Friday night', '2026-03-07T03:00:00Z', 'America/New_York', [], '2026-03-20'],
    ['same instant in Tokyo', '2026-03-07T03:00:00Z', 'Asia/Tokyo', [], '2026-03-20'],
    ['Berlin DST week', '2026-03-27T09:00:00+01:00', 'Europe/Berlin', [], '2026-04-10'],
    [
      'year end with holidays',
      '2025-12-24T09:00:00-05:00',
      'America/New_York',
      ['2025-12-25', '2026-01-01'],
      '2026-01-09',
    ],
  ])('initiated on a %s', (_label, at, timeZone, holidays, expected) => {
    const [report, ...rest] = computeDeadlines({
      kind: 'correction-initiated',
      at,
      timeZone,
      holidays,
    })
    expect(rest).toEqual([])
    expect(report).toMatchObject({
      id: 'fda-806-correction-removal-report',
      due: expected,
      basis: 'working-days',
      count: 10,
      source: { clause: '806.10(b)' },
    })
  })
})

describe('MDR Article 87 serious incidents', () => {
  it.each([
    ['public-health-threat', 2, '2026-03-03', 'Article 87(4)'],
    ['death-or-serious-deterioration', 10, '2026-03-11', 'Article 87(5)'],
    ['other', 15, '2026-03-16', 'Article 87(3)'],
  ] as const)('%s: %i days', (severity, days, due, clause) => {
    const [report] = computeDeadlines({
      kind: 'eu-serious-incident',
      severity,
      at: '2026-03-01T09:00:00+01:00',
      timeZone: 'Europe/Berlin',
    })
    expect(report).toMatchObject({ due, count: days, basis: 'calendar-days' })
    expect(report?.source).toEqual({ document: 'Regulation (EU) 2017/745 (MDR)', clause })
  })

  it.each([
    ['public-health-threat', '2024-02-28T22:00:00+01:00', '2024-03-01'],
    ['public-health-threat', '2026-02-28T22:00:00+01:00', '2026-03-02'],
    ['death-or-serious-deterioration', '2025-12-31T23:30:00+01:00', '2026-01-10'],
    // 23:30 in Berlin is already the next day in UTC: Berlin's date counts.
    ['other', '2026-03-28T23:30:00+01:00', '2026-04-12'],
  ] as const)('%s aware at %s is due %s', (severity, at, due) => {
    const [report] = computeDeadlines({
      kind: 'eu-serious-incident',
      severity,
      at,
      timeZone: 'Europe/Berlin',
    })
    expect(report?.due).toBe(due)
  })
})

describe('IMDRF N70 end-of-support notice (2 years before)', () => {
  it.each([
    ['2030-06-30', '2028-06-30'],
    ['2028-02-29', '2026-02-28'], // leap day: a day early rather than late
    ['2026-02-28', '2024-02-28'],
    ['2027-01-01', '2025-01-01'],
  ])('end of support %s: tell customers by %s', (endOfSupport, due) => {
    const [notice] = computeDeadlines({ kind: 'end-of-support-planned', endOfSupport })
    expect(notice).toMatchObject({
      id: 'imdrf-n70-end-of-support-notice',
      start: endOfSupport,
      due,
      basis: 'years',
      count: -2,
    })
  })

  it('takes a longer notice period from the policy', () => {
    const [notice] = computeDeadlines(
      { kind: 'end-of-support-planned', endOfSupport: '2030-06-30' },
      { endOfSupportNoticeYears: 3 },
    )
    expect(notice?.due).toBe('2027-06-30')
  })
})

describe('recurring yearly obligations', () => {
  it.each([
    ['2025-06-15', undefined, '2026-06-15', 1],
    ['2024-02-29', undefined, '2025-02-28', 1],
    ['2024-02-29', '2027-06-01', '2028-02-29', 4], // back to the 29th in the next leap year
    ['2025-12-31', '2026-12-31', '2026-12-31', 1], // due on asOf itself still counts
    ['2025-12-31', '2027-01-01', '2027-12-31', 2],
  ])('release on %s (as of %s): next test %s', (date, asOf, due, count) => {
    const trigger: DeadlineTrigger =
      asOf === undefined ? { kind: 'release', date } : { kind: 'release', date, asOf }
    const [test] = computeDeadlines(trigger)
    expect(test).toMatchObject({ id: 'fda-post-release-security-testing', due, count })
  })

  it('tests at the interval the policy sets', () => {
    const [test] = computeDeadlines(
      { kind: 'release', date: '2024-02-29', asOf: '2025-01-01' },
      { postReleaseTestingIntervalYears: 2 },
    )
    expect(test).toMatchObject({ due: '2026-02-28', count: 2 })
  })

  it.each([
    ['2023-05-15', undefined, '2024-05-15'],
    ['2023-05-15', '2025-05-15', '2025-05-15'],
    ['2023-05-15', '2025-05-16', '2026-05-15'],
    ['2020-02-29', '2024-01-01', '2024-02-29'],
    ['2020-02-29', '2024-03-01', '2025-02-28'],
  ])('PMA approved %s (as of %s): report due %s', (approvalDate, asOf, due) => {
    const trigger: DeadlineTrigger =
      asOf === undefined
        ? { kind: 'pma-approval', approvalDate }
        : { kind: 'pma-approval', approvalDate, asOf }
    const [report] = computeDeadlines(trigger)
    expect(report).toMatchObject({
      id: 'fda-pma-periodic-report',
      due,
      source: { clause: '814.84(b)' },
    })
  })

  it('rejects an interval that is not a whole number of years', () => {
    expect(() =>
      computeDeadlines(
        { kind: 'release', date: '2025-01-01' },
        { postReleaseTestingIntervalYears: 0 },
      ),
    ).toThrow(RangeError)
  })
})

describe('every deadline', () => {
  const triggers: DeadlineTrigger[] = [
    { kind: 'uncontrolled-risk-learned', at: '2026-03-01T16:30:00Z', timeZone: 'Asia/Tokyo' },
    { kind: 'critical-vulnerability-learned', on: '2026-03-02' },
    { kind: 'correction-initiated', at: '2026-03-06T10:00:00-05:00', timeZone: 'America/New_York' },
    ...EU_INCIDENT_SEVERITIES.map((severity): DeadlineTrigger => ({
      kind: 'eu-serious-incident',
      severity,
      at: '2026-03-01T09:00:00+01:00',
      timeZone: 'Europe/Berlin',
    })),
    { kind: 'end-of-support-planned', endOfSupport: '2030-01-01' },
    { kind: 'release', date: '2026-01-15' },
    { kind: 'pma-approval', approvalDate: '2023-05-15' },
  ]
  const all = triggers.flatMap((trigger) => computeDeadlines(trigger))

  it('has a stable, unique id', () => {
    expect(all.map((deadline) => deadline.id)).toEqual([
      'fda-uncontrolled-risk-communication',
      'fda-uncontrolled-risk-remediation',
      'fda-524b-out-of-cycle-patch',
      'fda-806-correction-removal-report',
      'eu-mdr-serious-public-health-threat-report',
      'eu-mdr-death-or-serious-deterioration-report',
      'eu-mdr-serious-incident-report',
      'imdrf-n70-end-of-support-notice',
      'fda-post-release-security-testing',
      'fda-pma-periodic-report',
    ])
  })

  it.each(all.map((deadline) => [deadline.id, deadline] as const))(
    '%s cites a source',
    (_id, d) => {
      expect(d.source.document.length).toBeGreaterThan(10)
      expect(d.source.clause.length).toBeGreaterThan(2)
      expect(d.title.length).toBeGreaterThan(10)
    },
  )

  it('is deterministic', () => {
    expect(triggers.flatMap((trigger) => computeDeadlines(trigger))).toEqual(all)
  })

  it('rejects an instant without an offset and an unknown zone', () => {
    expect(() =>
      computeDeadlines({
        kind: 'uncontrolled-risk-learned',
        at: '2026-03-01T10:00',
        timeZone: 'UTC',
      }),
    ).toThrow(RangeError)
    expect(() =>
      computeDeadlines({
        kind: 'uncontrolled-risk-learned',
        at: '2026-03-01T10:00:00Z',
        timeZone: 'Nowhere/City',
      }),
    ).toThrow(RangeError)
  })
})

describe('deadlineStatus', () => {
  const deadline = { due: '2026-03-31' }

  it.each([
    ['2026-03-01', {}, 'open', 30],
    ['2026-03-23', {}, 'open', 8],
    ['2026-03-24', {}, 'due-soon', 7],
    ['2026-03-30', {}, 'due-soon', 1],
    ['2026-03-31', {}, 'due-today', 0],
    ['2026-04-01', {}, 'missed', -1],
    ['2027-03-31', {}, 'missed', -365],
    ['2026-03-01', { dueSoonDays: 30 }, 'due-soon', 30],
    ['2026-03-30', { dueSoonDays: 0 }, 'open', 1],
    ['2026-04-10', { completedOn: '2026-03-31' }, 'met', -10],
    ['2026-04-10', { completedOn: '2026-04-01' }, 'met-late', -10],
    ['2026-03-01', { completedOn: '2026-02-27' }, 'met', 30],
  ] as const)('on %s with %o: %s, %i days left', (today, options, state, daysRemaining) => {
    expect(deadlineStatus(deadline, today, options)).toEqual({ state, daysRemaining })
    expect(DEADLINE_STATES).toContain(state)
  })

  it('counts across a leap day', () => {
    expect(deadlineStatus({ due: '2024-03-01' }, '2024-02-28').daysRemaining).toBe(2)
    expect(deadlineStatus({ due: '2026-03-01' }, '2026-02-28').daysRemaining).toBe(1)
  })
})
