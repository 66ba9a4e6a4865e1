import { Type, type TLiteral, type TNull, type TSchema, type TUnion } from '@sinclair/typebox'

import { RISK_SOURCES, STRIDE, THREAT_STATUSES, VEX_STATUSES } from '../core/index.js'
import { FindingAssessmentSchema, ThreatAssessmentSchema } from '../core/model/security-schema.js'
import { ArchitectureListSchema } from './workspace-schemas.js'

/** Product ids are the model's kind of id; `*` (every product) can never be one. */
export const PRODUCT_ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'

const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> =>
  Type.Union([schema, Type.Null()])

type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> }

/**
 * A query parameter taking one of the values: a union over a tuple of literals, the one form
 * the route types resolve to the values (`Unsafe`, `Enum` and unions over arrays give unknown or
 * undefined there).
 */
const Enum = <const T extends readonly string[]>(values: T, description?: string) =>
  Type.Union<Literals<T>>(
    values.map((value) => Type.Literal(value)) as [...Literals<T>],
    description === undefined ? {} : { description },
  )

/** A response field taking one of the values: a plain string `enum` in the API description. */
const EnumText = (values: readonly string[], description?: string) =>
  Type.String({ enum: [...values], ...(description === undefined ? {} : { description }) })

export const ProductParams = Type.Object({
  productId: Type.String({ minLength: 1, maxLength: 200, description: 'Product id' }),
})

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable code to branch on, e.g. stale-revision' }),
      message: Type.String(),
      details: Type.Optional(
        Type.Array(
          Type.Object({
            path: Type.String({
              description:
                'Where: a request path (body/files/0/path), a header, or file:line:column in the model',
            }),
            message: Type.String(),
            entry: Type.Optional(
              Type.Object(
                {
                  list: ArchitectureListSchema,
                  id: Type.String(),
                  field: Nullable(Type.String({ description: 'e.g. to' })),
                },
                { description: 'The element, data flow or trust boundary the issue is about' },
              ),
            ),
          }),
        ),
      ),
      requestId: Type.Optional(Type.String()),
    }),
  },
  { description: 'What went wrong, and where' },
)

/** The error responses a route can give, each with the same body shape. */
export const errors = (...statuses: readonly number[]): Record<number, typeof ErrorResponse> =>
  Object.fromEntries(statuses.map((status) => [status, ErrorResponse]))

export const DateQuery = Type.String({
  pattern: DATE_PATTERN,
  description: 'The day to judge on, YYYY-MM-DD (default: today, UTC)',
})

export const ReleaseQuery = Type.String({
  minLength: 1,
  maxLength: 300,
  description: "Only this release's assessments (those without releases apply to all)",
})

export const ModelFileSchema = Type.Object({
  path: Type.String({
    minLength: 1,
    maxLength: 500,
    description: 'Relative to the model folder, forward slashes, e.g. sbom/pump.cdx.json',
  }),
  text: Type.String({ maxLength: 64 * 1024 * 1024 }),
})

export const ModelFilesSchema = Type.Array(ModelFileSchema, {
  minItems: 1,
  maxItems: 500,
  description: 'Every file of the model folder; the root file is medcyber.yaml',
})

export const Reason = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: 'Why, for the audit trail',
})

export const SavedModelSchema = Type.Object({
  revision: Type.Integer({ description: 'The new model revision; its ETag is "r<revision>"' }),
  changed: Type.Array(Type.String(), { description: 'Files added, changed or removed' }),
})

/** A save that can change findings: the stored findings are re-evaluated against the new model. */
export const SavedModelEvaluatingSchema = Type.Object({
  ...SavedModelSchema.properties,
  evaluationJobId: Type.Optional(
    Type.String({
      description:
        'The portfolio-evaluate job queued to bring the stored findings up to date with this revision (GET /api/jobs/{jobId}); absent when the server has no advisory data dir or the job could not be queued',
    }),
  ),
})

export const ReleaseListing = Type.Object({
  version: Type.String(),
  releasedAt: Nullable(Type.String()),
  supportEnds: Nullable(Type.String()),
})

export const ProductListItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  revision: Type.Integer(),
  releases: Type.Array(ReleaseListing),
})

export const ProductDetail = Type.Object({
  id: Type.String(),
  name: Type.String(),
  revision: Type.Integer(),
  date: Type.String({ description: 'The day support phases and counts are judged on' }),
  modelValid: Type.Boolean({
    description: 'False when the stored files do not form a valid model (GET .../model to fix)',
  }),
  releases: Type.Array(
    Type.Object({
      version: Type.String(),
      releasedAt: Type.String(),
      supportPhase: Type.String({ description: 'IMDRF N70 support phase on the day' }),
      phaseSource: Type.String({ description: 'declared in the model, or from its milestones' }),
      endOfSupport: Nullable(Type.String()),
      endOfLife: Nullable(Type.String()),
    }),
  ),
  counts: Type.Object({
    threats: Nullable(Type.Integer()),
    openThreats: Nullable(Type.Integer()),
    openFindings: Type.Integer({ description: 'Findings not yet not_affected or fixed' }),
  }),
})

export const ThreatItem = Type.Object({
  id: Type.String({ description: 'ruleId@elementId for generated threats' }),
  rule: Nullable(Type.String()),
  title: Type.String(),
  stride: Type.Array(EnumText(STRIDE)),
  element: Type.String(),
  capec: Type.Array(Type.String()),
  cwe: Type.Array(Type.String()),
  status: EnumText(THREAT_STATUSES),
  rationale: Nullable(Type.String()),
  controls: Type.Array(Type.String()),
  hazardousSituations: Type.Array(Type.String()),
  detail: Type.String(),
  multiPatient: Type.Boolean(),
  assessments: Type.Array(ThreatAssessmentSchema, {
    description: 'The entries of threatAssessments for this threat, one per release scope',
  }),
})

export const ThreatQuery = {
  release: Type.Optional(ReleaseQuery),
  date: Type.Optional(DateQuery),
  status: Type.Optional(Enum(THREAT_STATUSES)),
  category: Type.Optional(Enum(STRIDE, 'STRIDE category')),
  element: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
} as const

const RatingSchema = Type.Object({
  exploitability: Type.String(),
  exploitabilityBasis: Type.Object({
    kind: Type.String({ description: 'cvss or level' }),
    vector: Type.Optional(Type.String()),
    score: Type.Optional(Type.Number()),
    scoreKind: Type.Optional(Type.String()),
  }),
  severity: Type.String(),
  severityBasis: Type.String({ description: 'harms (worst linked harm) or stated' }),
  controlStatus: Type.String(),
  acceptability: Type.String(),
})

/** One entry as `medcyber risk --json` gives it under `risks`. */
export const RiskEntryItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  source: EnumText(RISK_SOURCES),
  subject: Type.String(),
  releases: Nullable(Type.Array(Type.String())),
  status: Type.String(),
  exploitability: Type.String({ description: 'Before controls' }),
  severity: Type.String({ description: 'Before controls' }),
  controlStatus: Type.String({ description: 'controlled or uncontrolled (FDA), after controls' }),
  acceptable: Type.Boolean(),
  before: RatingSchema,
  residual: RatingSchema,
  controls: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      status: Type.String(),
      compensating: Type.Boolean(),
    }),
  ),
  hazardousSituations: Type.Array(Type.String()),
  harms: Type.Array(Type.String()),
  patientHarm: Type.Boolean(),
  acceptance: Nullable(
    Type.Object({
      rationale: Type.String(),
      approvedBy: Type.String(),
      date: Type.String(),
      reReview: Type.String(),
      benefitRisk: Type.Optional(Type.String()),
      state: Type.String({ description: 'in-force, or lapsed after the re-review date' }),
    }),
  ),
  identified: Nullable(Type.String()),
  deadlines: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      start: Type.String(),
      due: Type.String(),
      source: Type.Object({ document: Type.String(), clause: Type.String() }),
      state: Type.String(),
      daysRemaining: Type.Integer(),
    }),
  ),
  rationale: Type.String(),
})

export const RiskQuery = {
  release: Type.Optional(ReleaseQuery),
  date: Type.Optional(DateQuery),
  controlled: Type.Optional(Type.Boolean({ description: 'true: controlled; false: uncontrolled' })),
  acceptable: Type.Optional(Type.Boolean()),
  source: Type.Optional(Enum(RISK_SOURCES)),
} as const

export const RegisterHead = {
  productId: Type.String(),
  product: Type.String({ description: "The model's product name" }),
  revision: Type.Integer(),
  date: Type.String(),
  release: Nullable(Type.String()),
  policy: Type.Object({
    id: Type.String(),
    title: Type.String(),
    version: Type.String(),
    safetyProbability: Type.Object(
      { convention: Type.String(), note: Type.String() },
      { additionalProperties: true },
    ),
  }),
  policyIsExample: Type.Boolean({
    description: "True when the model names no policy and medcyber's example policy applies",
  }),
  summary: Type.Object({
    evaluated: Type.Integer(),
    unevaluated: Type.Integer(),
    uncontrolled: Type.Integer(),
    unacceptable: Type.Integer(),
    accepted: Type.Integer(),
    acceptanceLapsed: Type.Integer(),
    deadlinesMissed: Type.Integer(),
  }),
  unevaluated: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      source: Type.String(),
      status: Type.String(),
      reason: Type.String(),
    }),
  ),
  issues: Type.Array(
    Type.Object({
      severity: Type.String(),
      code: Type.String(),
      message: Type.String(),
      path: Type.String({ description: 'Path in the merged model' }),
    }),
  ),
} as const

export const FindingItem = Type.Object({
  findingId: Type.String({ description: 'vulnerability@component, what triage is keyed by' }),
  release: Type.String(),
  vulnerability: Type.String(),
  aliases: Type.Array(Type.String()),
  component: Type.String(),
  severity: Nullable(Type.String()),
  cvssScore: Nullable(Type.Number()),
  kev: Type.Boolean({ description: 'In CISA Known Exploited Vulnerabilities' }),
  epss: Nullable(Type.Number()),
  vexStatus: Type.String(),
  summary: Nullable(Type.String()),
  firstSeen: Type.String(),
  evaluatedAt: Type.String(),
  assessments: Type.Array(FindingAssessmentSchema, {
    description:
      "The entries of findingAssessments for this finding in the product's current model, one per release scope (every release's, not only this row's); empty when the model does not load. A triage PUT replaces a whole entry, so send back the fields to keep",
  }),
})

export const FindingQuery = {
  release: Type.Optional(ReleaseQuery),
  severity: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  kev: Type.Optional(Type.Boolean({ description: 'true: only known exploited' })),
  vexStatus: Type.Optional(Enum([...VEX_STATUSES, 'untriaged'], 'VEX status, or untriaged')),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Part of the vulnerability id or component',
    }),
  ),
} as const
