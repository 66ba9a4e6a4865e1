import type { CalendarDate } from '../lifecycle/index.js'
import { daysBetween } from './calendar.js'
import {
  computeDeadlines,
  deadlineStatus,
  type Deadline,
  type DeadlinePolicy,
  type EuIncidentSeverity,
} from './deadlines.js'

/**
 * The regulatory clocks a manufacturer's decisions and reported events start, and where each
 * stands. Pure: `today` and every date come in as arguments.
 */

/** FDA's binary decision on the residual risk of a vulnerability in one release. */
export const RISK_CONTROL_DECISIONS = ['controlled', 'uncontrolled'] as const
export type RiskControlDecision = (typeof RISK_CONTROL_DECISIONS)[number]

/** Follow-up events people record, each starting its own reporting clock. */
export const REGULATORY_EVENT_KINDS = ['correction-initiated', 'eu-serious-incident'] as const
export type RegulatoryEventKind = (typeof REGULATORY_EVENT_KINDS)[number]

export type RegulatoryEvent =
  | {
      readonly kind: 'correction-initiated'
      readonly on: CalendarDate
      readonly holidays?: readonly CalendarDate[]
    }
  | {
      readonly kind: 'eu-serious-incident'
      readonly on: CalendarDate
      readonly severity: EuIncidentSeverity
    }

/**
 * The clocks a decision starts, counted from the day the manufacturer learned of the
 * vulnerability. Uncontrolled: FDA postmarket guidance section VII.B (communicate within 30
 * days, remediate within 60) and, for a cyber device, section 524B(b)(2)(B) (patch out of cycle).
 * Controlled: none. The guidance treats the change as a routine update, reported in the PMA
 * periodic report where there is one, which that report's own yearly clock covers.
 */
export const deadlinesForDecision = (
  decision: RiskControlDecision,
  learnedOn: CalendarDate,
  policy: DeadlinePolicy = {},
): Deadline[] =>
  decision === 'controlled'
    ? []
    : [
        ...computeDeadlines({ kind: 'uncontrolled-risk-learned', on: learnedOn }, policy),
        ...computeDeadlines({ kind: 'critical-vulnerability-learned', on: learnedOn }, policy),
      ]

/** The clock a follow-up event starts: 21 CFR 806.10(b), or MDR Article 87 by severity. */
export const deadlinesForEvent = (event: RegulatoryEvent): Deadline[] =>
  event.kind === 'correction-initiated'
    ? computeDeadlines({
        kind: 'correction-initiated',
        on: event.on,
        ...(event.holidays === undefined ? {} : { holidays: event.holidays }),
      })
    : computeDeadlines({ kind: 'eu-serious-incident', on: event.on, severity: event.severity })

export const CLOCK_STATES = ['open', 'met', 'met-late', 'missed', 'withdrawn'] as const
export type ClockState = (typeof CLOCK_STATES)[number]

/** What is stored of a clock: its due date and how it was closed, if it was. */
export interface ClockRecord {
  readonly due: CalendarDate
  readonly metOn?: CalendarDate
  /** Withdrawn when the decision that started it was a mistake; the reason is kept with it. */
  readonly withdrawnOn?: CalendarDate
}

export interface ClockStatus {
  readonly state: ClockState
  /** Days from `today` to the due date: 0 on the day, negative once it has passed. */
  readonly daysRemaining: number
}

/**
 * Where a clock stands on `today`. Missed is worked out here every time, never stored: a flag
 * written once would go stale the day after.
 */
export const clockStatus = (clock: ClockRecord, today: CalendarDate): ClockStatus => {
  const daysRemaining = daysBetween(today, clock.due)
  if (clock.withdrawnOn !== undefined) return { state: 'withdrawn', daysRemaining }
  const { state } = deadlineStatus(
    clock,
    today,
    clock.metOn === undefined ? {} : { completedOn: clock.metOn },
  )
  if (state === 'met' || state === 'met-late' || state === 'missed') {
    return { state, daysRemaining }
  }
  return { state: 'open', daysRemaining }
}

/** A reminder's stage: so many days ahead, or after the due date has passed. */
export type ReminderStage =
  { readonly kind: 'lead'; readonly days: number } | { readonly kind: 'overdue' }

/**
 * The reminder stage a clock is in on `today`, or undefined when none is due: nothing for a
 * closed clock or one further off than the longest lead; the shortest lead it is within
 * otherwise (with [7, 1], 5 days left is the 7-day stage, 1 or 0 days the 1-day stage); overdue
 * once the due date has passed. One reminder per stage: a run that was skipped for a few days
 * sends the stage the clock is in now, not the ones it passed through.
 */
export const reminderStage = (
  clock: ClockRecord,
  today: CalendarDate,
  /** Days ahead reminders go out (the `notifications.reminderLeadDays` setting, e.g. [7, 1]). */
  leadDays: readonly number[],
): ReminderStage | undefined => {
  const { state, daysRemaining } = clockStatus(clock, today)
  if (state === 'missed') return { kind: 'overdue' }
  if (state !== 'open') return undefined
  const within = leadDays.filter((days) => daysRemaining <= days)
  if (within.length === 0) return undefined
  return { kind: 'lead', days: Math.min(...within) }
}

/** A stable word for a stage, for dedupe keys: `lead-7`, `lead-1`, `overdue`. */
export const reminderStageKey = (stage: ReminderStage): string =>
  stage.kind === 'overdue' ? 'overdue' : `lead-${String(stage.days)}`
