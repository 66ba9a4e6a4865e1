import { Type } from '@sinclair/typebox'

import { THREAT_REF_PATTERN } from '../../core/model/schema-helpers.js'
import type { RiskEntry, RiskPolicy, Threat, ThreatAssessment } from '../../core/index.js'
import { analyseProduct, riskEntryJson, riskPolicyJson } from '../../services/index.js'
import type { ApiRoutes } from '../api-app.js'
import { strictValidatorCompiler, ThreatAssessmentBody } from '../assessment-bodies.js'
import { dateOrToday } from '../calendar.js'
import { IF_MATCH_HEADERS, revisionTag } from '../etag.js'
import { analysisError } from '../model-problems.js'
import { PAGE_QUERY, PageOf, pageOf } from '../pagination.js'
import { putAssessment } from '../put-assessment.js'
import { replyBody } from '../reply-body.js'
import {
  errors,
  ProductParams,
  RegisterHead,
  RiskEntryItem,
  RiskQuery,
  SavedModelSchema,
  ThreatItem,
  ThreatQuery,
} from '../product-schemas.js'
import { RiskMatrixSchema } from '../workspace-schemas.js'

const TAGS = ['risk']

const threatItem = (threat: Threat, assessments: readonly ThreatAssessment[]) => ({
  id: threat.id,
  rule: threat.rule ?? null,
  title: threat.title,
  stride: threat.stride,
  element: threat.element,
  capec: threat.capec.map((id) => `CAPEC-${String(id)}`),
  cwe: threat.cwe.map((id) => `CWE-${String(id)}`),
  status: threat.status,
  rationale: threat.rationale ?? null,
  controls: threat.controls,
  hazardousSituations: threat.hazardousSituations,
  detail: threat.detail,
  multiPatient: threat.multiPatient,
  assessments: assessments.filter((assessment) => assessment.threat === threat.id),
})

/** The policy's axes and cells, for drawing the risk matrix. */
const riskMatrix = (policy: RiskPolicy) => ({
  exploitability: policy.exploitability.map((level) => ({ id: level.id, name: level.name })),
  severities: policy.severities,
  controlMatrix: policy.controlMatrix,
  acceptabilityMatrix: policy.acceptabilityMatrix,
})

const registerFilter =
  (query: { controlled?: boolean; acceptable?: boolean; source?: string }) =>
  (entry: RiskEntry): boolean =>
    (query.controlled === undefined ||
      (entry.controlStatus === 'controlled') === query.controlled) &&
    (query.acceptable === undefined || entry.acceptable === query.acceptable) &&
    (query.source === undefined || entry.source === query.source)

/** Threats, the security risk register, and the assessments people write on threats. */
export const riskRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/products/:productId/threats',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: 'Threats of the model (built-in rules and written by hand) with their decisions',
        description:
          'As `medcyber threats` gives them for the same model, day and release, sorted by id. ETag "r<revision>".',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({ ...ThreatQuery, ...PAGE_QUERY }),
        response: {
          200: Type.Object({
            revision: Type.Integer(),
            date: Type.String(),
            release: Type.Union([Type.String(), Type.Null()]),
            ...PageOf(ThreatItem).properties,
          }),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const { release, status, category, element, limit, offset } = request.query
      const date = dateOrToday(store, request.query.date)
      const analysis = await analyseProduct(store, productId, {
        date,
        ...(release === undefined ? {} : { release }),
      })
      if (!analysis.ok) throw analysisError(analysis.error)
      const { threats, model, revision } = analysis.value
      const chosen = threats.filter(
        (threat) =>
          (status === undefined || threat.status === status) &&
          (category === undefined || threat.stride.includes(category)) &&
          (element === undefined || threat.element === element),
      )
      void reply.header('etag', revisionTag(revision))
      const page = pageOf(chosen, { limit, offset })
      return replyBody({
        revision,
        date,
        release: release ?? null,
        ...page,
        items: page.items.map((threat) => threatItem(threat, model.threatAssessments)),
      })
    },
  )

  app.get(
    '/products/:productId/risk-register',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: 'The security risk register: each risk before and after controls',
        description:
          'Entries as `medcyber risk --json` gives them under `risks`, for the same model, day (default today) and release; filtered and paged. ETag "r<revision>".',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({ ...RiskQuery, ...PAGE_QUERY }),
        response: {
          200: Type.Object({
            ...RegisterHead,
            matrix: RiskMatrixSchema,
            ...PageOf(RiskEntryItem).properties,
          }),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const { release, limit, offset } = request.query
      const date = dateOrToday(store, request.query.date)
      const analysis = await analyseProduct(store, productId, {
        date,
        ...(release === undefined ? {} : { release }),
      })
      if (!analysis.ok) throw analysisError(analysis.error)
      const { register, revision, productName, policy, policyIsExample, issues } = analysis.value
      void reply.header('etag', revisionTag(revision))
      const page = pageOf(register.entries.filter(registerFilter(request.query)), {
        limit,
        offset,
      })
      return replyBody({
        productId,
        product: productName,
        revision,
        date: register.today,
        release: register.release ?? null,
        policy: riskPolicyJson(register),
        policyIsExample,
        matrix: riskMatrix(policy),
        summary: register.summary,
        unevaluated: register.unevaluated,
        issues,
        ...page,
        items: page.items.map(riskEntryJson),
      })
    },
  )

  app.put(
    '/products/:productId/threats/:threatId/assessment',
    {
      config: { access: { kind: 'product', permission: 'threat:assess' } },
      // Unknown fields are refused, not dropped: the body goes into the model as written.
      validatorCompiler: strictValidatorCompiler,
      schema: {
        summary: 'Record the assessment of a threat in the model',
        description:
          "Replaces the threatAssessments entry for this threat and the same releases, or adds one, in the model file that holds that list; every other byte of the files stays as written. Needs If-Match (428 without, 412 when stale). The whole model is checked again (422 with file:line:column details). 404 for a threat the model's rules and threats do not give.",
        tags: TAGS,
        params: Type.Object({
          productId: ProductParams.properties.productId,
          threatId: Type.String({ pattern: THREAT_REF_PATTERN, maxLength: 200 }),
        }),
        headers: IF_MATCH_HEADERS,
        body: ThreatAssessmentBody,
        response: { 200: SavedModelSchema, ...errors(400, 401, 403, 404, 412, 422, 428) },
      },
    },
    (request, reply) =>
      putAssessment(
        store,
        request,
        reply,
        { list: 'threatAssessments', key: 'threat', id: request.params.threatId },
        request.body,
      ),
  )
}
