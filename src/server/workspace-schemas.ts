import { Type, type TNull, type TSchema, type TUnion } from '@sinclair/typebox'

/**
 * The shapes of the routes the web app's screens are built on (portfolio, advisories,
 * lifecycle, the architecture editor, preferences). The web app imports their static types only.
 */

const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> =>
  Type.Union([schema, Type.Null()])

export const LOCALES = ['en', 'ja'] as const

export const LocaleSchema = Type.Union([Type.Literal('en'), Type.Literal('ja')], {
  description: 'Language of the web app',
})

export const PreferencesSchema = Type.Object({
  locale: Nullable(LocaleSchema),
  advisoriesSeenAt: Nullable(
    Type.String({ description: 'When the user last marked advisories as seen (ISO 8601)' }),
  ),
})

export const PreferencesPatchSchema = Type.Object(
  {
    locale: Type.Optional(LocaleSchema),
    advisoriesSeen: Type.Optional(
      Type.Literal(true, { description: 'Mark every advisory known now as seen' }),
    ),
  },
  { additionalProperties: false },
)

/** A regulatory deadline that is near (within 30 days) or missed, not yet met. */
export const PortfolioDeadlineSchema = Type.Object({
  riskId: Type.String(),
  riskTitle: Type.String(),
  release: Nullable(Type.String()),
  id: Type.String(),
  title: Type.String(),
  due: Type.String(),
  state: Type.String({ description: 'as the risk register gives it (e.g. open, missed)' }),
  daysRemaining: Type.Integer(),
})

export const PortfolioReleaseSchema = Type.Object({
  version: Type.String(),
  releasedAt: Type.String(),
  supportPhase: Type.String({ description: 'IMDRF N70 support phase on the day' }),
  endOfLife: Nullable(Type.String()),
  endOfSupport: Nullable(Type.String()),
  endOfSupportNoticeDue: Nullable(Type.String()),
})

export const PortfolioProductSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  revision: Type.Integer(),
  modelValid: Type.Boolean(),
  releases: Type.Array(PortfolioReleaseSchema),
  risks: Nullable(
    Type.Object({
      evaluated: Type.Integer(),
      uncontrolled: Type.Integer(),
      unacceptable: Type.Integer(),
      acceptanceLapsed: Type.Integer(),
    }),
  ),
  deadlines: Type.Array(PortfolioDeadlineSchema),
  findings: Type.Object({
    open: Type.Integer({ description: 'not yet not_affected or fixed' }),
    kev: Type.Integer({ description: 'open and known exploited' }),
    newSinceLastVisit: Type.Integer({
      description: 'first seen after the user last marked advisories as seen (all when never)',
    }),
  }),
})

export const PortfolioSchema = Type.Object({
  date: Type.String(),
  advisoriesSeenAt: Nullable(Type.String()),
  products: Type.Array(PortfolioProductSchema),
})

export const AdvisoryAffectedSchema = Type.Object({
  productId: Type.String(),
  productName: Type.String(),
  release: Type.String(),
  component: Type.String(),
  findingId: Type.String(),
  vexStatus: Type.String(),
})

export const AdvisoryItemSchema = Type.Object({
  vulnerability: Type.String(),
  aliases: Type.Array(Type.String()),
  severity: Nullable(Type.String()),
  cvssScore: Nullable(Type.Number()),
  kev: Type.Boolean(),
  epss: Nullable(Type.Number()),
  summary: Nullable(Type.String()),
  firstSeen: Type.String({ description: 'earliest first sighting in any product' }),
  lastEvaluatedAt: Type.String(),
  isNew: Type.Boolean({ description: 'first seen after the user last marked advisories seen' }),
  affected: Type.Array(AdvisoryAffectedSchema),
})

export const AdvisoryListSchema = Type.Object({
  since: Nullable(Type.String()),
  total: Type.Integer(),
  items: Type.Array(AdvisoryItemSchema),
})

export const LifecycleReleaseSchema = Type.Object({
  version: Type.String(),
  releasedAt: Type.String(),
  supportPhase: Type.String(),
  phaseSource: Type.String({ description: 'declared or milestones' }),
  endOfLife: Nullable(Type.String()),
  endOfSupport: Nullable(Type.String()),
  endOfSupportNoticeDue: Nullable(
    Type.String({ description: 'IMDRF N70: tell customers at least two years before' }),
  ),
  noticeState: Nullable(
    Type.String({
      description: 'not-yet, due-within-a-year, overdue; null without end of support',
    }),
  ),
  unsupportedComponents: Type.Array(
    Type.Object({
      id: Type.String(),
      endOfSupport: Type.String(),
      unsupportedAtRelease: Type.Boolean(),
    }),
  ),
  installedBase: Nullable(
    Type.Object(
      { customers: Type.Integer(), sites: Type.Integer(), units: Type.Integer() },
      {
        description:
          'Who still runs the release on the day, from the imported installed base; null when none was imported',
      },
    ),
  ),
})

export const LifecycleComponentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.String(),
  supplier: Nullable(Type.String()),
  kind: Type.String(),
  supportLevel: Type.String(),
  endOfSupport: Nullable(Type.String()),
  releases: Type.Array(Type.String(), { description: 'release versions that ship it' }),
  state: Type.String({ description: 'supported, ends-within-a-year, ended, or unknown' }),
})

export const LifecycleSchema = Type.Object({
  date: Type.String(),
  releases: Type.Array(LifecycleReleaseSchema),
  components: Type.Array(LifecycleComponentSchema),
})

export const ArchitectureListSchema = Type.Union([
  Type.Literal('elements'),
  Type.Literal('dataFlows'),
  Type.Literal('trustBoundaries'),
])

export const DiagramPositionSchema = Type.Object({ x: Type.Number(), y: Type.Number() })

export const DiagramLayoutSchema = Type.Object(
  { positions: Type.Record(Type.String(), DiagramPositionSchema) },
  {
    description: 'Where each element sits in the diagram, kept in the model as diagram.layout.json',
  },
)

/** One problem of the model, placed on the architecture entry it is about when there is one. */
export const ArchitectureIssueSchema = Type.Object({
  severity: Type.String(),
  code: Type.String(),
  message: Type.String(),
  location: Type.String({ description: 'file:line:column in the model files' }),
  list: Nullable(ArchitectureListSchema),
  entry: Nullable(Type.String({ description: 'id of the element, data flow or boundary' })),
  field: Nullable(Type.String({ description: 'the field within that entry, e.g. to' })),
})

export const ArchitectureSchema = Type.Object({
  revision: Type.Integer(),
  elements: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
    description: 'the merged model entries as written (id, name, kind, ...)',
  }),
  dataFlows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  trustBoundaries: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  interfaces: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  vocabulary: Type.Object({
    elementKinds: Type.Array(Type.String()),
    trustBoundaryKinds: Type.Array(Type.String()),
    payloads: Type.Array(Type.String()),
  }),
  layout: Nullable(DiagramLayoutSchema),
  issues: Type.Array(ArchitectureIssueSchema),
})

export const ArchitectureEditSchema = Type.Union([
  Type.Object(
    {
      op: Type.Literal('put'),
      list: ArchitectureListSchema,
      entry: Type.Record(Type.String(), Type.Unknown(), {
        description: 'the whole entry with its id; replaces the entry with that id, else added',
      }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      op: Type.Literal('remove'),
      list: ArchitectureListSchema,
      id: Type.String({ minLength: 1, maxLength: 200 }),
    },
    { additionalProperties: false },
  ),
])

export const ArchitectureEditsBody = Type.Object(
  {
    edits: Type.Array(ArchitectureEditSchema, { maxItems: 500 }),
    layout: Type.Optional(DiagramLayoutSchema),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  },
  { additionalProperties: false },
)

export const RiskMatrixSchema = Type.Object(
  {
    exploitability: Type.Array(Type.Object({ id: Type.String(), name: Type.String() }), {
      description: 'least exploitable first',
    }),
    severities: Type.Array(Type.String(), { description: 'least severe first' }),
    controlMatrix: Type.Record(Type.String(), Type.Array(Type.String()), {
      description: 'per exploitability level, C or U per severity',
    }),
    acceptabilityMatrix: Type.Record(Type.String(), Type.Array(Type.String()), {
      description: 'per exploitability level, A, R or U per severity',
    }),
  },
  { description: "The policy's axes and cells, for drawing the risk matrix" },
)
