import { createContext } from 'react'

import type { CurrentSession, Locale } from '../api/types.js'

/** The permissions the screens branch on; the server's role table is the authority. */
export type Permission =
  | 'model:write'
  | 'threat:assess'
  | 'finding:triage'
  | 'document:generate'
  | 'sign:reviewed'
  | 'sign:approved'
  | 'sign:risk-accepted'
  | 'audit:read'
  | 'jobs:run'
  | 'admin'

export interface SessionState {
  readonly session: CurrentSession
  /** True when a role on this product (or on every product) grants the permission. */
  readonly can: (permission: Permission, productId?: string) => boolean
  readonly signOut: () => void
  readonly changeLocale: (locale: Locale) => void
}

/** Undefined while signed out (the sign-in page has no session). */
export const SessionContext = createContext<SessionState | undefined>(undefined)
