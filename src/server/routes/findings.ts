import { Type } from '@sinclair/typebox'

import { FINDING_ID_PATTERN } from '../../core/model/schema-helpers.js'
import { findProduct, listProductFindings } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { notFound } from '../api-error.js'
import { FindingTriageBody, strictValidatorCompiler } from '../assessment-bodies.js'
import { IF_MATCH_HEADERS } from '../etag.js'
import { putAssessment } from '../put-assessment.js'
import { PAGE_QUERY, PageOf } from '../pagination.js'
import {
  errors,
  FindingItem,
  FindingQuery,
  ProductParams,
  SavedModelSchema,
} from '../product-schemas.js'

const TAGS = ['findings']

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
          'From the last evaluation of the SBOMs against the advisories. q matches part of the vulnerability id or the component, ignoring case.',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({ ...FindingQuery, ...PAGE_QUERY }),
        response: { 200: PageOf(FindingItem), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { productId } = request.params
      if ((await findProduct(store, productId)) === undefined) {
        throw notFound(`product ${productId}`)
      }
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
        items: page.items.map((item) => ({ ...item, aliases: [...item.aliases] })),
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
          'Replaces the findingAssessments entry for this finding and the same releases, or adds one, in the model file that holds that list; every other byte of the files stays as written. Needs If-Match (428 without, 412 when stale). The whole model is checked again (422 with file:line:column details).',
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
        response: { 200: SavedModelSchema, ...errors(400, 401, 403, 404, 412, 422, 428) },
      },
    },
    (request, reply) =>
      putAssessment(
        store,
        request,
        reply,
        { list: 'findingAssessments', key: 'finding', id: request.params.findingId },
        request.body,
      ),
  )
}
