import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useContext, useEffect, type ReactNode } from 'react'

import { ApiError, request, setCsrfToken } from '../api/client.js'
import type { CurrentSession, Locale, Preferences } from '../api/types.js'
import { useLocale } from '../i18n/locale.js'
import { SessionContext, type Permission, type SessionState } from './session-context.js'

const SESSION_KEY = ['session'] as const

// Mirrors docs/server.md's role table so buttons a role cannot use are not offered; the server
// checks every request regardless.
const ROLE_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  admin: [
    'model:write',
    'threat:assess',
    'finding:triage',
    'document:generate',
    'audit:read',
    'jobs:run',
    'admin',
  ],
  'security-engineer': [
    'model:write',
    'threat:assess',
    'finding:triage',
    'document:generate',
    'sign:reviewed',
    'jobs:run',
  ],
  'risk-manager': ['threat:assess', 'finding:triage', 'document:generate', 'sign:reviewed'],
  'clinical-reviewer': ['sign:reviewed'],
  approver: ['document:generate', 'sign:reviewed', 'sign:approved', 'sign:risk-accepted'],
  viewer: [],
  auditor: ['audit:read'],
}

/** The signed-in user, or undefined while signed out (401). */
export const useSessionQuery = () =>
  useQuery({
    queryKey: SESSION_KEY,
    queryFn: async () => {
      try {
        const session = await request<CurrentSession>('/session')
        setCsrfToken(session.csrfToken)
        return session
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null
        throw error
      }
    },
    staleTime: 60_000,
  })

export const useSignIn = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      request<{ csrfToken: string }>('/session', { method: 'POST', body: credentials }),
    onSuccess: async (signedIn) => {
      setCsrfToken(signedIn.csrfToken)
      // Nothing read as someone else (or as nobody) may show through to this user.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] })
      await client.refetchQueries({ queryKey: SESSION_KEY })
    },
  })
}

export const SessionProvider = ({
  session,
  children,
}: {
  readonly session: CurrentSession
  readonly children: ReactNode
}) => {
  const client = useQueryClient()
  const { locale, setLocale } = useLocale()
  const saved = session.preferences.locale
  useEffect(() => {
    if (saved !== null) setLocale(saved)
  }, [saved, setLocale])

  const preferences = useMutation({
    mutationFn: (patch: { locale: Locale }) =>
      request<Preferences>('/session/preferences', { method: 'PATCH', body: patch }),
    onSuccess: (stored) => {
      client.setQueryData<CurrentSession | null>(SESSION_KEY, (current) =>
        current ? { ...current, preferences: stored } : current,
      )
    },
  })

  const state: SessionState = {
    session,
    can: (permission, productId) =>
      session.roles.some(
        (grant) =>
          (grant.productId === '*' || productId === undefined || grant.productId === productId) &&
          (ROLE_PERMISSIONS[grant.role] ?? []).includes(permission),
      ),
    signOut: () => {
      void request('/session', { method: 'DELETE' }).finally(() => {
        setCsrfToken(undefined)
        client.setQueryData(SESSION_KEY, null)
        client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] })
      })
    },
    changeLocale: (next) => {
      if (next === locale) return
      setLocale(next)
      preferences.mutate({ locale: next })
    },
  }
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>
}

export const useSession = (): SessionState => {
  const state = useContext(SessionContext)
  if (state === undefined) throw new Error('useSession outside SessionProvider')
  return state
}
