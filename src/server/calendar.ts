import { isCalendarDate, type CalendarDate } from '../core/index.js'
import type { Store } from '../store/index.js'
import { ApiError } from './api-error.js'

/** Today by the store's clock, in UTC: the default day threats and registers are judged on. */
export const todayOf = (store: Store): CalendarDate => store.now().toISOString().slice(0, 10)

/** The `date` query parameter, or today when none was given. */
export const dateOrToday = (store: Store, date: string | undefined): CalendarDate => {
  if (date === undefined) return todayOf(store)
  if (!isCalendarDate(date)) {
    throw new ApiError(400, 'invalid-request', `${date} is not a calendar date`, [
      { path: 'querystring/date', message: 'a date as YYYY-MM-DD that exists' },
    ])
  }
  return date
}
