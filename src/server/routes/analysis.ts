import { Type } from '@sinclair/typebox'

import { availableViews, computeControlCoverage, type DeviceModel } from '../../core/index.js'
import {
  analyseProduct,
  computeFacts,
  drawView,
  loadProductModel,
  releaseSbom,
  VEX_AT_PATTERN,
  vexFile,
  vulnerabilityImpact,
  type ProductScope,
} from '../../services/index.js'
import { listRoleGrants, type Store } from '../../store/index.js'
import {
  CoverageResponse,
  fileResponse,
  ImpactResponse,
  InfoResponse,
  IssuesResponse,
  ViewsResponse,
} from '../analysis-schemas.js'
import type { ApiApp, ApiRoutes } from '../api-app.js'
import { ApiError, notFound } from '../api-error.js'
import { isRole, ROLE_PERMISSIONS } from '../auth/roles.js'
import { principalOf } from '../auth/signed-in.js'
import { dateOrToday, todayOf } from '../calendar.js'
import { IF_NONE_MATCH_HEADERS, notModified, revisionTag } from '../etag.js'
import { analysisError } from '../model-problems.js'
import { replyBody } from '../reply-body.js'
import { DateQuery, errors, ProductParams } from '../product-schemas.js'
import { attachmentDisposition } from './documents.js'

const TAGS = ['analysis']
const EXPORT_TAGS = ['exports']
const READ = { kind: 'product', permission: 'product:read' } as const

const releaseQuery = (description: string) =>
  Type.String({ minLength: 1, maxLength: 300, description })

/** The product's model when it is valid; 404 or 422 (with file:line:column) otherwise. */
const validModel = async (store: Store, productId: string) => {
  const stored = await loadProductModel(store, productId)
  if (stored === undefined) throw analysisError({ code: 'not-found', productId })
  const { model } = stored
  if (model === undefined) {
    throw analysisError({ code: 'invalid-model', revision: stored.revision, issues: stored.issues })
  }
  return { ...stored, model }
}

const checkRelease = (model: DeviceModel, release: string | undefined): void => {
  if (release === undefined) return
  const releases = model.releases.map((item) => item.version)
  if (!releases.includes(release)) {
    throw analysisError({ code: 'unknown-release', release, releases })
  }
}

/** The products a user may read: every one with a reading role on `*`, else those named. */
const readableProducts = async (store: Store, userId: string): Promise<ProductScope> => {
  const grants = (await listRoleGrants(store, userId)).filter(
    (grant) => isRole(grant.role) && ROLE_PERMISSIONS[grant.role].has('product:read'),
  )
  return {
    everyProduct: grants.some((grant) => grant.productId === '*'),
    productIds: [...new Set(grants.map((grant) => grant.productId))],
  }
}

const impactRoute = (app: ApiApp, store: Store): void => {
  app.get(
    '/vulnerabilities/:vulnerabilityId/impact',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Which of your products and releases a vulnerability touches',
        description:
          "From the findings of the last evaluation (POST .../evaluate, or a feed sync), matched by id or alias ignoring case (a GHSA id finds the findings of its CVE), over the products you hold a role on. Per product and release: each component's finding with its VEX status, KEV, severity and the risk the model evaluates for it (the register on the day), and whether that risk re-opens. The question `medcyber impact <id> --json` answers for a portfolio folder.",
        tags: ['findings'],
        params: Type.Object({
          vulnerabilityId: Type.String({
            pattern: '^[A-Za-z0-9][A-Za-z0-9._:+-]*$',
            maxLength: 200,
            description: 'CVE, GHSA, OSV or other advisory id, e.g. CVE-2021-44228',
          }),
        }),
        querystring: Type.Object({ date: Type.Optional(DateQuery) }),
        response: { 200: ImpactResponse, ...errors(400, 401) },
      },
    },
    async (request) => {
      const { user } = principalOf(request)
      const impact = await vulnerabilityImpact(store, {
        vulnerability: request.params.vulnerabilityId,
        scope: await readableProducts(store, user.id),
        date: dateOrToday(store, request.query.date),
      })
      return replyBody(impact)
    },
  )
}

const exportRoutes = (app: ApiApp, store: Store): void => {
  app.get(
    '/products/:productId/vex',
    {
      config: { access: READ },
      schema: {
        summary: "The model's VEX: its finding triage as CycloneDX, CSAF or OpenVEX",
        description:
          'The bytes `medcyber vex export --format <format> [--release] [--at]` writes for the same model: per release with carry-over, as an attachment. ETag "r<revision>".',
        tags: EXPORT_TAGS,
        params: ProductParams,
        querystring: Type.Object({
          format: Type.Union(
            [Type.Literal('cyclonedx'), Type.Literal('csaf'), Type.Literal('openvex')],
            { description: 'cyclonedx (1.6), csaf (2.0 csaf_vex) or openvex (0.2.0)' },
          ),
          release: Type.Optional(releaseQuery('Only this release (default: every release)')),
          at: Type.Optional(
            Type.String({
              pattern: VEX_AT_PATTERN.source,
              description: 'The document date, YYYY-MM-DD or RFC 3339 (default: today, UTC)',
            }),
          ),
        }),
        response: {
          200: fileResponse(
            'The VEX document',
            ['application/vnd.cyclonedx+json', 'application/json'],
            Type.Object({}, { additionalProperties: true }),
          ),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const { format, release } = request.query
      const { model, revision } = await validModel(store, productId)
      checkRelease(model, release)
      const file = vexFile(model, {
        format,
        at: request.query.at ?? todayOf(store),
        ...(release === undefined ? {} : { release }),
      })
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('etag', revisionTag(revision))
        .send(file.text)
    },
  )

  app.get(
    '/products/:productId/sbom',
    {
      config: { access: READ },
      schema: {
        summary: "A release's SBOM, as the report's SBOM deliverable writes it",
        description:
          'The file `medcyber report --kind sbom` writes for the same model, release (default: the latest by date) and day, as an attachment; 404 when the model lists no release. ETag "r<revision>".',
        tags: EXPORT_TAGS,
        params: ProductParams,
        querystring: Type.Object({
          release: Type.Optional(releaseQuery('The release (default: the latest by date)')),
          format: Type.Optional(
            Type.Union([Type.Literal('cyclonedx-json'), Type.Literal('spdx-json')], {
              description: 'cyclonedx-json (CycloneDX 1.6, the default) or spdx-json (SPDX 2.3)',
            }),
          ),
          date: Type.Optional(DateQuery),
        }),
        response: {
          200: fileResponse(
            'The SBOM',
            ['application/vnd.cyclonedx+json', 'application/spdx+json'],
            Type.Object({}, { additionalProperties: true }),
          ),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const { release, format } = request.query
      const product = await validModel(store, productId)
      const sbom = await releaseSbom(product, {
        format: format ?? 'cyclonedx-json',
        date: dateOrToday(store, request.query.date),
        ...(release === undefined ? {} : { release }),
      })
      if (!sbom.ok) {
        const problem = sbom.error
        if (problem.code === 'unknown-release') throw analysisError(problem)
        throw new ApiError(404, 'no-sbom', problem.message)
      }
      return reply
        .header('content-type', sbom.value.mediaType)
        .header('content-disposition', attachmentDisposition(sbom.value.fileName))
        .header('etag', revisionTag(product.revision))
        .send(sbom.value.text)
    },
  )
}

const viewRoutes = (app: ApiApp, store: Store): void => {
  app.get(
    '/products/:productId/views',
    {
      config: { access: READ },
      schema: {
        summary: 'The FDA architecture views of the model',
        description:
          'Global, multi-patient harm, updatability, and one security use case per clinical function, as `medcyber diagram --list` lists them. ETag "r<revision>".',
        tags: TAGS,
        params: ProductParams,
        response: { 200: ViewsResponse, ...errors(401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { model, revision } = await validModel(store, request.params.productId)
      void reply.header('etag', revisionTag(revision))
      return {
        revision,
        items: availableViews(model).map(({ id, kind, title }) => ({ id, kind, title })),
      }
    },
  )

  app.get(
    '/products/:productId/views/:viewId',
    {
      config: { access: READ },
      schema: {
        summary: 'One FDA architecture view as SVG',
        description:
          'The SVG `medcyber diagram --view <id>` draws; 404 for an id that is no view of the model. ETag "r<revision>"; with If-None-Match naming it the answer is 304 without a body.',
        tags: TAGS,
        params: Type.Object({
          ...ProductParams.properties,
          viewId: Type.String({
            minLength: 1,
            maxLength: 300,
            description: 'global, multi-patient, update or use-case:<clinical function id>',
          }),
        }),
        headers: IF_NONE_MATCH_HEADERS,
        response: {
          200: fileResponse('The view', ['image/svg+xml'], Type.String()),
          304: Type.Null({ description: 'Not modified since the revision named in If-None-Match' }),
          ...errors(401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { productId, viewId } = request.params
      const { model, revision } = await validModel(store, productId)
      const tag = revisionTag(revision)
      if (notModified(request, tag)) return reply.status(304).header('etag', tag).send(null)
      const drawn = await drawView(model, viewId)
      if (!drawn.ok) throw new ApiError(404, 'not-found', drawn.error.message)
      return reply.header('content-type', 'image/svg+xml').header('etag', tag).send(drawn.value.svg)
    },
  )
}

const modelReadingRoutes = (app: ApiApp, store: Store): void => {
  app.get(
    '/products/:productId/coverage',
    {
      config: { access: READ },
      schema: {
        summary: 'Control coverage: threats without controls, controls without verification',
        description:
          'What `medcyber coverage --json` prints for the same model and day: also failing verifications, FDA categories and MDS2 capabilities with no control. ETag "r<revision>".',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({ date: Type.Optional(DateQuery) }),
        response: { 200: CoverageResponse, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const date = dateOrToday(store, request.query.date)
      const analysis = await analyseProduct(store, productId, { date })
      if (!analysis.ok) throw analysisError(analysis.error)
      const { model, threats, revision } = analysis.value
      void reply.header('etag', revisionTag(revision))
      const coverage = computeControlCoverage(model, threats)
      return replyBody({
        ...coverage,
        // JSON leaves out a summary the verification does not give, as the CLI's output does.
        controlsFailingVerification: coverage.controlsFailingVerification.map(
          ({ summary, ...failed }) => (summary === undefined ? failed : { ...failed, summary }),
        ),
      })
    },
  )

  app.get(
    '/products/:productId/info',
    {
      config: { access: READ },
      schema: {
        summary: '524B cyber-device determination, documents expected, support phases',
        description:
          'What `medcyber info --json` prints for the same model and day (default: today, UTC). ETag "r<revision>".',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({ date: Type.Optional(DateQuery) }),
        response: { 200: InfoResponse, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const date = dateOrToday(store, request.query.date)
      const { model, revision } = await validModel(store, request.params.productId)
      void reply.header('etag', revisionTag(revision))
      return replyBody(computeFacts(model, date))
    },
  )

  app.get(
    '/products/:productId/issues',
    {
      config: { access: READ },
      schema: {
        summary: "The stored model's validation issues",
        description:
          'Errors, warnings and hints as `medcyber validate --json` gives them for the same files (file paths relative to the model folder); valid is false when errors keep the files from forming a model. ETag "r<revision>".',
        tags: TAGS,
        params: ProductParams,
        response: { 200: IssuesResponse, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const stored = await loadProductModel(store, productId)
      if (stored === undefined) throw notFound(`product ${productId}`)
      void reply.header('etag', revisionTag(stored.revision))
      return replyBody({
        revision: stored.revision,
        valid: stored.model !== undefined,
        issues: stored.issues,
      })
    },
  )
}

/**
 * What the CLI derives from a model, for the product's stored one: coverage, 524B facts,
 * validation issues, architecture views, the VEX and SBOM exports; and the portfolio question
 * which products and releases a new vulnerability touches.
 */
export const analysisRoutes: ApiRoutes = (app, deps) => {
  impactRoute(app, deps.store)
  exportRoutes(app, deps.store)
  viewRoutes(app, deps.store)
  modelReadingRoutes(app, deps.store)
}
