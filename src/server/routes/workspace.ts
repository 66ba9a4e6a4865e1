import { Type } from '@sinclair/typebox'

import { portfolioOn } from '../../services/index.js'
import { findUserPreferences, listAdvisories } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { principalOf } from '../auth/signed-in.js'
import { dateOrToday } from '../calendar.js'
import { InstantQuery, instantOf } from '../instant.js'
import { PAGE_QUERY } from '../pagination.js'
import { DateQuery, errors } from '../product-schemas.js'
import { replyBody } from '../reply-body.js'
import { AdvisoryListSchema, PortfolioSchema } from '../workspace-schemas.js'

const TAGS = ['workspace']

/** The screens a user starts from: the portfolio of their products, and the advisories. */
export const workspaceRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/portfolio',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Your products at a glance: support phases, risks, deadlines and findings',
        description:
          "Every product you hold a role on, by id. Per product: each release's IMDRF N70 support phase on the day (default today) and end-of-support notice date; the risk register's counts and its deadlines missed or due within 30 days and not met (as GET .../risk-register gives them for the same day); findings still open, open and known exploited, and first seen since you last marked advisories as seen (each finding once, whatever its releases). A product whose stored model is not valid has modelValid false and risks null.",
        tags: TAGS,
        querystring: Type.Object({ date: Type.Optional(DateQuery) }),
        response: { 200: PortfolioSchema, ...errors(400, 401) },
      },
    },
    async (request) => {
      const { user } = principalOf(request)
      const preferences = await findUserPreferences(store, user.id)
      const portfolio = await portfolioOn(store, {
        userId: user.id,
        date: dateOrToday(store, request.query.date),
        seenAt: preferences?.advisoriesSeenAt ?? null,
      })
      return replyBody(portfolio)
    },
  )

  app.get(
    '/advisories',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Vulnerabilities found in your products, newest first',
        description:
          'The stored findings of the products you hold a role on, one item per vulnerability id with every product, release and component it was found in, most recently first seen first. isNew: first seen after since, or after you last marked advisories as seen (PATCH /api/session/preferences) when since is not given; every item is new when neither is. q matches part of the vulnerability id, an alias or a component, ignoring case.',
        tags: TAGS,
        querystring: Type.Object({
          since: Type.Optional(InstantQuery('What counts as new: first seen after this instant')),
          kev: Type.Optional(
            Type.Boolean({ description: "Only (or no) vulnerabilities in CISA's KEV catalogue" }),
          ),
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          ...PAGE_QUERY,
        }),
        response: { 200: AdvisoryListSchema, ...errors(400, 401) },
      },
    },
    async (request) => {
      const { user } = principalOf(request)
      const { kev, q, limit, offset } = request.query
      const since =
        request.query.since === undefined
          ? ((await findUserPreferences(store, user.id))?.advisoriesSeenAt ?? null)
          : instantOf(request.query.since, 'since')
      const page = await listAdvisories(store, {
        visibleTo: user.id,
        ...(kev === undefined ? {} : { kev }),
        ...(q === undefined ? {} : { text: q }),
        limit,
        offset,
      })
      return replyBody({
        since,
        total: page.total,
        items: page.items.map((item) => ({
          ...item,
          isNew: since === null || item.firstSeen > since,
        })),
      })
    },
  )
}
