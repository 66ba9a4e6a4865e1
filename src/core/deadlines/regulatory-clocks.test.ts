import { describe, expect, it } from 'vitest'

import {
  clockStatus,
  deadlinesForDecision,
  deadlinesForEvent,
  reminderStage,
  reminderStageKey,
  type ClockRecord,
} from './index.js'

describe('clocks a risk-control decision starts', () => {
  it('uncontrolled: FDA 30 and 60 days and the 524B out-of-cycle patch, from the day learned', () => {
    const deadlines = deadlinesForDecision('uncontrolled', '2026-03-02')
    expect(deadlines.map((d) => [d.id, d.start, d.due, d.source.clause])).toEqual([
      [
        'fda-uncontrolled-risk-communication',
        '2026-03-02',
        '2026-04-01',
        'Section VII.B, circumstance 2 (30 days)',
      ],
      [
        'fda-uncontrolled-risk-remediation',
        '2026-03-02',
        '2026-05-01',
        'Section VII.B, circumstance 3 (60 days)',
      ],
      ['fda-524b-out-of-cycle-patch', '2026-03-02', '2026-05-01', '524B(b)(2)(B)'],
    ])
  })

  it("takes the plan's out-of-cycle timeline from the policy", () => {
    const patch = deadlinesForDecision('uncontrolled', '2026-03-02', { outOfCyclePatchDays: 21 })
    expect(patch.find((d) => d.id === 'fda-524b-out-of-cycle-patch')?.due).toBe('2026-03-23')
  })

  it('controlled: no clock (a routine update)', () => {
    expect(deadlinesForDecision('controlled', '2026-03-02')).toEqual([])
  })
})

describe('clocks a follow-up event starts', () => {
  it.each([
    [{ kind: 'correction-initiated', on: '2026-03-06' } as const, '2026-03-20', '806.10(b)'],
    [
      { kind: 'correction-initiated', on: '2026-03-06', holidays: ['2026-03-16'] } as const,
      '2026-03-23',
      '806.10(b)',
    ],
    [
      { kind: 'eu-serious-incident', on: '2026-03-01', severity: 'public-health-threat' } as const,
      '2026-03-03',
      'Article 87(4)',
    ],
    [
      {
        kind: 'eu-serious-incident',
        on: '2026-03-01',
        severity: 'death-or-serious-deterioration',
      } as const,
      '2026-03-11',
      'Article 87(5)',
    ],
    [
      { kind: 'eu-serious-incident', on: '2026-03-01', severity: 'other' } as const,
      '2026-03-16',
      'Article 87(3)',
    ],
  ])('%o is due %s (%s)', (event, due, clause) => {
    const [deadline, ...rest] = deadlinesForEvent(event)
    expect(rest).toEqual([])
    expect(deadline?.due).toBe(due)
    expect(deadline?.source.clause).toBe(clause)
  })
})

describe('clockStatus', () => {
  const due = '2026-04-01'
  it.each([
    [{ due }, '2026-03-01', 'open', 31],
    [{ due }, '2026-04-01', 'open', 0],
    [{ due }, '2026-04-02', 'missed', -1],
    [{ due, metOn: '2026-03-20' }, '2026-05-01', 'met', -30],
    [{ due, metOn: '2026-04-03' }, '2026-05-01', 'met-late', -30],
    [{ due, withdrawnOn: '2026-03-05' }, '2026-05-01', 'withdrawn', -30],
  ] as [ClockRecord, string, string, number][])(
    '%o on %s: %s, %i days',
    (clock, today, state, daysRemaining) => {
      expect(clockStatus(clock, today)).toEqual({ state, daysRemaining })
    },
  )
})

describe('reminderStage', () => {
  const due = '2026-04-01'
  it.each([
    ['2026-03-24', [7, 1], undefined],
    ['2026-03-25', [7, 1], 'lead-7'],
    ['2026-03-30', [7, 1], 'lead-7'],
    ['2026-03-31', [7, 1], 'lead-1'],
    ['2026-04-01', [7, 1], 'lead-1'],
    ['2026-04-02', [7, 1], 'overdue'],
    ['2026-06-30', [7, 1], 'overdue'],
    ['2026-03-02', [30, 14, 3], 'lead-30'],
    ['2026-03-18', [30, 14, 3], 'lead-14'],
    ['2026-04-01', [0], 'lead-0'],
    ['2026-03-31', [0], undefined],
    ['2026-03-31', [], undefined],
  ] as const)('on %s with leads %o: %s', (today, leads, expected) => {
    const stage = reminderStage({ due }, today, leads)
    expect(stage === undefined ? undefined : reminderStageKey(stage)).toBe(expected)
  })

  it('sends nothing for a met or withdrawn clock, even past its date', () => {
    expect(reminderStage({ due, metOn: '2026-04-05' }, '2026-04-10', [7, 1])).toBeUndefined()
    expect(reminderStage({ due, withdrawnOn: '2026-03-01' }, '2026-04-10', [7, 1])).toBeUndefined()
  })
})
