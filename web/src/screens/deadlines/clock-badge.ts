import type { RegulatoryClock } from '../../api/types.js'

export type BadgeTone = 'neutral' | 'good' | 'warn' | 'bad' | 'info'

/** Fewer days than this left, and the badge turns from neutral to a warning. */
export const WARN_WITHIN_DAYS = 7

/** What the badge of a clock says, as a message key with its value, and its colour. */
export type ClockBadge =
  | { readonly say: 'overdue' | 'daysLeft'; readonly days: number; readonly tone: BadgeTone }
  | { readonly say: 'dueToday'; readonly tone: BadgeTone }
  | {
      readonly say: 'met' | 'metLate' | 'withdrawn'
      readonly date: string
      readonly tone: BadgeTone
    }

export const clockBadge = (
  clock: Pick<RegulatoryClock, 'state' | 'daysRemaining' | 'metOn' | 'withdrawnOn'>,
): ClockBadge => {
  switch (clock.state) {
    case 'met':
      return { say: 'met', date: clock.metOn ?? '', tone: 'good' }
    case 'met-late':
      return { say: 'metLate', date: clock.metOn ?? '', tone: 'warn' }
    case 'withdrawn':
      return { say: 'withdrawn', date: clock.withdrawnOn ?? '', tone: 'neutral' }
    case 'missed':
      return { say: 'overdue', days: -clock.daysRemaining, tone: 'bad' }
    default:
      if (clock.daysRemaining === 0) return { say: 'dueToday', tone: 'bad' }
      return {
        say: 'daysLeft',
        days: clock.daysRemaining,
        tone: clock.daysRemaining <= WARN_WITHIN_DAYS ? 'warn' : 'neutral',
      }
  }
}
