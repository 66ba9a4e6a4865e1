import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'

import {
  INSTALLED_BASE_COLUMNS,
  INSTALLED_BASE_LIMITS,
  formatCsvProblem,
} from '../../formats/index.js'
import {
  importInstalledBase,
  installedBaseView,
  type InstalledBaseProblem,
} from '../../services/index.js'
import { ApiError, notFound } from '../api-error.js'
import type { ApiRoutes } from '../api-app.js'
import { principalOf } from '../auth/signed-in.js'
import { dateOrToday } from '../calendar.js'
import { InstalledBaseImportedSchema, InstalledBaseSchema } from '../installed-base-schemas.js'
import { DateQuery, errors, ProductParams, Reason } from '../product-schemas.js'
import { replyBody } from '../reply-body.js'

const problemError = (problem: InstalledBaseProblem): ApiError => {
  if (problem.code === 'installed-base/unknown-product')
    return notFound(problem.message.replace(/ not found$/, ''))
  return new ApiError(
    400,
    'invalid-csv',
    problem.message,
    problem.problems.map((item) => ({
      path: `body:${String(item.line)}${item.column === null ? '' : `:${item.column}`}`,
      message: formatCsvProblem(item),
    })),
  )
}

const COLUMNS_TEXT = INSTALLED_BASE_COLUMNS.map(
  (column) => `${column.header} (${column.ja})${column.required ? ', required' : ''}`,
).join('; ')

/**
 * Which customers run which releases: a CSV import replacing the product's installed base whole,
 * and the installed base with the exposure per release.
 */
export const installedBaseRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps
  // The CSV body parser lives in this plugin only: no other route takes CSV.
  void app.register((plugin, _options, done) => {
    const scoped = plugin.withTypeProvider<TypeBoxTypeProvider>()
    scoped.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: INSTALLED_BASE_LIMITS.maxBytes + 1024 },
      (_request, body, parsed) => {
        parsed(null, body)
      },
    )

    scoped.put(
      '/products/:productId/installed-base',
      {
        config: { access: { kind: 'product', permission: 'model:write' } },
        schema: {
          summary: "Replace the product's installed base from a CSV file",
          description: `Content-Type text/csv, UTF-8 (a BOM is fine), at most ${String(INSTALLED_BASE_LIMITS.maxBytes)} bytes and ${String(INSTALLED_BASE_LIMITS.maxRows)} rows. A header row names the columns, in English or Japanese: ${COLUMNS_TEXT}. One row per release in service (or, with retired_on, once in service) at a customer's site; release must be a release of the product; dates YYYY-MM-DD. Any problem refuses the whole file (400 invalid-csv, each detail "line N, column C: what"); otherwise the file replaces the previous installed base in one transaction, recorded in the audit trail.`,
          tags: ['installed base'],
          params: ProductParams,
          querystring: Type.Object({ reason: Type.Optional(Reason) }),
          body: Type.String({ description: 'The CSV file' }),
          response: { 200: InstalledBaseImportedSchema, ...errors(400, 401, 403, 404, 413, 415) },
        },
      },
      async (request) => {
        const { user } = principalOf(request)
        const imported = await importInstalledBase(store, {
          productId: request.params.productId,
          csv: request.body,
          actor: user.username,
          reason: request.query.reason ?? null,
        })
        if (!imported.ok) throw problemError(imported.error)
        return imported.value
      },
    )

    scoped.get(
      '/products/:productId/installed-base',
      {
        config: { access: { kind: 'product', permission: 'product:read' } },
        schema: {
          summary: "The product's installed base and who runs each release",
          description:
            'The imported rows in file order, and per release the distinct customers, sites and units in service on the day (default today): deployed on or before it and not retired by it.',
          tags: ['installed base'],
          params: ProductParams,
          querystring: Type.Object({ date: Type.Optional(DateQuery) }),
          response: { 200: InstalledBaseSchema, ...errors(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const date = dateOrToday(store, request.query.date)
        const view = await installedBaseView(store, request.params.productId, date)
        if (!view.ok) throw problemError(view.error)
        return replyBody(view.value)
      },
    )
    done()
  })
}
