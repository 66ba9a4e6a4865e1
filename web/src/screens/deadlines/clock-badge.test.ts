import { describe, expect, it } from 'vitest'

import { clockBadge } from './clock-badge.js'

describe('clockBadge', () => {
  const open = { metOn: null, withdrawnOn: null }
  it.each([
    [
      { ...open, state: 'open', daysRemaining: 30 },
      { say: 'daysLeft', days: 30, tone: 'neutral' },
    ],
    [
      { ...open, state: 'open', daysRemaining: 7 },
      { say: 'daysLeft', days: 7, tone: 'warn' },
    ],
    [
      { ...open, state: 'open', daysRemaining: 0 },
      { say: 'dueToday', tone: 'bad' },
    ],
    [
      { ...open, state: 'missed', daysRemaining: -3 },
      { say: 'overdue', days: 3, tone: 'bad' },
    ],
    [
      { state: 'met', daysRemaining: -3, metOn: '2026-03-01', withdrawnOn: null },
      { say: 'met', date: '2026-03-01', tone: 'good' },
    ],
    [
      { state: 'met-late', daysRemaining: -3, metOn: '2026-04-02', withdrawnOn: null },
      { say: 'metLate', date: '2026-04-02', tone: 'warn' },
    ],
    [
      { state: 'withdrawn', daysRemaining: 3, metOn: null, withdrawnOn: '2026-03-05' },
      { say: 'withdrawn', date: '2026-03-05', tone: 'neutral' },
    ],
  ])('%o → %o', (clock, badge) => {
    expect(clockBadge(clock)).toEqual(badge)
  })
})
