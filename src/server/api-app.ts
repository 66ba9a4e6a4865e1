import { randomUUID } from 'node:crypto'

// Routes declare `config.rateLimit`; the plugin's types add that field to every route's config.
import type {} from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify from 'fastify'

import type { ServerDeps } from './server-deps.js'
/** Whole model folders come in one request; nothing else is near this size. */
const BODY_LIMIT_BYTES = 32 * 1024 * 1024

export const createFastify = (deps: ServerDeps) =>
  Fastify({
    logger:
      deps.logger === undefined
        ? { redact: ['req.headers.authorization', 'req.headers.cookie'] }
        : deps.logger,
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a proxy (a public URL was given) the client's address is in X-Forwarded-For; the
    // sign-in rate limit must count clients, not the proxy.
    trustProxy: deps.publicUrl !== undefined,
    // Request ids show up in error bodies, so a user can quote one and the log can be searched.
    genReqId: () => randomUUID(),
  }).withTypeProvider<TypeBoxTypeProvider>()

export type ApiApp = ReturnType<typeof createFastify>

/** A group of routes, registered under `/api` with the server's adapters. */
export type ApiRoutes = (app: ApiApp, deps: ServerDeps) => void
