/**
 * Calendar dates as `YYYY-MM-DD` strings: they compare correctly as strings and carry no time
 * zone, which is what milestones in a device's lifecycle are.
 */
export type CalendarDate = string

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export const isCalendarDate = (value: string): boolean => {
  const match = DATE.exec(value)
  if (match === null) return false
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  )
}

/** The same day `years` later or earlier; 29 February becomes 28 February in common years. */
export const addYears = (date: CalendarDate, years: number): CalendarDate => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const target = year + years
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate()
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
  return `${pad(target, 4)}-${pad(month)}-${pad(Math.min(day, lastDay))}`
}

/** The same day `months` later or earlier, clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export const addMonths = (date: CalendarDate, months: number): CalendarDate => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12 + 1
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate()
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`
}
