import { Type } from '@sinclair/typebox'

import {
  findAuditEvent,
  listAuditEvents,
  verifyAuditChain,
  type AuditEvent,
  type AuditEventQuery,
} from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError } from '../api-error.js'
import { AuditEventItem, ChainCheck } from '../audit-schemas.js'
import { PAGE_QUERY, PageOf } from '../pagination.js'
import { errors, ProductParams } from '../product-schemas.js'

const TAGS = ['audit']

const parsed = (json: string | null): unknown => (json === null ? null : JSON.parse(json))

const eventItem = (event: AuditEvent) => ({
  id: event.id,
  seq: event.seq,
  at: event.at,
  actor: event.actor,
  action: event.action,
  subject: event.subject,
  before: parsed(event.before),
  after: parsed(event.after),
  reason: event.reason,
  hash: event.hash,
})

const Instant = (description: string) =>
  Type.String({
    minLength: 10,
    maxLength: 40,
    description: `${description}: a date (YYYY-MM-DD, midnight UTC) or an ISO 8601 date and time`,
  })

const PAGE_FILTERS = {
  since: Type.Optional(Instant('Events at or after this instant')),
  until: Type.Optional(Instant('Events before this instant')),
  before: Type.Optional(
    Type.Integer({
      minimum: 1,
      description:
        'Only events with a lower seq: pass the seq of the newest event of the first page to keep later pages still while events arrive',
    }),
  ),
  ...PAGE_QUERY,
}

/** Instants are compared as the text `toISOString` writes, so every input is brought to it. */
const instant = (value: string | undefined, name: string): string | undefined => {
  if (value === undefined) return undefined
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

interface PageFilters {
  readonly since?: string
  readonly until?: string
  readonly before?: number
  readonly limit: number
  readonly offset: number
}

const queryOf = (filters: PageFilters): AuditEventQuery => {
  const since = instant(filters.since, 'since')
  const until = instant(filters.until, 'until')
  return {
    ...(since === undefined ? {} : { since }),
    ...(until === undefined ? {} : { until }),
    ...(filters.before === undefined ? {} : { beforeSeq: filters.before }),
    limit: filters.limit,
    offset: filters.offset,
  }
}

const pageWindow = (filters: PageFilters) => ({ limit: filters.limit, offset: filters.offset })

/**
 * The audit trail: who did what, when and why, read by auditors. Events about a product carry
 * the subject `product:<id>` (or `product:<id>/<part>`): model imports and edits, signatures,
 * failed re-authentications at signing and generated documents. Account events carry
 * `user:<id>` and show in the global trail only.
 */
export const auditRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/products/:productId/audit',
    {
      config: { access: { kind: 'product', permission: 'audit:read' } },
      schema: {
        summary: "The product's audit trail, newest first",
        description:
          'Events whose subject is product:<id> or product:<id>/<part>: model changes, signatures, failed re-authentications, generated documents.',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({
          action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          ...PAGE_FILTERS,
        }),
        response: { 200: PageOf(AuditEventItem), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const { action, ...filters } = request.query
      const page = await listAuditEvents(store, {
        ...queryOf(filters),
        productId: request.params.productId,
        ...(action === undefined ? {} : { action }),
      })
      return { items: page.events.map(eventItem), total: page.total, ...pageWindow(filters) }
    },
  )

  app.get(
    '/audit',
    {
      config: { access: { kind: 'global', permission: 'audit:read' } },
      schema: {
        summary: 'The whole audit trail, newest first',
        description: 'Filters: actor (username), action, since (inclusive), until (exclusive).',
        tags: TAGS,
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          action: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
          ...PAGE_FILTERS,
        }),
        response: { 200: PageOf(AuditEventItem), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const { actor, action, ...filters } = request.query
      const page = await listAuditEvents(store, {
        ...queryOf(filters),
        ...(actor === undefined ? {} : { actor }),
        ...(action === undefined ? {} : { action }),
      })
      return { items: page.events.map(eventItem), total: page.total, ...pageWindow(filters) }
    },
  )

  app.get(
    '/audit/verify',
    {
      config: { access: { kind: 'global', permission: 'audit:read' } },
      schema: {
        summary: "Recompute the trail's hash chain",
        description:
          'Walks every event in order and recomputes its hash: an edited, deleted or reordered event is named. The newest events being cut off shows only against a head kept elsewhere (medcyber audit verify --expect-head).',
        tags: TAGS,
        response: { 200: ChainCheck, ...errors(401, 403) },
      },
    },
    async () => {
      const check = await verifyAuditChain(store)
      if (check.ok) return check
      const event = await findAuditEvent(store, { id: check.at })
      return { ...check, seq: event?.seq ?? null }
    },
  )
}
