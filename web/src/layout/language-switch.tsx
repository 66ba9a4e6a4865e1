import { useContext } from 'react'

import type { Locale } from '../api/types.js'
import { common } from '../i18n/common.js'
import { useLocale } from '../i18n/locale.js'
import { useMessages } from '../i18n/messages.js'
import { SessionContext } from '../app/session-context.js'

const NAMES: Readonly<Record<Locale, string>> = { en: 'English', ja: '日本語' }

/** Switches the language; once signed in, the choice is stored with the user. */
export const LanguageSwitch = () => {
  const t = useMessages(common)
  const { locale, setLocale } = useLocale()
  const session = useContext(SessionContext)
  const change = session?.changeLocale ?? setLocale
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t.language}</span>
      <select
        aria-label={t.language}
        value={locale}
        onChange={(event) => {
          change(event.target.value as Locale)
        }}
      >
        {(Object.keys(NAMES) as Locale[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  )
}
