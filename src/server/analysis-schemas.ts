import { Type, type TNull, type TSchema, type TUnion } from '@sinclair/typebox'

/** Response schemas of the analysis routes: each the shape the matching CLI command prints. */

const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> =>
  Type.Union([schema, Type.Null()])

const Ids = Type.Array(Type.String())

const LinkedRiskSchema = Type.Object(
  {
    id: Type.String({ description: 'Register entry id: the finding id, #releases when scoped' }),
    releases: Nullable(Type.Array(Type.String())),
    status: Type.String({ description: 'VEX status of the assessment holding the evaluation' }),
    controlStatus: Type.String({ description: 'controlled or uncontrolled (FDA), after controls' }),
    acceptable: Type.Boolean(),
    resolved: Type.Boolean({
      description: 'The evaluation of a fixed finding, kept as the risk the fix removed',
    }),
  },
  { description: "The security risk the product's model evaluates for the finding" },
)

export const ImpactResponse = Type.Object({
  vulnerability: Type.String({ description: 'The id asked for' }),
  ids: Type.Array(Type.String(), {
    description: 'Every id the matching findings carry (the id asked for and its aliases)',
  }),
  scanned: Type.Integer({ description: 'Products looked at: those you may read' }),
  products: Type.Array(
    Type.Object({
      productId: Type.String(),
      name: Type.String(),
      revision: Type.Integer({ description: 'The model revision linked risks were read from' }),
      modelValid: Type.Boolean({
        description: 'False when the stored model does not load; then linkedRisk is null',
      }),
      releases: Type.Array(
        Type.Object({
          release: Type.String(),
          findings: Type.Array(
            Type.Object({
              findingId: Type.String({ description: 'vulnerability@component' }),
              vulnerability: Type.String(),
              aliases: Ids,
              component: Type.String(),
              vexStatus: Type.String(),
              kev: Type.Boolean({ description: 'In CISA Known Exploited Vulnerabilities' }),
              epss: Nullable(Type.Number()),
              severity: Nullable(Type.String()),
              cvssScore: Nullable(Type.Number()),
              summary: Nullable(Type.String()),
              firstSeen: Type.String(),
              evaluatedAt: Type.String(),
              linkedRisk: Nullable(LinkedRiskSchema),
              reopens: Type.Boolean({
                description:
                  'A linked risk exists and the finding is open here: its conclusion needs review',
              }),
            }),
          ),
        }),
      ),
    }),
  ),
})

export const CoverageResponse = Type.Object({
  product: Type.Object({ id: Type.String(), name: Type.String() }),
  totals: Type.Object({
    threats: Type.Integer(),
    controls: Type.Integer(),
    verifications: Type.Integer(),
    threatsWithoutControl: Type.Integer(),
    controlsWithoutVerification: Type.Integer(),
    controlsFailingVerification: Type.Integer(),
    emptyCategories: Type.Integer(),
    emptyCapabilities: Type.Integer(),
    controlsNamingCapabilities: Type.Integer(),
  }),
  threatsWithoutControl: Type.Array(
    Type.Object({
      threat: Type.String(),
      title: Type.String(),
      element: Type.String(),
      status: Type.String(),
      reason: Type.String({ description: 'open-without-control or mitigated-without-control' }),
    }),
  ),
  controlsWithoutVerification: Type.Array(
    Type.Object({
      control: Type.String(),
      name: Type.String(),
      category: Type.String(),
      status: Type.String(),
    }),
  ),
  controlsFailingVerification: Type.Array(
    Type.Object({
      control: Type.String(),
      name: Type.String(),
      verification: Type.String(),
      verificationName: Type.String(),
      release: Type.String(),
      date: Type.String(),
      summary: Type.Optional(Type.String()),
    }),
  ),
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      name: Type.String(),
      controls: Ids,
      count: Type.Integer(),
    }),
  ),
  capabilities: Type.Array(
    Type.Object({
      capability: Type.String(),
      name: Type.String(),
      controls: Ids,
      count: Type.Integer(),
    }),
  ),
  emptyCategories: Type.Array(
    Type.Object({
      category: Type.String(),
      name: Type.String(),
      controls: Ids,
      count: Type.Integer(),
    }),
  ),
  emptyCapabilities: Type.Array(
    Type.Object({
      capability: Type.String(),
      name: Type.String(),
      controls: Ids,
      count: Type.Integer(),
    }),
  ),
  controlThreats: Type.Array(Type.Object({ control: Type.String(), threats: Ids })),
  threatControls: Type.Array(Type.Object({ threat: Type.String(), controls: Ids })),
  unknownThreatLinks: Type.Array(Type.Object({ control: Type.String(), threat: Type.String() })),
})

const Criterion = Type.Object({
  met: Type.Boolean(),
  evidence: Type.Array(Type.String(), { description: 'The model items that decide it' }),
})

export const InfoResponse = Type.Object({
  product: Type.Object({ id: Type.String(), name: Type.String() }),
  date: Type.String({ description: 'The day support phases are judged on' }),
  cyberDevice: Type.Object(
    {
      isCyberDevice: Type.Boolean(),
      sponsorSoftware: Criterion,
      canConnectToInternet: Type.Object({
        ...Criterion.properties,
        excluded: Type.Array(Type.String(), { description: 'Interfaces not counted, and why' }),
      }),
      vulnerableCharacteristics: Criterion,
    },
    { description: 'FD&C Act section 524B(c) cyber-device determination' },
  ),
  documents: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      jurisdiction: Type.String(),
      obligation: Type.String({ description: 'required or recommended' }),
      basis: Type.String({ description: 'The text that asks for it' }),
    }),
  ),
  releases: Type.Array(
    Type.Object({
      version: Type.String(),
      phase: Type.String({ description: 'IMDRF N70 support phase on the day' }),
      phaseSource: Type.String({ description: 'declared or milestones' }),
      phaseFromMilestones: Type.String(),
      endOfLife: Type.Optional(Type.String()),
      endOfSupport: Type.Optional(Type.String()),
      endOfSupportNoticeDue: Type.Optional(Type.String()),
      unsupportedComponents: Type.Array(
        Type.Object({
          id: Type.String(),
          endOfSupport: Type.String(),
          unsupportedAtRelease: Type.Boolean(),
        }),
      ),
    }),
  ),
})

const Place = {
  file: Type.String({ description: 'Path in the model folder' }),
  line: Type.Integer({ description: '1-based; 0 for the file as a whole' }),
  column: Type.Integer(),
  path: Type.String({ description: 'JSONPath inside the file' }),
}

export const IssuesResponse = Type.Object({
  revision: Type.Integer(),
  valid: Type.Boolean({ description: 'False when an error keeps the files from forming a model' }),
  issues: Type.Array(
    Type.Object({
      severity: Type.String(),
      code: Type.String(),
      message: Type.String(),
      ...Place,
      related: Type.Optional(Type.Object(Place, { description: 'A second place involved' })),
    }),
  ),
})

export const ViewsResponse = Type.Object({
  revision: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String({ description: 'global, multi-patient, update or use-case:<function id>' }),
      kind: Type.String(),
      title: Type.String(),
    }),
  ),
})

/** A file answer: the media types it may come as, each with what it holds. */
export const fileResponse = (
  description: string,
  mediaTypes: readonly string[],
  schema: TSchema,
) => ({
  description,
  content: Object.fromEntries(mediaTypes.map((mediaType) => [mediaType, { schema }])),
})
