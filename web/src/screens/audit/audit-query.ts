import { query } from '../../api/client.js'
import type { AuditEvent, Page } from '../../api/types.js'

export interface AuditFilters {
  /** A username, exactly; '' for anyone. */
  readonly actor: string
  /** An action, exactly (e.g. approval.sign); '' for any. */
  readonly action: string
  /** First day shown, YYYY-MM-DD; '' for no limit. */
  readonly from: string
  /** Last day shown, YYYY-MM-DD, included; '' for no limit. */
  readonly to: string
}

export const NO_AUDIT_FILTERS: AuditFilters = { actor: '', action: '', from: '', to: '' }

/** The day after a YYYY-MM-DD date: the route's `until` excludes its instant, people include the day. */
export const nextDay = (date: string): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10)
}

/**
 * The query string of GET /api/audit for one page. Later pages ask for events older than the
 * oldest one loaded (`before`), so events recorded meanwhile do not shift them.
 */
export const auditQuery = (
  filters: AuditFilters,
  before: number | undefined,
  limit: number,
): string =>
  query({
    actor: filters.actor.trim() === '' ? undefined : filters.actor.trim(),
    action: filters.action.trim() === '' ? undefined : filters.action.trim(),
    since: filters.from === '' ? undefined : filters.from,
    until: filters.to === '' ? undefined : nextDay(filters.to),
    before,
    limit,
  })

/** The `before` of the next page: the oldest seq of a full page; none after a short one. */
export const nextBefore = (page: Page<AuditEvent>, limit: number): number | undefined => {
  const oldest = page.items[page.items.length - 1]
  return page.items.length < limit || oldest === undefined || page.total <= page.items.length
    ? undefined
    : oldest.seq
}

/** The product a subject is about (`product:<id>` or `product:<id>/<part>`), if any. */
export const productOfSubject = (subject: string): string | undefined => {
  const match = /^product:([^/]+)(?:\/.*)?$/.exec(subject)
  return match?.[1]
}

/** The distinct values of a field among the loaded events, sorted, to suggest in a filter. */
export const distinctValues = (
  events: readonly AuditEvent[],
  field: 'actor' | 'action',
): readonly string[] => [...new Set(events.map((event) => event[field]))].sort()

/** A before or after state as indented JSON, or undefined when there is none. */
export const stateText = (state: unknown): string | undefined =>
  state === null || state === undefined ? undefined : JSON.stringify(state, null, 2)
