import { Type, type TLiteral, type TSchema } from '@sinclair/typebox'

import {
  DISCLOSURE_EVENT_KINDS,
  DISCLOSURE_STATES,
  DISCLOSURE_VERDICTS,
  type DisclosureState,
} from '../../core/disclosure/index.js'
import { PAGE_QUERY, PageOf } from '../pagination.js'

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])

const EnumText = (values: readonly string[], description?: string) =>
  Type.String({ enum: [...values], ...(description === undefined ? {} : { description }) })

/** A union of literals: the one form the route types resolve to the states. */
export const StateSchema = Type.Union(
  DISCLOSURE_STATES.map((state) => Type.Literal(state)) as [
    TLiteral<DisclosureState>,
    ...TLiteral<DisclosureState>[],
  ],
)

/** Field lengths of the public form: generous for a real report, small enough to bound a flood. */
export const INTAKE_LIMITS = {
  title: 200,
  description: 16_000,
  product: 200,
  reporterName: 200,
  reporterEmail: 254,
} as const

/** The honeypot: a field people never see (the form hides it), which bots fill in. */
export const HONEYPOT_FIELD = 'website'

const Text = (max: number, description: string, min = 1) =>
  Type.String({ minLength: min, maxLength: max, description })

export const IntakeBody = Type.Object({
  formToken: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'from GET /api/disclosures/form, at least 2 seconds and at most 2 hours old',
  }),
  title: Text(INTAKE_LIMITS.title, 'What is vulnerable, in a line'),
  description: Text(
    INTAKE_LIMITS.description,
    'How it can be exploited, what it affects, how to reproduce it',
  ),
  product: Text(INTAKE_LIMITS.product, 'The product and release as you know them'),
  reporterName: Type.Optional(Text(INTAKE_LIMITS.reporterName, 'Your name, to credit you', 0)),
  reporterEmail: Type.Optional(
    Type.String({
      maxLength: INTAKE_LIMITS.reporterEmail,
      pattern: '^$|^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
      description: 'Where to send the acknowledgement and questions',
    }),
  ),
  creditReporter: Type.Optional(
    Type.Boolean({ description: 'Name me in the advisory (needs reporterName)' }),
  ),
  language: Type.Optional(EnumText(['en', 'ja'], 'The language of the acknowledgement')),
  [HONEYPOT_FIELD]: Type.Optional(
    Type.String({ maxLength: 500, description: 'Leave empty (it is there to catch bots)' }),
  ),
})

export const IntakeAnswer = Type.Object({
  trackingId: Type.String({ description: 'Quote it in every message about this report' }),
  receivedAt: Type.String(),
  acknowledgeDue: Type.String({ description: 'The day we acknowledge the report by (YYYY-MM-DD)' }),
  repeated: Type.Boolean({
    description: 'The same report arrived within the last day; it was added to that report',
  }),
})

export const FormAnswer = Type.Object({
  token: Type.String({ description: 'send it back as formToken' }),
  notBefore: Type.String({ description: 'ISO 8601 instant from which the token is accepted' }),
  expiresAt: Type.String({ description: 'ISO 8601 instant until which the token is accepted' }),
  honeypotField: Type.String({ description: 'the field that must stay empty' }),
  acknowledgeWithinDays: Type.Integer({ description: 'working days to acknowledge a report in' }),
  limits: Type.Object({
    title: Type.Integer(),
    description: Type.Integer(),
    product: Type.Integer(),
    reporterName: Type.Integer(),
    reporterEmail: Type.Integer(),
    bodyBytes: Type.Integer(),
  }),
})

const CweSchema = Type.Object({
  id: Type.String({ pattern: '^CWE-[1-9][0-9]{0,5}$', description: 'e.g. CWE-287' }),
  name: Type.String({
    minLength: 1,
    maxLength: 300,
    description: 'its name in the CWE list, e.g. Improper Authentication',
  }),
})

export const DisclosureReportSchema = Type.Object({
  id: Type.String({ description: 'The tracking id the reporter was given' }),
  receivedAt: Type.String(),
  reporterName: Nullable(Type.String()),
  reporterEmail: Nullable(Type.String()),
  creditReporter: Type.Boolean(),
  productText: Type.String({ description: 'The product as the reporter named it' }),
  productId: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  state: EnumText(DISCLOSURE_STATES),
  verdict: Nullable(EnumText(DISCLOSURE_VERDICTS)),
  duplicateOf: Nullable(Type.String()),
  repeats: Type.Integer({ description: 'How often the same text arrived again' }),
  acknowledgeDue: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgementOverdue: Type.Boolean(),
  cvssVector: Nullable(Type.String()),
  cvssScore: Nullable(Type.Number()),
  cvssSeverity: Nullable(Type.String()),
  cveId: Nullable(Type.String()),
  cwe: Nullable(CweSchema),
  affectedReleases: Type.Array(Type.String()),
  fixedIn: Nullable(Type.String()),
  remediation: Nullable(Type.String()),
  publicDisclosureDate: Nullable(Type.String()),
  updatedAt: Type.String(),
  nextStates: Type.Array(EnumText(DISCLOSURE_STATES), {
    description: 'The states the report may move to now',
  }),
  draftGaps: Type.Array(Type.String(), {
    description: 'What the report lacks before a CSAF advisory or notice can be drafted',
  }),
})

export const DisclosureEventSchema = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actor: Type.String(),
  kind: EnumText(DISCLOSURE_EVENT_KINDS),
  note: Type.String(),
})

export const DisclosureDetailSchema = Type.Composite([
  DisclosureReportSchema,
  Type.Object({ events: Type.Array(DisclosureEventSchema) }),
])

export const DisclosureListSchema = PageOf(DisclosureReportSchema)

export const ReportParams = Type.Object({
  reportId: Type.String({ minLength: 1, maxLength: 100 }),
})

const NoteText = Type.String({ minLength: 1, maxLength: 4000 })

export const TransitionBody = Type.Object({
  state: StateSchema,
  note: Type.Optional(NoteText),
  duplicateOf: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'with state duplicate' }),
  ),
})

const DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
const Release = Type.String({ minLength: 1, maxLength: 300 })

export const AssessmentBody = Type.Object(
  {
    productId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    title: Type.Optional(Text(INTAKE_LIMITS.title, 'The title the advisory uses')),
    creditReporter: Type.Optional(Type.Boolean()),
    cvssVector: Type.Optional(Nullable(Type.String({ minLength: 8, maxLength: 300 }))),
    cveId: Type.Optional(Nullable(Type.String({ pattern: '^CVE-[0-9]{4}-[0-9]{4,}$' }))),
    cwe: Type.Optional(Nullable(CweSchema)),
    affectedReleases: Type.Optional(Type.Array(Release, { maxItems: 200, uniqueItems: true })),
    fixedIn: Type.Optional(Nullable(Release)),
    remediation: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 8000 }))),
    publicDisclosureDate: Type.Optional(Nullable(Type.String({ pattern: DATE }))),
    note: Type.Optional(NoteText),
  },
  { additionalProperties: false },
)

export const NoteBody = Type.Object({ note: NoteText })

export const ListQuery = Type.Object({
  state: Type.Optional(StateSchema),
  productId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  overdue: Type.Optional(Type.Boolean({ description: 'only reports not acknowledged in time' })),
  q: Type.Optional(
    Type.String({ maxLength: 200, description: 'part of the title, product or id' }),
  ),
  limit: Type.Optional(PAGE_QUERY.limit),
  offset: Type.Optional(PAGE_QUERY.offset),
})

export const NoticeQuery = Type.Object({
  lang: Type.Optional(EnumText(['en', 'ja'])),
  format: Type.Optional(EnumText(['md', 'html'], 'markdown (default) or a self-contained page')),
})
