import {
  DISCLOSURE_SETTINGS_KEY,
  disclosureSettingsOf,
  DisclosureSettingsSchema,
} from '../../core/disclosure/index.js'
import { isCalendarDate, isTimeZone } from '../../core/index.js'
import { readSetting, writeSetting } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError } from '../api-error.js'
import { auditedChange } from '../auth/audited-change.js'
import { principalOf } from '../auth/signed-in.js'
import { errors } from '../product-schemas.js'

const ADMIN = { kind: 'global', permission: 'admin' } as const
const TAGS = ['disclosure']

const invalid = (path: string, message: string): ApiError =>
  new ApiError(400, 'invalid-request', `${path}: ${message}`, [{ path, message }])

/** The manufacturer's disclosure settings: acknowledgement time, security.txt, intake bound. */
export const settingsRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/settings/disclosure',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'The coordinated disclosure settings (defaults where none are stored)',
        tags: TAGS,
        response: { 200: DisclosureSettingsSchema, ...errors(401, 403) },
      },
    },
    async () => disclosureSettingsOf(await readSetting(store.db, DISCLOSURE_SETTINGS_KEY)),
  )

  app.put(
    '/settings/disclosure',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'Replace the coordinated disclosure settings',
        description:
          'acknowledgeWithinDays counts working days in timeZone, skipping holidays; security.txt is served from contacts (default: the public report page), policyUrl, acknowledgmentsUrl, preferredLanguages and securityTxtValidDays; maxUnacknowledgedPerHour bounds intake.',
        tags: TAGS,
        body: DisclosureSettingsSchema,
        response: { 200: DisclosureSettingsSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const settings = request.body
      if (!isTimeZone(settings.timeZone)) {
        throw invalid('body/timeZone', `${settings.timeZone} is not an IANA time zone`)
      }
      const badDay = settings.holidays.findIndex((day) => !isCalendarDate(day))
      if (badDay >= 0) {
        throw invalid(`body/holidays/${String(badDay)}`, 'not a date that exists')
      }
      const actor = principalOf(request).user.username
      await auditedChange(store, async (tx, record) => {
        const before = await readSetting(tx.db, DISCLOSURE_SETTINGS_KEY)
        await writeSetting(tx.db, {
          key: DISCLOSURE_SETTINGS_KEY,
          value: settings,
          at: tx.now().toISOString(),
          actor,
        })
        await record({
          actor,
          action: 'settings.disclosure',
          subject: `setting:${DISCLOSURE_SETTINGS_KEY}`,
          before: (before ?? null) as never,
          after: settings,
          reason: null,
        })
      })
      return disclosureSettingsOf(settings)
    },
  )
}
