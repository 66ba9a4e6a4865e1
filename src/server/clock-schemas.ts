import { Type, type Static, type TLiteral } from '@sinclair/typebox'

import {
  CLOCK_STATES,
  clockStatus,
  EU_INCIDENT_SEVERITIES,
  REGULATORY_EVENT_KINDS,
  RISK_CONTROL_DECISIONS,
  type CalendarDate,
} from '../core/index.js'
import { DATE_PATTERN } from '../core/model/schema-helpers.js'
import {
  CLOCK_FILTER_STATES,
  CLOCK_TRIGGERS,
  LEARNED_FROM,
  type ClockListing,
  type RiskDecision,
  type StoredClock,
} from '../store/index.js'
import { PAGE_QUERY } from './pagination.js'

type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> }

/**
 * One of the values, as a union over a tuple of literals: the form the route types resolve to
 * the values (a union over a mapped array resolves to nothing there).
 */
const OneOf = <const T extends readonly string[]>(values: T, description: string) =>
  Type.Union<Literals<T>>(values.map((value) => Type.Literal(value)) as [...Literals<T>], {
    description,
  })

const Day = (description: string) =>
  Type.String({ pattern: DATE_PATTERN, description: `${description}, YYYY-MM-DD` })

/** A finding id (`advisory@component`) or a threat id (`rule@element`). */
export const SUBJECT_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]*(?:@[a-z0-9]+(?:-[a-z0-9]+)*)?$'

export const Subject = Type.String({
  pattern: SUBJECT_PATTERN,
  maxLength: 200,
  description: 'A finding id (CVE-2014-0160@openssl) or a threat id (rule@element)',
})

export const ReleaseParam = Type.String({ minLength: 1, maxLength: 300, description: 'Release' })

const Note = (description: string) => Type.String({ minLength: 1, maxLength: 4000, description })

export const DecisionBody = Type.Object(
  {
    decision: OneOf(RISK_CONTROL_DECISIONS, "FDA's binary decision on the residual risk"),
    rationale: Note('Why: the exploitability, severity and compensating controls weighed'),
    learnedOn: Type.Optional(
      Day(
        'Day 0 of the clocks, the day the vulnerability was learned of (default: the day the finding was first seen, in the risk policy time zone, else today)',
      ),
    ),
  },
  { additionalProperties: false },
)

export const EventBody = Type.Object(
  {
    kind: OneOf(
      REGULATORY_EVENT_KINDS,
      'correction-initiated (21 CFR 806) or eu-serious-incident (MDR Art. 87)',
    ),
    subject: Subject,
    on: Type.Optional(Day('Day of the event (default: today in the risk policy time zone)')),
    severity: Type.Optional(
      OneOf(EU_INCIDENT_SEVERITIES, 'EU serious incidents only: sets 2, 10 or 15 days'),
    ),
    holidays: Type.Optional(
      Type.Array(Day('A public holiday'), {
        maxItems: 60,
        description: 'Corrections only: non-working days besides weekends',
      }),
    ),
    reference: Type.Optional(
      Type.String({ minLength: 1, maxLength: 300, description: 'A recall or report reference' }),
    ),
    note: Note('What happened'),
  },
  { additionalProperties: false },
)

export const EvidenceBody = Type.Object(
  {
    metOn: Day('The day the obligation was met'),
    note: Note('What was done, e.g. "customer notice sent to all hospitals"'),
    documentId: Type.Optional(
      Type.String({ format: 'uuid', description: "A generated document of the product's" }),
    ),
    url: Type.Optional(
      Type.String({
        maxLength: 2000,
        pattern: '^https?://',
        description: 'A link to the evidence',
      }),
    ),
  },
  { additionalProperties: false },
)

export const WithdrawalBody = Type.Object(
  { reason: Note('Why the clock should never have started') },
  { additionalProperties: false },
)

export const ClockQuery = Type.Object({
  productId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  release: Type.Optional(ReleaseParam),
  subject: Type.Optional(Subject),
  state: Type.Optional(
    OneOf(
      CLOCK_FILTER_STATES,
      'open: not met and not yet due; missed: not met and past due; pending: open or missed; met; withdrawn',
    ),
  ),
  dueBefore: Type.Optional(Day('Only clocks due on or before this day')),
  ...PAGE_QUERY,
})

const Closure = Type.Object({
  note: Type.String(),
  documentId: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
  recordedBy: Type.String(),
  recordedAt: Type.String(),
})

export const ClockItem = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  productName: Type.Optional(Type.String()),
  release: Type.String(),
  subject: Type.String(),
  decisionId: Type.Union([Type.String(), Type.Null()]),
  trigger: Type.String({ enum: [...CLOCK_TRIGGERS] }),
  triggerDetail: Type.Record(Type.String(), Type.Unknown()),
  kind: Type.String({ description: 'e.g. fda-uncontrolled-risk-communication' }),
  title: Type.String(),
  startedOn: Type.String(),
  due: Type.String(),
  basis: Type.String(),
  period: Type.Integer(),
  source: Type.Object({ document: Type.String(), clause: Type.String() }),
  state: Type.String({ enum: [...CLOCK_STATES], description: 'Worked out for today' }),
  daysRemaining: Type.Integer({ description: 'Days to the due date; negative once passed' }),
  metOn: Type.Union([Type.String(), Type.Null()]),
  withdrawnOn: Type.Union([Type.String(), Type.Null()]),
  evidence: Type.Union([Closure, Type.Null()], {
    description: 'Evidence of meeting it, or the reason it was withdrawn',
  }),
  createdAt: Type.String(),
  createdBy: Type.String(),
})
export type ClockItem = Static<typeof ClockItem>

export const DecisionItem = Type.Object({
  id: Type.String(),
  productId: Type.String(),
  release: Type.String(),
  subject: Type.String(),
  decision: Type.String({ enum: [...RISK_CONTROL_DECISIONS] }),
  rationale: Type.String(),
  learnedOn: Type.String(),
  learnedFrom: Type.String({ enum: [...LEARNED_FROM] }),
  decidedBy: Type.String(),
  decidedAt: Type.String(),
  modelRevision: Type.Integer(),
  current: Type.Boolean({ description: 'Not replaced by a later decision' }),
  auditSeq: Type.Integer(),
})
export type DecisionItem = Static<typeof DecisionItem>

export const DecisionResult = Type.Object({
  decision: DecisionItem,
  previous: Type.Union([DecisionItem, Type.Null()]),
  started: Type.Array(ClockItem, { description: 'Clocks this decision started' }),
  clocks: Type.Array(ClockItem, { description: 'Every clock of the release and subject' }),
})

export const ReminderRun = Type.Object({
  today: Type.String(),
  leadDays: Type.Array(Type.Integer()),
  checked: Type.Integer(),
  reminders: Type.Array(
    Type.Object({
      clockId: Type.String(),
      productId: Type.String(),
      kind: Type.String(),
      due: Type.String(),
      stage: Type.String({ description: 'lead-<days> or overdue' }),
      dedupeKey: Type.String(),
      notifications: Type.Integer({ description: 'Outbox rows written now' }),
    }),
  ),
  notifications: Type.Integer(),
})

export const clockItem = (clock: StoredClock | ClockListing, today: CalendarDate): ClockItem => {
  const { state, daysRemaining } = clockStatus(
    {
      due: clock.due,
      ...(clock.metOn === null ? {} : { metOn: clock.metOn }),
      ...(clock.withdrawnOn === null ? {} : { withdrawnOn: clock.withdrawnOn }),
    },
    today,
  )
  return {
    id: clock.id,
    productId: clock.productId,
    ...('productName' in clock ? { productName: clock.productName } : {}),
    release: clock.release,
    subject: clock.subject,
    decisionId: clock.decisionId,
    trigger: clock.trigger,
    triggerDetail: { ...clock.triggerDetail },
    kind: clock.kind,
    title: clock.title,
    startedOn: clock.startedOn,
    due: clock.due,
    basis: clock.basis,
    period: clock.period,
    source: { ...clock.source },
    state,
    daysRemaining,
    metOn: clock.metOn,
    withdrawnOn: clock.withdrawnOn,
    evidence: clock.closure === null ? null : { ...clock.closure },
    createdAt: clock.createdAt,
    createdBy: clock.createdBy,
  }
}

export const decisionItem = (decision: RiskDecision): DecisionItem => ({
  id: decision.id,
  productId: decision.productId,
  release: decision.release,
  subject: decision.subject,
  decision: decision.decision,
  rationale: decision.rationale,
  learnedOn: decision.learnedOn,
  learnedFrom: decision.learnedFrom,
  decidedBy: decision.decidedBy,
  decidedAt: decision.decidedAt,
  modelRevision: decision.modelRevision,
  current: decision.supersededBy === null,
  auditSeq: decision.auditSeq,
})
