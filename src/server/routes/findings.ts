import { Type } from '@sinclair/typebox'

import type { FindingAssessment } from '../../core/index.js'
import { FINDING_ID_PATTERN } from '../../core/model/schema-helpers.js'
import { loadProductModel } from '../../services/index.js'
import { listProductFindings } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { notFound } from '../api-error.js'
import { FindingTriageBody, strictValidatorCompiler } from '../assessment-bodies.js'
import { IF_MATCH_HEADERS } from '../etag.js'
import { PAGE_QUERY, PageOf } from '../pagination.js'
import { putAssessment } from '../put-assessment.js'
import { queueEvaluation } from '../queue-evaluation.js'
import {
  errors,
  FindingItem,
  FindingQuery,
  ProductParams,
  SavedModelEvaluatingSchema,
} from '../product-schemas.js'

const TAGS = ['findings']

/** The model's triage entries by finding id, each finding's in the order the model lists them. */
const byFinding = (
  assessments: readonly FindingAssessment[],
): ReadonlyMap<string, FindingAssessment[]> => {
  const grouped = new Map<string, FindingAssessment[]>()
  for (const assessment of assessments) {
    grouped.set(assessment.finding, [...(grouped.get(assessment.finding) ?? []), assessment])
  }
  return grouped
}

/** Vulnerability findings from the last evaluation, and the VEX triage people record on them. */
export const findingRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/products/:productId/findings',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: 'Vulnerability findings of the product, known exploited and highest CVSS first',
        description:
          'From the last evaluation of the SBOMs against the advisories, each with the triage entries of the current model. q matches part of the vulnerability id or the component, ignoring case.',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({ ...FindingQuery, ...PAGE_QUERY }),
        response: { 200: PageOf(FindingItem), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { productId } = request.params
      // Parsed models are cached by revision, so this is a parse only after the model changed.
      const current = await loadProductModel(store, productId)
      if (current === undefined) throw notFound(`product ${productId}`)
      const assessments = byFinding(current.model?.findingAssessments ?? [])
      const { release, severity, kev, vexStatus, q, limit, offset } = request.query
      const page = await listProductFindings(store, productId, {
        ...(release === undefined ? {} : { release }),
        ...(severity === undefined ? {} : { severity }),
        ...(kev === undefined ? {} : { kev }),
        ...(vexStatus === undefined ? {} : { vexStatus }),
        ...(q === undefined ? {} : { text: q }),
        limit,
        offset,
      })
      return {
        items: page.items.map((item) => ({
          ...item,
          aliases: [...item.aliases],
          assessments: assessments.get(item.findingId) ?? [],
        })),
        total: page.total,
        limit,
        offset,
      }
    },
  )

  app.put(
    '/products/:productId/findings/:findingId/triage',
    {
      config: { access: { kind: 'product', permission: 'finding:triage' } },
      // Unknown fields are refused, not dropped: the body goes into the model as written.
      validatorCompiler: strictValidatorCompiler,
      schema: {
        summary: 'Record the VEX triage of a finding in the model',
        description:
          'Replaces the findingAssessments entry for this finding and the same releases, or adds one, in the model file that holds that list; every other byte of the files stays as written. The body is the whole entry: fields left out are removed (GET .../findings gives the current entries as assessments). Needs If-Match (428 without, 412 when stale). The whole model is checked again (422 with file:line:column details). Once stored, a re-evaluation of the product is queued so the stored findings take the new VEX status (evaluationJobId).',
        tags: TAGS,
        params: Type.Object({
          productId: ProductParams.properties.productId,
          findingId: Type.String({
            pattern: FINDING_ID_PATTERN,
            maxLength: 200,
            description: 'advisoryId@componentId, e.g. CVE-2014-0160@openssl',
          }),
        }),
        headers: IF_MATCH_HEADERS,
        body: FindingTriageBody,
        response: {
          200: SavedModelEvaluatingSchema,
          ...errors(400, 401, 403, 404, 412, 422, 428),
        },
      },
    },
    async (request, reply) => {
      const saved = await putAssessment(
        store,
        request,
        reply,
        { list: 'findingAssessments', key: 'finding', id: request.params.findingId },
        request.body,
      )
      return { ...saved, ...(await queueEvaluation(deps, request, request.params.productId)) }
    },
  )
}
