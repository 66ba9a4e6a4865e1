import { isCalendarDate, type CalendarDate } from '../lifecycle/index.js'

/**
 * Day arithmetic on `YYYY-MM-DD` dates. Every computation goes through UTC midnight, where days
 * are always 24 hours long, so daylight-saving changes in the manufacturer's zone cannot move a
 * due date: the zone matters only once, when an instant becomes the local date of day 0.
 */

const DAY_MS = 86_400_000

/** Weekdays as `Date#getUTCDay` numbers them; Saturday and Sunday are not working days. */
const WEEKEND: ReadonlySet<number> = new Set([0, 6])

/**
 * An instant must carry its offset (`Z` or `±hh:mm`): a local time without one would be read in
 * the zone of whatever machine runs the code, which is exactly the ambiguity this module removes.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i

/** An ISO 8601 instant with an explicit offset, e.g. `2026-03-01T23:30:00+09:00`. */
export type Instant = string

export const isInstant = (value: string): boolean =>
  // Date.parse rolls 30 February over into March, so the date part is checked on its own.
  INSTANT.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value))

/** Whether `timeZone` is an IANA zone name this runtime knows (e.g. `Europe/Berlin`). */
export const isTimeZone = (timeZone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

const requireDate = (date: CalendarDate): CalendarDate => {
  if (!isCalendarDate(date)) throw new RangeError(`'${date}' is not a YYYY-MM-DD calendar date`)
  return date
}

const toUtcMs = (date: CalendarDate): number => {
  const [year, month, day] = requireDate(date).split('-').map(Number) as [number, number, number]
  return Date.UTC(year, month - 1, day)
}

const fromUtcMs = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10)

/** The date `days` calendar days later (earlier when negative); month and year ends roll over. */
export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  fromUtcMs(toUtcMs(date) + days * DAY_MS)

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export const daysBetween = (from: CalendarDate, to: CalendarDate): number =>
  Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS)

/** Monday to Friday and not in `holidays`. */
export const isWorkingDay = (date: CalendarDate, holidays: readonly CalendarDate[] = []): boolean =>
  !WEEKEND.has(new Date(toUtcMs(date)).getUTCDay()) && !holidays.includes(date)

/**
 * The date on which `workingDays` working days have passed after `date`. The start day itself is
 * never counted (it is day 0, as for calendar days), so counting begins with the next working day:
 * a start on a Saturday or Sunday gives the same result as one on the Friday before. That is the
 * earlier, safer reading of 21 CFR 806.10 "within 10-working days of initiating".
 * Holidays are the caller's list: which public holidays apply depends on the authority and the
 * year, so none are built in (not even US federal holidays).
 */
export const addWorkingDays = (
  date: CalendarDate,
  workingDays: number,
  holidays: readonly CalendarDate[] = [],
): CalendarDate => {
  if (!Number.isInteger(workingDays) || workingDays < 0) {
    throw new RangeError(`working days must be a whole number >= 0, got ${String(workingDays)}`)
  }
  for (const holiday of holidays) requireDate(holiday)
  let current = requireDate(date)
  for (let counted = 0; counted < workingDays;) {
    current = addDays(current, 1)
    if (isWorkingDay(current, holidays)) counted += 1
  }
  return current
}

/**
 * The calendar date an instant falls on in `timeZone`. Uses only Intl with an explicit instant,
 * so it is pure: the same arguments give the same date on any machine, whatever its own zone.
 */
export const localDate = (instant: Instant, timeZone: string): CalendarDate => {
  if (!isInstant(instant)) {
    throw new RangeError(`'${instant}' is not an ISO 8601 instant with an offset (Z or ±hh:mm)`)
  }
  if (!isTimeZone(timeZone)) throw new RangeError(`'${timeZone}' is not a known IANA time zone`)
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(Date.parse(instant)))
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`
}
