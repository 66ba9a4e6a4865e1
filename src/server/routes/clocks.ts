import { Type } from '@sinclair/typebox'

import { addDays, isCalendarDate, type CalendarDate } from '../../core/index.js'
import {
  decideRiskControl,
  recordFollowUpEvent,
  runDeadlineReminders,
  type ClockRequestProblem,
} from '../../services/index.js'
import {
  listClocks,
  listRiskDecisions,
  productHasDocument,
  recordClockEvidence,
  withdrawClock,
  type ClockChangeProblem,
} from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError, notFound } from '../api-error.js'
import { strictValidatorCompiler } from '../assessment-bodies.js'
import { principalOf } from '../auth/signed-in.js'
import { todayOf } from '../calendar.js'
import {
  ClockItem,
  clockItem,
  ClockQuery,
  DecisionBody,
  DecisionItem,
  decisionItem,
  DecisionResult,
  EventBody,
  EvidenceBody,
  ReleaseParam,
  ReminderRun,
  Subject,
  WithdrawalBody,
} from '../clock-schemas.js'
import { PAGE_QUERY, PageOf } from '../pagination.js'
import { errors, ProductParams } from '../product-schemas.js'

const TAGS = ['regulatory clocks']

const ReleaseParams = Type.Object({
  productId: ProductParams.properties.productId,
  release: ReleaseParam,
})

const ClockParams = Type.Object({
  productId: ProductParams.properties.productId,
  clockId: Type.String({ format: 'uuid', description: 'Clock id' }),
})

const badRequest = (code: string, message: string, path: string, detail: string): ApiError =>
  new ApiError(400, code, message, [{ path, message: detail }])

/** A YYYY-MM-DD that also exists (the pattern lets 2026-02-30 through). */
const requireDay = (day: string, path: string): CalendarDate => {
  if (!isCalendarDate(day)) {
    throw badRequest('invalid-request', `${day} is not a calendar date`, path, 'a date that exists')
  }
  return day
}

/** Evidence and events happen by today: a date more than a day ahead (any zone) is a typo. */
const requireNotFuture = (day: string, today: CalendarDate, path: string): CalendarDate => {
  if (requireDay(day, path) > addDays(today, 1)) {
    throw badRequest('invalid-request', `${day} is in the future`, path, 'today or earlier')
  }
  return day
}

const clockRequestError = (problem: ClockRequestProblem): ApiError => {
  switch (problem.code) {
    case 'not-found':
      return notFound(`product ${problem.productId}`)
    case 'invalid-model':
      return new ApiError(
        422,
        'invalid-model',
        `the stored model of ${problem.productId} is not valid, so its releases are unknown; fix it with PUT .../model first`,
      )
    case 'unknown-release':
      return badRequest(
        'unknown-release',
        `the model has no release '${problem.release}'`,
        'params/release',
        `one of: ${problem.releases.join(', ')}`,
      )
    case 'unknown-subject':
      return badRequest(
        'unknown-subject',
        `'${problem.subject}' is neither a finding of release ${problem.release} nor a threat or assessment of the model`,
        'params/subject',
        'a finding id of the release or a threat id',
      )
  }
}

const clockChangeError = (problem: ClockChangeProblem, clockId: string): ApiError => {
  switch (problem.code) {
    case 'not-found':
      return notFound(`clock ${clockId}`)
    case 'withdrawn':
      return new ApiError(
        409,
        'clock-withdrawn',
        `the clock was withdrawn on ${problem.withdrawnOn}; it needs no evidence`,
      )
    case 'met':
      return new ApiError(
        409,
        'clock-met',
        `the clock was met on ${problem.metOn}; a met obligation is not withdrawn`,
      )
  }
}

/**
 * Regulatory clocks: the controlled/uncontrolled decision per release and subject starts FDA's
 * 30/60-day and the 524B out-of-cycle patch clocks; recorded events start 21 CFR 806 and MDR
 * Article 87 clocks; evidence closes them; reminders go out before they are missed.
 */
export const clockRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.put(
    '/products/:productId/releases/:release/decisions/:subject',
    {
      config: { access: { kind: 'product', permission: 'finding:triage' } },
      validatorCompiler: strictValidatorCompiler,
      schema: {
        summary: 'Record the controlled/uncontrolled decision for a finding or threat of a release',
        description:
          'Replaces the current decision for the release and subject (the earlier one stays in the history, GET .../decisions?history=true) and records it in the audit trail. Uncontrolled starts the FDA postmarket guidance clocks (communicate within 30 days, remediate within 60, section VII.B) and the section 524B(b)(2)(B) out-of-cycle patch clock, counted from learnedOn (default: the day the finding was first seen, in the risk policy time zone, else today). Controlled starts none (a routine update). Clocks already running for the subject are kept, not restarted.',
        tags: TAGS,
        params: Type.Object({
          productId: ProductParams.properties.productId,
          release: ReleaseParam,
          subject: Subject,
        }),
        body: DecisionBody,
        response: { 200: DecisionResult, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { productId, release, subject } = request.params
      const { decision, rationale, learnedOn } = request.body
      const today = todayOf(store)
      const decided = await decideRiskControl(store, {
        productId,
        release,
        subject,
        decision,
        rationale,
        ...(learnedOn === undefined
          ? {}
          : { learnedOn: requireNotFuture(learnedOn, today, 'body/learnedOn') }),
        actor: principalOf(request).user.username,
      })
      if (!decided.ok) throw clockRequestError(decided.error)
      const { previous, started, clocks } = decided.value
      return {
        decision: decisionItem(decided.value.decision),
        previous: previous === undefined ? null : decisionItem(previous),
        started: started.map((clock) => clockItem(clock, today)),
        clocks: clocks.map((clock) => clockItem(clock, today)),
      }
    },
  )

  app.get(
    '/products/:productId/decisions',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: "The product's controlled/uncontrolled decisions, newest first",
        description:
          'The current decision per release and subject; with history=true also the ones later decisions replaced (current false).',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({
          release: Type.Optional(ReleaseParam),
          subject: Type.Optional(Subject),
          history: Type.Optional(Type.Boolean()),
          ...PAGE_QUERY,
        }),
        response: { 200: PageOf(DecisionItem), ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { productId } = request.params
      const { release, subject, history, limit, offset } = request.query
      const product = await store.db
        .selectFrom('products')
        .select('id')
        .where('id', '=', productId)
        .executeTakeFirst()
      if (product === undefined) throw notFound(`product ${productId}`)
      const page = await listRiskDecisions(store, productId, {
        ...(release === undefined ? {} : { release }),
        ...(subject === undefined ? {} : { subject }),
        ...(history === undefined ? {} : { history }),
        limit,
        offset,
      })
      return { items: page.items.map(decisionItem), total: page.total, limit, offset }
    },
  )

  app.post(
    '/products/:productId/releases/:release/events',
    {
      config: { access: { kind: 'product', permission: 'finding:triage' } },
      validatorCompiler: strictValidatorCompiler,
      schema: {
        summary: 'Record a correction initiated or an EU serious incident, starting its clock',
        description:
          'correction-initiated starts the 21 CFR 806.10(b) report clock (10 working days; holidays are the non-working days besides weekends). eu-serious-incident starts the MDR Article 87 report clock by severity: public-health-threat 2 days (87(4)), death-or-serious-deterioration 10 days (87(5)), other 15 days (87(3)). Recorded in the audit trail; the same event recorded again starts nothing new.',
        tags: TAGS,
        params: ReleaseParams,
        body: EventBody,
        response: {
          201: Type.Object({ clocks: Type.Array(ClockItem) }),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { productId, release } = request.params
      const body = request.body
      const today = todayOf(store)
      const on = body.on === undefined ? {} : { on: requireNotFuture(body.on, today, 'body/on') }
      for (const [i, day] of (body.holidays ?? []).entries())
        requireDay(day, `body/holidays/${String(i)}`)
      const base = {
        productId,
        release,
        subject: body.subject,
        ...on,
        ...(body.reference === undefined ? {} : { reference: body.reference }),
        note: body.note,
        actor: principalOf(request).user.username,
      }
      let recorded
      if (body.kind === 'eu-serious-incident') {
        if (body.severity === undefined) {
          throw badRequest(
            'invalid-request',
            'an EU serious incident needs its severity: it sets 2, 10 or 15 days',
            'body/severity',
            'public-health-threat, death-or-serious-deterioration or other',
          )
        }
        recorded = await recordFollowUpEvent(store, {
          ...base,
          kind: body.kind,
          severity: body.severity,
        })
      } else {
        if (body.severity !== undefined) {
          throw badRequest(
            'invalid-request',
            'severity belongs to EU serious incidents, not to corrections',
            'body/severity',
            'leave it out',
          )
        }
        recorded = await recordFollowUpEvent(store, {
          ...base,
          kind: body.kind,
          ...(body.holidays === undefined ? {} : { holidays: body.holidays }),
        })
      }
      if (!recorded.ok) throw clockRequestError(recorded.error)
      void reply.status(201)
      return { clocks: recorded.value.map((clock) => clockItem(clock, today)) }
    },
  )

  app.get(
    '/clocks',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Regulatory clocks across the products you may read, the earliest due first',
        description:
          'Each with its state worked out for today (UTC): open, met, met-late, missed or withdrawn, and the days remaining (negative once passed). Filter by product, release, subject, state (pending = open or missed) and due date.',
        tags: TAGS,
        querystring: ClockQuery,
        response: {
          200: Type.Composite([PageOf(ClockItem), Type.Object({ today: Type.String() })]),
          ...errors(400, 401),
        },
      },
    },
    async (request) => {
      const { productId, release, subject, state, dueBefore, limit, offset } = request.query
      const today = todayOf(store)
      const page = await listClocks(store, {
        visibleTo: principalOf(request).user.id,
        ...(productId === undefined ? {} : { productId }),
        ...(release === undefined ? {} : { release }),
        ...(subject === undefined ? {} : { subject }),
        ...(state === undefined ? {} : { state }),
        ...(dueBefore === undefined
          ? {}
          : { dueBefore: requireDay(dueBefore, 'querystring/dueBefore') }),
        today,
        limit,
        offset,
      })
      return {
        items: page.items.map((clock) => clockItem(clock, today)),
        total: page.total,
        limit,
        offset,
        today,
      }
    },
  )

  app.post(
    '/products/:productId/clocks/:clockId/evidence',
    {
      config: { access: { kind: 'product', permission: 'finding:triage' } },
      validatorCompiler: strictValidatorCompiler,
      schema: {
        summary: 'Record the evidence that a clock was met',
        description:
          'Sets the day it was met (met, or met-late after the due date) with a note and, optionally, a generated document of the product and a link. Recorded again, it replaces the evidence; the audit trail keeps the earlier one. 409 for a withdrawn clock.',
        tags: TAGS,
        params: ClockParams,
        body: EvidenceBody,
        response: { 200: ClockItem, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { productId, clockId } = request.params
      const { metOn, note, documentId, url } = request.body
      const today = todayOf(store)
      requireNotFuture(metOn, today, 'body/metOn')
      if (documentId !== undefined && !(await productHasDocument(store, productId, documentId))) {
        throw badRequest(
          'unknown-document',
          `product ${productId} has no generated document ${documentId}`,
          'body/documentId',
          'the id of a document generated for this product',
        )
      }
      const closed = await recordClockEvidence(store, {
        productId,
        clockId,
        on: metOn,
        note,
        ...(documentId === undefined ? {} : { documentId }),
        ...(url === undefined ? {} : { url }),
        actor: principalOf(request).user.username,
      })
      if (!closed.ok) throw clockChangeError(closed.error, clockId)
      return clockItem(closed.value, today)
    },
  )

  app.post(
    '/products/:productId/clocks/:clockId/withdrawal',
    {
      config: { access: { kind: 'product', permission: 'finding:triage' } },
      validatorCompiler: strictValidatorCompiler,
      schema: {
        summary: 'Withdraw a clock started in error',
        description:
          'For a decision or event recorded by mistake: the clock is kept, marked withdrawn with the reason, and no longer reminded of or counted as missed. 409 for a met clock.',
        tags: TAGS,
        params: ClockParams,
        body: WithdrawalBody,
        response: { 200: ClockItem, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { productId, clockId } = request.params
      const today = todayOf(store)
      const closed = await withdrawClock(store, {
        productId,
        clockId,
        on: today,
        note: request.body.reason,
        actor: principalOf(request).user.username,
      })
      if (!closed.ok) throw clockChangeError(closed.error, clockId)
      return clockItem(closed.value, today)
    },
  )

  app.post(
    '/clocks/reminders/run',
    {
      config: { access: { kind: 'global', permission: 'admin' } },
      schema: {
        summary: 'Send the deadline reminders due today now',
        description:
          'What the daily deadline-reminders job does, at once: for every clock not met nor withdrawn that is within one of notifications.reminderLeadDays of its due date, or past it, a reminder goes to the notification outbox, once per clock and stage (lead-<days>, overdue), however often this runs.',
        tags: TAGS,
        response: { 200: ReminderRun, ...errors(401, 403) },
      },
    },
    async (request) => {
      const run = await runDeadlineReminders(store)
      if (run.notificationIds.length > 0) {
        // Delivery is the sender job's: the outbox rows are written, so a failed send is retried.
        await deps.jobs.send('notifications-send', {
          requestedBy: principalOf(request).user.username,
        })
      }
      return {
        today: run.today,
        leadDays: [...run.leadDays],
        checked: run.checked,
        reminders: run.reminders.map((reminder) => ({ ...reminder })),
        notifications: run.notificationIds.length,
      }
    },
  )
}
