import {
  findUserPreferences,
  updateUserPreferences,
  type Store,
  type UserPreferences,
} from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { strictValidatorCompiler } from '../assessment-bodies.js'
import { principalOf } from '../auth/signed-in.js'
import { errors } from '../product-schemas.js'
import { LOCALES, PreferencesPatchSchema, PreferencesSchema } from '../workspace-schemas.js'

type Locale = (typeof LOCALES)[number]

const isLocale = (value: string | null | undefined): value is Locale =>
  LOCALES.some((locale) => locale === value)

const preferencesView = (stored: UserPreferences | undefined) => ({
  // A value the web app does not know (written by hand, or by a later version) counts as unset.
  locale: isLocale(stored?.locale) ? stored.locale : null,
  advisoriesSeenAt: stored?.advisoriesSeenAt ?? null,
})

/** The signed-in user's preferences as the API gives them. */
export const preferencesOf = async (store: Store, userId: string) =>
  preferencesView(await findUserPreferences(store, userId))

/**
 * What the web app remembers for a person between visits. Not audited: the language and the
 * advisories-seen mark change what one user is shown, not any record or permission.
 */
export const preferenceRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.patch(
    '/session/preferences',
    {
      config: { access: { kind: 'signed-in' } },
      // A misspelt field is refused rather than dropped, which would answer 200 and change nothing.
      validatorCompiler: strictValidatorCompiler,
      schema: {
        summary: 'Change your preferences: the language, or mark the advisories as seen',
        description:
          'advisoriesSeen: true records now as the moment advisories were last seen; findings first seen later count as new. Fields left out keep their value.',
        tags: ['session'],
        body: PreferencesPatchSchema,
        response: { 200: PreferencesSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const { user } = principalOf(request)
      const { locale, advisoriesSeen } = request.body
      const updated = await updateUserPreferences(store, user.id, {
        ...(locale === undefined ? {} : { locale }),
        ...(advisoriesSeen === true ? { advisoriesSeenAt: store.now().toISOString() } : {}),
      })
      return preferencesView(updated)
    },
  )
}
