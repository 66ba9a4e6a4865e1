import { Type } from '@sinclair/typebox'

import { ApiError } from './api-error.js'

/** A query parameter naming a moment: a date (midnight UTC) or an ISO 8601 date and time. */
export const InstantQuery = (description: string) =>
  Type.String({
    minLength: 10,
    maxLength: 40,
    description: `${description}: a date (YYYY-MM-DD, midnight UTC) or an ISO 8601 date and time`,
  })

/**
 * The instant as `toISOString` writes it: the store keeps times in that form, so they compare
 * as text.
 */
export const instantOf = (value: string, name: string): string => {
  const time = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/.test(value)
    ? Date.parse(value)
    : Number.NaN
  if (Number.isNaN(time)) {
    throw new ApiError(400, 'invalid-request', `${value} is not a date or an ISO 8601 instant`, [
      { path: `querystring/${name}`, message: 'e.g. 2026-11-28 or 2026-11-28T09:00:00Z' },
    ])
  }
  return new Date(time).toISOString()
}
