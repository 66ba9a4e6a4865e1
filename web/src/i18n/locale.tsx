import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'

import type { Locale } from '../api/types.js'

const STORAGE_KEY = 'medcyber.locale'

interface LocaleState {
  readonly locale: Locale
  /** Switches the language; the shell also stores it with the user's preferences. */
  readonly setLocale: (locale: Locale) => void
}

const LocaleContext = createContext<LocaleState | undefined>(undefined)

/** Before sign-in: the last choice on this browser, else the browser's language. */
const initialLocale = (): Locale => {
  const stored = localStorage.getItem(STORAGE_KEY)
  if (stored === 'en' || stored === 'ja') return stored
  return navigator.language.toLowerCase().startsWith('ja') ? 'ja' : 'en'
}

export const LocaleProvider = ({ children }: { readonly children: ReactNode }) => {
  const [locale, setLocale] = useState<Locale>(initialLocale)
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, locale)
    document.documentElement.lang = locale
  }, [locale])
  const value = useMemo(() => ({ locale, setLocale }), [locale])
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
}

export const useLocale = (): LocaleState => {
  const state = useContext(LocaleContext)
  if (state === undefined) throw new Error('useLocale outside LocaleProvider')
  return state
}

/** Dates as the user's language writes them; the API's YYYY-MM-DD and ISO times both work. */
export const useFormatDate = (): ((value: string | null | undefined) => string) => {
  const { locale } = useLocale()
  return useMemo(() => {
    const dates = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    })
    return (value) => {
      if (value === null || value === undefined || value === '') return '—'
      const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value)
      return Number.isNaN(date.getTime()) ? value : dates.format(date)
    }
  }, [locale])
}

/**
 * Instants (ISO 8601) as date and time in the user's language and time zone: when a file was
 * generated, a signature made or an audit event recorded, the minute matters.
 */
export const useFormatDateTime = (): ((value: string | null | undefined) => string) => {
  const { locale } = useLocale()
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
    return (value) => {
      if (value === null || value === undefined || value === '') return '—'
      const date = new Date(value)
      return Number.isNaN(date.getTime()) ? value : format.format(date)
    }
  }, [locale])
}
