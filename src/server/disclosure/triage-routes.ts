import {
  canMoveTo,
  DISCLOSURE_TRANSITIONS,
  verdictOf,
  type DisclosureReport,
  type DisclosureState,
} from '../../core/disclosure/index.js'
import {
  addDisclosureEvent,
  changeDisclosureReport,
  enqueueNotification,
  findDisclosureReport,
  listDisclosureEvents,
  listDisclosureReports,
  type DisclosureChange,
  type Store,
} from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError } from '../api-error.js'
import { auditedChange, type RecordAuditEvent } from '../auth/audited-change.js'
import { principalOf } from '../auth/signed-in.js'
import { todayOf } from '../calendar.js'
import { DEFAULT_PAGE_SIZE } from '../pagination.js'
import { errors } from '../product-schemas.js'
import { reportView } from './report-view.js'
import {
  AssessmentBody,
  DisclosureDetailSchema,
  DisclosureEventSchema,
  DisclosureListSchema,
  DisclosureReportSchema,
  ListQuery,
  NoteBody,
  ReportParams,
  TransitionBody,
} from './schemas.js'
import { changedFields, checkAssessment, existingReport } from './triage-checks.js'

const TAGS = ['disclosure']
/**
 * Reports about unfixed vulnerabilities are confidential: only those who triage findings on
 * every product (product security, administrators) see the queue, before a product is known.
 */
export const TRIAGE = { kind: 'global', permission: 'finding:triage' } as const

const subject = (id: string): string => `disclosure:${id}`

const acknowledgementText = (report: DisclosureReport): string =>
  [
    `Thank you for your report "${report.title}" (tracking id ${report.id}).`,
    'We have received it and are assessing it. We will keep you informed of our progress and coordinate the public disclosure with you.',
    'Please do not disclose the vulnerability publicly before we have agreed on a date.',
  ].join('\n\n')

/** Queues the acknowledgement e-mail to the finder, in the transaction that acknowledges. */
const queueAcknowledgement = async (
  tx: Store,
  report: DisclosureReport,
  actor: string,
): Promise<boolean> => {
  if (report.reporterEmail === null) return false
  const queued = await enqueueNotification(tx.db, {
    kind: 'cvd-acknowledgement',
    subject: `Your vulnerability report ${report.id} is acknowledged`,
    text: acknowledgementText(report),
    data: { trackingId: report.id, title: report.title },
    dedupeKey: `cvd-acknowledgement:${report.id}`,
    recipients: [{ channel: 'email', address: report.reporterEmail }],
    at: tx.now().toISOString(),
  })
  if (queued.ids.length > 0) {
    await addDisclosureEvent(tx, report.id, {
      actor,
      kind: 'acknowledgement-sent',
      note: `Acknowledgement queued for e-mail to ${report.reporterEmail}.`,
    })
  }
  return queued.ids.length > 0
}

interface Move {
  readonly to: DisclosureState
  readonly note: string | undefined
  readonly duplicateOf: string | undefined
}

const stateChange = async (tx: Store, report: DisclosureReport, move: Move) => {
  if (!canMoveTo(report.state, move.to)) {
    const allowed = DISCLOSURE_TRANSITIONS[report.state]
    throw new ApiError(
      409,
      'state-change-refused',
      `a ${report.state} report cannot become ${move.to}; it can become ${allowed.length === 0 ? 'nothing else' : allowed.join(', ')}`,
    )
  }
  const verdict = verdictOf(move.to)
  const change: DisclosureChange = {
    state: move.to,
    ...(verdict === undefined ? {} : { verdict }),
    ...(move.to === 'acknowledged' ? { acknowledgedAt: tx.now().toISOString() } : {}),
    ...(move.to === 'published' && report.publicDisclosureDate === null
      ? { publicDisclosureDate: todayOf(tx) }
      : {}),
  }
  if (move.to !== 'duplicate') return change
  if (move.duplicateOf === undefined || move.duplicateOf === report.id) {
    throw new ApiError(400, 'invalid-request', 'name the report this one repeats', [
      { path: 'body/duplicateOf', message: 'the tracking id of another report' },
    ])
  }
  await existingReport((id) => findDisclosureReport(tx, id), move.duplicateOf)
  return { ...change, duplicateOf: move.duplicateOf }
}

const recordChange = (
  record: RecordAuditEvent,
  actor: string,
  action: string,
  before: DisclosureReport,
  after: DisclosureReport,
  reason: string | null,
) =>
  record({
    actor,
    action,
    subject: subject(before.id),
    before: auditedFields(before),
    after: auditedFields(after),
    reason,
  })

/** What the audit trail keeps of a report: the decisions, not the finder's text. */
const auditedFields = (report: DisclosureReport) => ({
  state: report.state,
  verdict: report.verdict,
  productId: report.productId,
  title: report.title,
  creditReporter: report.creditReporter,
  cvssVector: report.cvssVector,
  cveId: report.cveId,
  cwe: report.cwe === null ? null : report.cwe.id,
  affectedReleases: [...report.affectedReleases],
  fixedIn: report.fixedIn,
  remediation: report.remediation,
  publicDisclosureDate: report.publicDisclosureDate,
  duplicateOf: report.duplicateOf,
})

/** The private triage queue: list, read with its timeline, move through states, assess, note. */
export const triageRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps
  const find = (tx: Store) => (id: string) => findDisclosureReport(tx, id)

  app.get(
    '/disclosures',
    {
      config: { access: TRIAGE },
      schema: {
        summary: 'The vulnerability reports received, newest first',
        tags: TAGS,
        querystring: ListQuery,
        response: { 200: DisclosureListSchema, ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const { state, productId, overdue, q } = request.query
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE
      const offset = request.query.offset ?? 0
      const today = todayOf(store)
      const page = await listDisclosureReports(store, {
        limit,
        offset,
        ...(state === undefined ? {} : { state }),
        ...(productId === undefined ? {} : { productId }),
        ...(overdue === true ? { overdueOn: today } : {}),
        ...(q === undefined ? {} : { text: q }),
      })
      return {
        items: page.items.map((report) => reportView(report, today)),
        total: page.total,
        limit,
        offset,
      }
    },
  )

  app.get(
    '/disclosures/:reportId',
    {
      config: { access: TRIAGE },
      schema: {
        summary: 'A vulnerability report with its coordination timeline',
        tags: TAGS,
        params: ReportParams,
        response: { 200: DisclosureDetailSchema, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const report = await existingReport(find(store), request.params.reportId)
      const events = await listDisclosureEvents(store, report.id)
      return { ...reportView(report, todayOf(store)), events }
    },
  )

  app.post(
    '/disclosures/:reportId/transitions',
    {
      config: { access: TRIAGE },
      schema: {
        summary: 'Move a report on: acknowledge, triage, accept, reject, remediate, publish, close',
        description:
          'received → acknowledged → triaging → accepted | rejected | duplicate; accepted → remediating → published → closed. Acknowledging queues the acknowledgement e-mail to the reporter; publishing sets the public disclosure date to today unless one is set.',
        tags: TAGS,
        params: ReportParams,
        body: TransitionBody,
        response: { 200: DisclosureReportSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = principalOf(request).user.username
      const { state: to, note, duplicateOf } = request.body
      const { after, mailed } = await auditedChange(store, async (tx, record) => {
        const before = await existingReport(find(tx), request.params.reportId)
        const change = await stateChange(tx, before, { to, note, duplicateOf })
        const changed = await changeDisclosureReport(tx, before.id, change, {
          actor,
          kind: 'state',
          note: `${before.state} → ${to}.${note === undefined ? '' : ` ${note}`}`,
        })
        if (changed === undefined) throw new Error('report vanished inside its transaction')
        const queued = to === 'acknowledged' && (await queueAcknowledgement(tx, changed, actor))
        await recordChange(record, actor, 'disclosure.state', before, changed, note ?? null)
        return { after: changed, mailed: queued }
      })
      if (mailed) {
        // The outbox row is committed: if the sender job cannot be queued now, its next pass
        // (after any other notification) delivers it.
        await deps.jobs
          .send('notifications-send', { requestedBy: actor })
          .catch((error: unknown) => {
            request.log.warn({ err: error }, 'could not queue the notifications-send job')
          })
      }
      return reportView(after, todayOf(store))
    },
  )

  app.patch(
    '/disclosures/:reportId',
    {
      config: { access: TRIAGE },
      schema: {
        summary: 'Record triage decisions: product, CVSS, CVE, CWE, releases, remediation',
        description:
          'Fields left out stay as they are; null clears one. Releases must be releases of the assigned product, and the fixing release cannot also be affected. The CWE name must be the one in the CWE list (CSAF checks it).',
        tags: TAGS,
        params: ReportParams,
        body: AssessmentBody,
        response: { 200: DisclosureReportSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = principalOf(request).user.username
      const { note, ...fields } = request.body
      const after = await auditedChange(store, async (tx, record) => {
        const before = await existingReport(find(tx), request.params.reportId)
        await checkAssessment(tx, before, request.body)
        const assigned = fields.productId !== undefined && fields.productId !== before.productId
        const names = changedFields(request.body)
        const changed = await changeDisclosureReport(tx, before.id, fields, {
          actor,
          kind: assigned ? 'assigned' : 'assessed',
          note: `${assigned ? `Assigned to ${fields.productId ?? 'no product'}. ` : ''}Set ${names.join(', ') || 'nothing'}.${note === undefined ? '' : ` ${note}`}`,
        })
        if (changed === undefined) throw new Error('report vanished inside its transaction')
        await recordChange(record, actor, 'disclosure.assess', before, changed, note ?? null)
        return changed
      })
      return reportView(after, todayOf(store))
    },
  )

  app.post(
    '/disclosures/:reportId/notes',
    {
      config: { access: TRIAGE },
      schema: {
        summary: 'Add a note to the coordination timeline',
        description: 'E.g. contact with the reporter, a CERT case id, an agreed embargo.',
        tags: TAGS,
        params: ReportParams,
        body: NoteBody,
        response: { 201: DisclosureEventSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = principalOf(request).user.username
      const event = await auditedChange(store, async (tx, record) => {
        const report = await existingReport(find(tx), request.params.reportId)
        const added = await addDisclosureEvent(tx, report.id, {
          actor,
          kind: 'note',
          note: request.body.note,
        })
        await record({
          actor,
          action: 'disclosure.note',
          subject: subject(report.id),
          before: null,
          after: { seq: added.seq, note: added.note },
          reason: null,
        })
        return added
      })
      return reply.code(201).send(event)
    },
  )
}
