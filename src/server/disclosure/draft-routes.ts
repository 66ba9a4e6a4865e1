import { Type } from '@sinclair/typebox'

import { findDisclosureReport } from '../../store/index.js'
import {
  disclosureAdvisoryDraft,
  disclosureNotice,
  type DraftProblem,
} from '../../services/index.js'
import type { ApiRoutes } from '../api-app.js'
import { fileResponse } from '../analysis-schemas.js'
import { ApiError } from '../api-error.js'
import { errors } from '../product-schemas.js'
import { NoticeQuery, ReportParams } from './schemas.js'
import { TRIAGE } from './triage-routes.js'
import { existingReport } from './triage-checks.js'

const TAGS = ['disclosure']

const draftError = (problem: DraftProblem): ApiError =>
  problem.code === 'not-ready'
    ? new ApiError(
        409,
        'not-ready',
        `no draft yet: ${problem.gaps.join('; ')}`,
        problem.gaps.map((gap) => ({ path: 'report', message: gap })),
      )
    : new ApiError(
        422,
        'invalid-model',
        `the model of ${problem.productId} is not valid; fix it to draft from it`,
      )

/** The CSAF advisory and the customer notice drafted from an accepted report's decisions. */
export const draftRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/disclosures/:reportId/csaf',
    {
      config: { access: TRIAGE },
      schema: {
        summary: 'Draft a CSAF 2.0 security advisory from an accepted report',
        description:
          'Tracking status draft; product ids of the affected and fixed releases, CVSS v3 score, CWE, vendor fix naming the fixed release, the reporter credited if they agreed, one revision per decision. 409 lists what the report still lacks (acceptance, product, affected releases).',
        tags: TAGS,
        params: ReportParams,
        response: {
          200: fileResponse(
            'The CSAF 2.0 advisory (draft)',
            ['application/json'],
            Type.Object({}, { additionalProperties: true }),
          ),
          ...errors(401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const report = await existingReport(
        (id) => findDisclosureReport(store, id),
        request.params.reportId,
      )
      const draft = await disclosureAdvisoryDraft(store, report)
      if (!draft.ok) throw draftError(draft.error)
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="cvd-${report.id}.csaf.json"`)
        .send(draft.value)
    },
  )

  app.get(
    '/disclosures/:reportId/notice',
    {
      config: { access: TRIAGE },
      schema: {
        summary: 'Draft the customer notice of an accepted report (English or Japanese)',
        tags: TAGS,
        params: ReportParams,
        querystring: NoticeQuery,
        response: {
          200: fileResponse('The notice', ['text/markdown', 'text/html'], Type.String()),
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const report = await existingReport(
        (id) => findDisclosureReport(store, id),
        request.params.reportId,
      )
      const language = request.query.lang === 'ja' ? 'ja' : 'en'
      const format = request.query.format === 'html' ? 'html' : 'md'
      const notice = await disclosureNotice(store, report, language, format)
      if (!notice.ok) throw draftError(notice.error)
      return reply
        .type(format === 'html' ? 'text/html; charset=utf-8' : 'text/markdown; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="security-notice-${report.id}.${language}.${format}"`,
        )
        .send(notice.value)
    },
  )
}
