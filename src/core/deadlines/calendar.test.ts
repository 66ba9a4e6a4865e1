import { describe, expect, it } from 'vitest'

import { addYears } from '../lifecycle/index.js'
import {
  addDays,
  addWorkingDays,
  daysBetween,
  isInstant,
  isTimeZone,
  isWorkingDay,
  localDate,
} from './calendar.js'

describe('addDays', () => {
  it.each([
    ['2026-01-31', 30, '2026-03-02'], // month end into a common-year March
    ['2024-01-31', 30, '2024-03-01'], // the same in a leap year
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-02-29', 60, '2024-04-29'],
    ['2025-12-31', 1, '2026-01-01'], // year end
    ['2025-12-20', 15, '2026-01-04'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2000-02-28', 1, '2000-02-29'], // divisible by 400: leap
    ['2100-02-28', 1, '2100-03-01'], // divisible by 100 only: common
    ['2026-05-05', 0, '2026-05-05'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected)
    expect(daysBetween(date, expected)).toBe(days)
  })

  it('rejects a date that does not exist', () => {
    expect(() => addDays('2026-02-29', 1)).toThrow(RangeError)
  })
})

describe('addYears (reused from lifecycle) on leap days', () => {
  it.each([
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-02-29', -2, '2022-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2028-02-29', -2, '2026-02-28'],
    ['2026-02-28', -2, '2024-02-28'], // never turns the 28th into the 29th
  ])('%s %+i years = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected)
  })
})

describe('addWorkingDays', () => {
  // March 2026: the 6th is a Friday, the 7th and 8th the weekend.
  it.each([
    ['Friday', '2026-03-06', [], '2026-03-20'],
    ['Saturday (counts from Monday, like the Friday before)', '2026-03-07', [], '2026-03-20'],
    ['Sunday', '2026-03-08', [], '2026-03-20'],
    ['Monday', '2026-03-09', [], '2026-03-23'],
    ['Friday with a Monday holiday', '2026-03-06', ['2026-03-16'], '2026-03-23'],
    ['Friday with a holiday on a Saturday', '2026-03-06', ['2026-03-14'], '2026-03-20'],
    ['Friday with a holiday on the due day', '2026-03-06', ['2026-03-20'], '2026-03-23'],
    ['year end without holidays', '2025-12-24', [], '2026-01-07'],
    ['year end with 25 Dec and 1 Jan', '2025-12-24', ['2025-12-25', '2026-01-01'], '2026-01-09'],
    ['leap February', '2024-02-23', [], '2024-03-08'],
  ])('10 working days from a %s', (_label, start, holidays, expected) => {
    expect(addWorkingDays(start, 10, holidays)).toBe(expected)
  })

  it('counts zero working days as the start day itself', () => {
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-07')
  })

  it.each([-1, 1.5])('rejects %s working days', (days) => {
    expect(() => addWorkingDays('2026-03-06', days)).toThrow(RangeError)
  })

  it('rejects a malformed holiday', () => {
    expect(() => addWorkingDays('2026-03-06', 10, ['2026-3-16'])).toThrow(RangeError)
  })

  it.each([
    ['2026-03-06', [], true],
    ['2026-03-07', [], false],
    ['2026-03-08', [], false],
    ['2026-03-09', ['2026-03-09'], false],
  ])('%s is a working day: %s', (date, holidays, expected) => {
    expect(isWorkingDay(date, holidays)).toBe(expected)
  })
})

describe('localDate', () => {
  it.each([
    ['2026-03-01T16:30:00Z', 'Asia/Tokyo', '2026-03-02'],
    ['2026-03-01T16:30:00Z', 'America/New_York', '2026-03-01'],
    ['2026-03-01T16:30:00Z', 'Europe/Berlin', '2026-03-01'],
    ['2026-03-01T23:30:00+09:00', 'Asia/Tokyo', '2026-03-01'],
    ['2026-03-01T23:30:00+09:00', 'America/New_York', '2026-03-01'],
    ['2026-03-01T23:30:00+09:00', 'UTC', '2026-03-01'],
    ['2026-03-02T00:30:00+09:00', 'Asia/Tokyo', '2026-03-02'],
    ['2026-03-02T00:30:00+09:00', 'America/New_York', '2026-03-01'],
    // New York springs forward on 2026-03-08: 04:30Z on the 9th is 00:30 EDT (23:30 in EST).
    ['2026-03-09T04:30:00Z', 'America/New_York', '2026-03-09'],
    ['2026-03-08T06:30:00Z', 'America/New_York', '2026-03-08'],
    // Berlin springs forward on 2026-03-29 and falls back on 2026-10-25.
    ['2026-03-29T22:30:00Z', 'Europe/Berlin', '2026-03-30'],
    ['2026-03-28T23:30:00Z', 'Europe/Berlin', '2026-03-29'],
    ['2026-10-25T22:30:00Z', 'Europe/Berlin', '2026-10-25'],
    ['2026-10-24T22:30:00Z', 'Europe/Berlin', '2026-10-25'],
    // Across the date line and a year end.
    ['2026-12-31T12:00:00Z', 'Pacific/Kiritimati', '2027-01-01'],
    ['2026-12-31T12:00:00Z', 'Pacific/Pago_Pago', '2026-12-31'],
    ['2024-02-29T23:59:59.999-05:00', 'America/New_York', '2024-02-29'],
    ['2024-02-29T23:59:59.999-05:00', 'Asia/Tokyo', '2024-03-01'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(localDate(instant, zone)).toBe(expected)
  })

  it.each(['2026-03-01T10:00:00', '2026-03-01', 'yesterday', '2026-02-30T10:00:00Z'])(
    'rejects %s, which is not an instant with an offset',
    (instant) => {
      expect(isInstant(instant)).toBe(false)
      expect(() => localDate(instant, 'UTC')).toThrow(RangeError)
    },
  )

  it('rejects an unknown time zone', () => {
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(() => localDate('2026-03-01T10:00:00Z', 'Mars/Olympus_Mons')).toThrow(RangeError)
  })
})
