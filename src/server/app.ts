import fastifyCookie from '@fastify/cookie'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'

import { createFastify, type ApiApp } from './api-app.js'
import { authenticate } from './auth/authenticate.js'
import { authorize } from './auth/authorize.js'
import type { DeclaredRoute } from './auth/principal.js'
import { registerSecurityTxt } from './disclosure/security-txt-route.js'
import { handleError } from './handle-error.js'
import { API_ROUTES } from './routes/index.js'
import type { ServerDeps } from './server-deps.js'
import { VERSION } from './version.js'
import { registerWebApp, wantsPage } from './web-app.js'

const DOCS_PREFIX = '/api/docs'

/** The HTTP API as a Fastify instance, not yet listening: tests call `inject()` on it. */
export const createApp = async (deps: ServerDeps): Promise<ApiApp> => {
  const app = createFastify(deps)

  app.decorateRequest('principal', undefined)
  // Set by the onRequest hooks on every request; decorated so each request object has the slot.
  app.decorateRequest('productRoles', null)

  const routeTable: DeclaredRoute[] = []
  app.decorate('declaredRoutes', routeTable)
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith(DOCS_PREFIX)) return
    const access = route.config?.access
    if (access === undefined) {
      throw new Error(`route ${route.method.toString()} ${route.url} declares no access rule`)
    }
    for (const method of [route.method].flat()) {
      // Fastify adds HEAD beside every GET; it is the same route.
      if (method !== 'HEAD') routeTable.push({ method, url: route.url, access })
    }
  })

  await app.register(fastifyCookie)
  await app.register(fastifyHelmet, {
    // Swagger UI's page and the web app's diagram need inline styles.
    contentSecurityPolicy: {
      directives: {
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // On plain-HTTP loopback an upgrade to https would break every asset of the web app.
        'upgrade-insecure-requests': deps.secureCookies ? [] : null,
      },
    },
  })
  await app.register(fastifyRateLimit, { global: false })
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'medcyber API',
        version: VERSION,
        description:
          'Medical device cybersecurity risk management: device models, threats, the security risk register, SBOM findings and VEX triage, approvals and the audit trail. Sign in with POST /api/session (cookie + CSRF header) or send an API token as `Authorization: Bearer mcy_…`.',
      },
      components: {
        securitySchemes: {
          apiToken: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'medcyber_session' },
        },
      },
      security: [{ apiToken: [] }, { session: [] }],
    },
  })
  await app.register(fastifySwaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true })

  app.addHook('onRequest', authenticate(deps.store))
  app.addHook('onRequest', authorize(deps.store))
  app.setErrorHandler(handleError)
  const webPage = deps.webRoot === undefined ? undefined : await registerWebApp(app, deps.webRoot)
  app.setNotFoundHandler((request, reply) => {
    if (webPage !== undefined && wantsPage(request)) return webPage(reply)
    return reply.status(404).send({
      error: { code: 'not-found', message: `no route ${request.method} ${request.url}` },
    })
  })

  await app.register(
    (api, _options, done) => {
      for (const routes of API_ROUTES) routes(api, deps)
      done()
    },
    { prefix: '/api' },
  )
  registerSecurityTxt(app, deps)
  return app
}
