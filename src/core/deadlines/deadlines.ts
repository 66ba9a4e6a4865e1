import { addYears, END_OF_SUPPORT_NOTICE_YEARS, type CalendarDate } from '../lifecycle/index.js'
import { addDays, addWorkingDays, daysBetween, localDate, type Instant } from './calendar.js'

/**
 * Regulatory deadlines computed from events. Pure: the clock is always an argument (the event's
 * instant, or `today` for a status), never read here.
 *
 * Day 0 is the local calendar date of the event in the manufacturer's time zone; "within N days"
 * of it means due on day 0 + N (the event day is not counted). Calendar-day deadlines that land
 * on a weekend or holiday are not moved: finishing earlier is always compliant, later may not be.
 */

export const DEADLINE_BASES = ['calendar-days', 'working-days', 'years'] as const
export type DeadlineBasis = (typeof DEADLINE_BASES)[number]

export const EU_INCIDENT_SEVERITIES = [
  'public-health-threat',
  'death-or-serious-deterioration',
  'other',
] as const
export type EuIncidentSeverity = (typeof EU_INCIDENT_SEVERITIES)[number]

export const DEADLINE_TRIGGER_KINDS = [
  'uncontrolled-risk-learned',
  'critical-vulnerability-learned',
  'correction-initiated',
  'eu-serious-incident',
  'end-of-support-planned',
  'release',
  'pma-approval',
] as const
export type DeadlineTriggerKind = (typeof DEADLINE_TRIGGER_KINDS)[number]

/**
 * An event at an instant, counted in the manufacturer's IANA time zone (e.g. `Asia/Tokyo`), or
 * on a calendar date already local to the manufacturer (as a risk file records it).
 */
type TimedEvent =
  { readonly at: Instant; readonly timeZone: string } | { readonly on: CalendarDate }

const dayZero = (event: TimedEvent): CalendarDate =>
  'on' in event ? event.on : localDate(event.at, event.timeZone)

/**
 * What starts the clocks. Events that happen at a moment (learning of a vulnerability, becoming
 * aware of an incident) carry an instant and a zone; planned milestones are already dates.
 */
export type DeadlineTrigger =
  | ({ readonly kind: 'uncontrolled-risk-learned' } & TimedEvent)
  /** A cyber device's vulnerability that could cause an uncontrolled risk (524B(b)(2)(B)). */
  | ({ readonly kind: 'critical-vulnerability-learned' } & TimedEvent)
  | ({
      readonly kind: 'correction-initiated'
      /** Non-working days besides weekends, e.g. the US federal holidays of the year. */
      readonly holidays?: readonly CalendarDate[]
    } & TimedEvent)
  | ({ readonly kind: 'eu-serious-incident'; readonly severity: EuIncidentSeverity } & TimedEvent)
  | { readonly kind: 'end-of-support-planned'; readonly endOfSupport: CalendarDate }
  | {
      readonly kind: 'release'
      readonly date: CalendarDate
      /** Give the next test due on or after this date instead of the first one. */
      readonly asOf?: CalendarDate
    }
  | {
      readonly kind: 'pma-approval'
      readonly approvalDate: CalendarDate
      /** Give the next report due on or after this date instead of the first one. */
      readonly asOf?: CalendarDate
    }

/** Manufacturer choices the sources leave open; the defaults are the sources' examples. */
export interface DeadlinePolicy {
  /** FDA premarket guidance: test "at intervals commensurate with risk (e.g. annually)". */
  readonly postReleaseTestingIntervalYears?: number
  /** The PMA approval order sets the periodic report interval; annual is the usual order. */
  readonly pmaReportIntervalYears?: number
  /** IMDRF N70: communicate end of support at least this many years ahead ("current practice"). */
  readonly endOfSupportNoticeYears?: number
  /**
   * Section 524B(b)(2)(B) asks for the out-of-cycle patch "as soon as possible" and names no
   * number of days: the (b)(1) plan's justified timeline does. Without one, the postmarket
   * guidance's 60 days for distributing a fix of an uncontrolled risk is the latest date that
   * can pass for "as soon as possible" (a manufacturer's choice, not the statute's).
   */
  readonly outOfCyclePatchDays?: number
}

export interface DeadlineSource {
  readonly document: string
  readonly clause: string
}

export interface Deadline {
  /** Stable identifier, the same for every trigger of a kind: safe to key stored state on. */
  readonly id: string
  readonly title: string
  /** Day 0: the local date of the event, or the milestone the deadline is counted from. */
  readonly start: CalendarDate
  /** Last day on which the obligation is still met. */
  readonly due: CalendarDate
  readonly source: DeadlineSource
  readonly basis: DeadlineBasis
  /** Days or years from `start` to `due`; negative when the deadline falls before `start`. */
  readonly count: number
}

const FDA_POSTMARKET =
  'FDA guidance "Postmarket Management of Cybersecurity in Medical Devices" (December 2016)'
const FDA_PREMARKET =
  'FDA guidance "Cybersecurity in Medical Devices: Quality Management System Considerations and Content of Premarket Submissions" (February 2026)'
const SECTION_524B =
  'Federal Food, Drug, and Cosmetic Act section 524B (21 U.S.C. 360n-2), "Ensuring cybersecurity of devices"'
const CFR_806 = '21 CFR Part 806 (Medical Devices; Reports of Corrections and Removals)'
const CFR_814 = '21 CFR Part 814 (Premarket Approval of Medical Devices)'
const MDR = 'Regulation (EU) 2017/745 (MDR)'
const N70 =
  'IMDRF/CYBER WG/N70 FINAL:2023 "Principles and Practices for the Cybersecurity of Legacy Medical Devices"'

/** Article 87(3) sets 15 days; (4) and (5) shorten it for the graver cases "notwithstanding (3)". */
const EU_INCIDENT: Readonly<
  Record<EuIncidentSeverity, { id: string; title: string; days: number; clause: string }>
> = {
  'public-health-threat': {
    id: 'eu-mdr-serious-public-health-threat-report',
    title: 'Report the serious public health threat to the competent authority',
    days: 2,
    clause: 'Article 87(4)',
  },
  'death-or-serious-deterioration': {
    id: 'eu-mdr-death-or-serious-deterioration-report',
    title:
      'Report the serious incident (death or unanticipated serious deterioration) to the competent authority',
    days: 10,
    clause: 'Article 87(5)',
  },
  other: {
    id: 'eu-mdr-serious-incident-report',
    title: 'Report the serious incident to the competent authority',
    days: 15,
    clause: 'Article 87(3)',
  },
}

const calendarDays = (
  fields: Pick<Deadline, 'id' | 'title' | 'source'>,
  start: CalendarDate,
  days: number,
): Deadline => ({
  ...fields,
  start,
  due: addDays(start, days),
  basis: 'calendar-days',
  count: days,
})

/**
 * The first anniversary-based due date on or after `asOf` (the first one when `asOf` is absent).
 * Each occurrence is counted from the anchor, not from the previous one, so an anchor on
 * 29 February comes back to 29 February in leap years instead of drifting to the 28th for good.
 */
const recurring = (
  fields: Pick<Deadline, 'id' | 'title' | 'source'>,
  anchor: CalendarDate,
  intervalYears: number,
  asOf: CalendarDate | undefined,
): Deadline => {
  if (!Number.isInteger(intervalYears) || intervalYears < 1) {
    throw new RangeError(
      `interval must be a whole number of years >= 1, got ${String(intervalYears)}`,
    )
  }
  let count = intervalYears
  while (asOf !== undefined && addYears(anchor, count) < asOf) count += intervalYears
  return { ...fields, start: anchor, due: addYears(anchor, count), basis: 'years', count }
}

const uncontrolledRisk = (start: CalendarDate): Deadline[] => [
  calendarDays(
    {
      id: 'fda-uncontrolled-risk-communication',
      title:
        'Communicate the vulnerability to customers and users, identify interim compensating controls and develop a remediation plan',
      source: { document: FDA_POSTMARKET, clause: 'Section VII.B, circumstance 2 (30 days)' },
    },
    start,
    30,
  ),
  calendarDays(
    {
      id: 'fda-uncontrolled-risk-remediation',
      title: 'Fix the vulnerability, validate the change and distribute the deployable fix',
      source: { document: FDA_POSTMARKET, clause: 'Section VII.B, circumstance 3 (60 days)' },
    },
    start,
    60,
  ),
]

const DEFAULT_OUT_OF_CYCLE_PATCH_DAYS = 60

const outOfCyclePatch = (start: CalendarDate, policy: DeadlinePolicy): Deadline => {
  const days = policy.outOfCyclePatchDays ?? DEFAULT_OUT_OF_CYCLE_PATCH_DAYS
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`out-of-cycle patch days must be a whole number >= 1, got ${String(days)}`)
  }
  return calendarDays(
    {
      id: 'fda-524b-out-of-cycle-patch',
      title:
        'Make an update or patch for the critical vulnerability available as soon as possible, out of cycle',
      source: { document: SECTION_524B, clause: '524B(b)(2)(B)' },
    },
    start,
    days,
  )
}

const WORKING_DAYS_806 = 10

/** All deadlines an event starts, in a fixed order; the same input always gives the same output. */
export const computeDeadlines = (
  trigger: DeadlineTrigger,
  policy: DeadlinePolicy = {},
): Deadline[] => {
  switch (trigger.kind) {
    case 'uncontrolled-risk-learned':
      return uncontrolledRisk(dayZero(trigger))
    case 'critical-vulnerability-learned':
      return [outOfCyclePatch(dayZero(trigger), policy)]
    case 'correction-initiated': {
      const start = dayZero(trigger)
      return [
        {
          id: 'fda-806-correction-removal-report',
          title: 'Report the correction or removal to FDA',
          start,
          due: addWorkingDays(start, WORKING_DAYS_806, trigger.holidays),
          source: { document: CFR_806, clause: '806.10(b)' },
          basis: 'working-days',
          count: WORKING_DAYS_806,
        },
      ]
    }
    case 'eu-serious-incident': {
      const { id, title, days, clause } = EU_INCIDENT[trigger.severity]
      const start = dayZero(trigger)
      return [calendarDays({ id, title, source: { document: MDR, clause } }, start, days)]
    }
    case 'end-of-support-planned': {
      const years = policy.endOfSupportNoticeYears ?? END_OF_SUPPORT_NOTICE_YEARS
      return [
        {
          id: 'imdrf-n70-end-of-support-notice',
          title: 'Tell customers about the end of support',
          start: trigger.endOfSupport,
          // addYears turns 29 February into 28 February: a day early rather than a day late.
          due: addYears(trigger.endOfSupport, -years),
          source: { document: N70, clause: 'Section 6.2 (communication timing)' },
          basis: 'years',
          count: -years,
        },
      ]
    }
    case 'release':
      return [
        recurring(
          {
            id: 'fda-post-release-security-testing',
            title: 'Repeat the cybersecurity testing of the released device',
            source: { document: FDA_PREMARKET, clause: 'Section V.C (cybersecurity testing)' },
          },
          trigger.date,
          policy.postReleaseTestingIntervalYears ?? 1,
          trigger.asOf,
        ),
      ]
    case 'pma-approval':
      return [
        recurring(
          {
            id: 'fda-pma-periodic-report',
            title: 'Submit the PMA periodic (annual) report with its cybersecurity content',
            source: { document: CFR_814, clause: '814.84(b)' },
          },
          trigger.approvalDate,
          policy.pmaReportIntervalYears ?? 1,
          trigger.asOf,
        ),
      ]
  }
}

export const DEADLINE_STATES = [
  'met',
  'met-late',
  'missed',
  'due-today',
  'due-soon',
  'open',
] as const
export type DeadlineState = (typeof DEADLINE_STATES)[number]

export interface DeadlineStatus {
  readonly state: DeadlineState
  /** Days from `today` to the due date: 0 on the day, negative once it has passed. */
  readonly daysRemaining: number
}

export interface DeadlineStatusOptions {
  /** `due-soon` when at most this many days remain (default 7). */
  readonly dueSoonDays?: number
  /** When the obligation was fulfilled, if it was. */
  readonly completedOn?: CalendarDate
}

export const DEFAULT_DUE_SOON_DAYS = 7

const stateOf = (
  daysRemaining: number,
  dueSoonDays: number,
  due: CalendarDate,
  completedOn: CalendarDate | undefined,
): DeadlineState => {
  // A completion date settles the question whatever today is.
  if (completedOn !== undefined) return completedOn <= due ? 'met' : 'met-late'
  if (daysRemaining < 0) return 'missed'
  if (daysRemaining === 0) return 'due-today'
  return daysRemaining <= dueSoonDays ? 'due-soon' : 'open'
}

/** Where a deadline stands on `today`, a date the caller supplies. */
export const deadlineStatus = (
  deadline: Pick<Deadline, 'due'>,
  today: CalendarDate,
  options: DeadlineStatusOptions = {},
): DeadlineStatus => {
  const daysRemaining = daysBetween(today, deadline.due)
  const { completedOn, dueSoonDays = DEFAULT_DUE_SOON_DAYS } = options
  return { state: stateOf(daysRemaining, dueSoonDays, deadline.due, completedOn), daysRemaining }
}
