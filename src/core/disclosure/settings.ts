import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

import { addWorkingDays, isTimeZone, localDate } from '../deadlines/index.js'
import { isCalendarDate, type CalendarDate } from '../lifecycle/index.js'

/** The settings key the manufacturer's disclosure settings are stored under. */
export const DISCLOSURE_SETTINGS_KEY = 'disclosure'

const Url = (description: string) =>
  Type.String({ minLength: 8, maxLength: 500, pattern: '^https://\\S+$', description })

/**
 * The manufacturer's coordinated disclosure settings. ISO/IEC 29147 asks for acknowledgement of
 * receipt within a time the manufacturer states; IMDRF N60 gives no number, so 5 working days is
 * only medcyber's default.
 */
export const DisclosureSettingsSchema = Type.Object(
  {
    acknowledgeWithinDays: Type.Integer({
      minimum: 1,
      maximum: 60,
      description: 'Working days (Monday to Friday, holidays excluded) to acknowledge a report in',
    }),
    timeZone: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'IANA zone in which a report’s day of receipt and working days are counted',
    }),
    holidays: Type.Array(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }), {
      maxItems: 100,
      description: 'Non-working days besides weekends (YYYY-MM-DD)',
    }),
    contacts: Type.Array(
      Type.String({ minLength: 8, maxLength: 500, pattern: '^(https://|mailto:|tel:)\\S+$' }),
      {
        maxItems: 10,
        description:
          'security.txt Contact lines (https:, mailto: or tel: URIs); none means the public report page',
      },
    ),
    policyUrl: Type.Optional(Url('The published CVD policy (security.txt Policy)')),
    acknowledgmentsUrl: Type.Optional(Url('The hall of fame page (security.txt Acknowledgments)')),
    preferredLanguages: Type.Array(
      Type.String({ pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$' }),
      {
        minItems: 1,
        maxItems: 10,
        description: 'Languages reports are read in (security.txt Preferred-Languages)',
      },
    ),
    securityTxtValidDays: Type.Integer({
      minimum: 1,
      maximum: 365,
      description:
        'security.txt Expires this many days after it is served (RFC 9116: at most a year)',
    }),
    maxUnacknowledgedPerHour: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      description:
        'Reports accepted per hour while still unacknowledged; beyond it the form answers 503 with Retry-After, so a flood cannot fill the database',
    }),
  },
  { additionalProperties: false },
)
export type DisclosureSettings = Static<typeof DisclosureSettingsSchema>

export const DEFAULT_DISCLOSURE_SETTINGS: DisclosureSettings = {
  acknowledgeWithinDays: 5,
  timeZone: 'UTC',
  holidays: [],
  contacts: [],
  preferredLanguages: ['en', 'ja'],
  securityTxtValidDays: 365,
  maxUnacknowledgedPerHour: 60,
}

/**
 * The settings as stored, over the defaults. A stored value that no longer fits (written by an
 * older version, or by hand) falls back to the defaults field by field rather than failing intake.
 */
export const disclosureSettingsOf = (stored: unknown): DisclosureSettings => {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_DISCLOSURE_SETTINGS
  const merged: Record<string, unknown> = { ...DEFAULT_DISCLOSURE_SETTINGS }
  for (const [key, value] of Object.entries(stored as Record<string, unknown>)) {
    const candidate = { ...merged, [key]: value }
    if (Value.Check(DisclosureSettingsSchema, candidate)) merged[key] = value
  }
  const settings = merged as DisclosureSettings
  return {
    ...settings,
    timeZone: isTimeZone(settings.timeZone) ? settings.timeZone : 'UTC',
    holidays: settings.holidays.filter(isCalendarDate),
  }
}

/**
 * The day a report received at `receivedAt` (an ISO 8601 instant) must be acknowledged by: the
 * configured working days after the day of receipt in the manufacturer's zone.
 */
export const acknowledgeDue = (receivedAt: string, settings: DisclosureSettings): CalendarDate =>
  addWorkingDays(
    localDate(receivedAt, settings.timeZone),
    settings.acknowledgeWithinDays,
    settings.holidays,
  )
