import { Type, type Static } from '@sinclair/typebox'

import {
  ActorSchema,
  AssetSchema,
  DataFlowSchema,
  ElementSchema,
  InterfaceSchema,
  RoleSchema,
  TrustBoundarySchema,
} from './architecture-schema.js'
import {
  AnomalySchema,
  EvidenceSchema,
  ManagementPlanSchema,
  ThreatModelSchema,
  Mds2AnswerSchema,
} from './documentation-schema.js'
import { ProductSchema } from './product-schema.js'
import {
  HarmSchema,
  HazardousSituationSchema,
  HazardSchema,
  SeverityLevelSchema,
} from './safety-schema.js'
import {
  ControlSchema,
  FindingAssessmentSchema,
  ThreatAssessmentSchema,
  ThreatSchema,
  VerificationSchema,
} from './security-schema.js'
import { ComponentSchema, ReleaseSchema, SbomSchema } from './supply-chain-schema.js'

export const FORMAT_VERSION = 'v1'
export const SCHEMA_ID = 'urn:medcyber:schema:model:v1'

/**
 * The sections that hold lists of items. A model may be split over several files: each file is a
 * document with any of these sections, and the lists are joined in include order.
 */
export const LIST_SECTIONS = [
  'elements',
  'interfaces',
  'dataFlows',
  'trustBoundaries',
  'roles',
  'actors',
  'assets',
  'components',
  'sboms',
  'releases',
  'hazards',
  'hazardousSituations',
  'harms',
  'threats',
  'controls',
  'verifications',
  'threatAssessments',
  'findingAssessments',
  'anomalies',
  'evidence',
  'mds2Answers',
] as const
export type ListSection = (typeof LIST_SECTIONS)[number]

/** Sections that may appear in only one file of a model. */
export const SINGLE_SECTIONS = [
  'product',
  'severityScale',
  'riskPolicy',
  'managementPlan',
  'threatModel',
] as const

/** One file of a device model in the `medcyber/v1` format. */
export const ModelDocumentSchema = Type.Object(
  {
    medcyber: Type.Literal(FORMAT_VERSION, { description: 'Format version; always "v1"' }),
    $schema: Type.Optional(Type.String({ description: 'JSON Schema reference, for editors' })),
    include: Type.Optional(
      Type.Array(
        Type.String({
          minLength: 1,
          maxLength: 1000,
          description: 'Relative path of a model file',
        }),
        { uniqueItems: true, description: 'Further model files, relative to this one' },
      ),
    ),
    product: Type.Optional(ProductSchema),
    severityScale: Type.Optional(
      Type.Array(SeverityLevelSchema, {
        minItems: 2,
        description:
          'Severity of patient harm, least severe first; defaults to the five FDA postmarket levels',
      }),
    ),
    riskPolicy: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 1000,
        description:
          "The manufacturer's security risk policy file, relative to this file; absent means medcyber's example policy",
      }),
    ),
    elements: Type.Optional(Type.Array(ElementSchema, { description: 'Architecture elements' })),
    interfaces: Type.Optional(
      Type.Array(InterfaceSchema, {
        description: 'Every physical and logical interface, used or not',
      }),
    ),
    dataFlows: Type.Optional(
      Type.Array(DataFlowSchema, { description: 'Communication paths and how each is protected' }),
    ),
    trustBoundaries: Type.Optional(
      Type.Array(TrustBoundarySchema, {
        description: 'Security domains and the elements inside them',
      }),
    ),
    roles: Type.Optional(Type.Array(RoleSchema, { description: 'Authorization roles' })),
    actors: Type.Optional(
      Type.Array(ActorSchema, { description: 'People, organizations and systems that act' }),
    ),
    assets: Type.Optional(
      Type.Array(AssetSchema, { description: 'Data and functions to protect' }),
    ),
    components: Type.Optional(
      Type.Array(ComponentSchema, {
        description: 'Software, firmware and hardware the device is made of',
      }),
    ),
    sboms: Type.Optional(Type.Array(SbomSchema, { description: 'SBOM files of the releases' })),
    releases: Type.Optional(
      Type.Array(ReleaseSchema, {
        description: 'Software releases and their lifecycle milestones',
      }),
    ),
    hazards: Type.Optional(Type.Array(HazardSchema, { description: 'ISO 14971 hazards' })),
    hazardousSituations: Type.Optional(
      Type.Array(HazardousSituationSchema, { description: 'ISO 14971 hazardous situations' }),
    ),
    harms: Type.Optional(
      Type.Array(HarmSchema, { description: 'ISO 14971 harms with their severity' }),
    ),
    threats: Type.Optional(Type.Array(ThreatSchema, { description: 'Threats written by hand' })),
    controls: Type.Optional(Type.Array(ControlSchema, { description: 'Security risk controls' })),
    verifications: Type.Optional(
      Type.Array(VerificationSchema, { description: 'Security tests and their results' }),
    ),
    threatAssessments: Type.Optional(
      Type.Array(ThreatAssessmentSchema, { description: 'Decisions on threats, by threat id' }),
    ),
    findingAssessments: Type.Optional(
      Type.Array(FindingAssessmentSchema, { description: 'VEX triage of vulnerability findings' }),
    ),
    managementPlan: Type.Optional(ManagementPlanSchema),
    threatModel: Type.Optional(ThreatModelSchema),
    anomalies: Type.Optional(
      Type.Array(AnomalySchema, { description: 'Unresolved anomalies known at release' }),
    ),
    evidence: Type.Optional(
      Type.Array(EvidenceSchema, {
        description: 'Quality-system documents cited as evidence in checklists',
      }),
    ),
    mds2Answers: Type.Optional(
      Type.Array(Mds2AnswerSchema, { description: 'MDS2 answers given by people' }),
    ),
  },
  {
    $id: SCHEMA_ID,
    title: 'medcyber device model (medcyber/v1)',
    description:
      'A medical device security model: product, architecture, supply chain, safety and security. A model may span several files joined with include.',
    additionalProperties: false,
    patternProperties: { '^x-': {} },
  },
)

export type ModelDocument = Static<typeof ModelDocumentSchema>

type Lists = { readonly [S in ListSection]-?: NonNullable<ModelDocument[S]> }

/** A whole device model: every file merged, every list present. */
export interface DeviceModel extends Lists {
  readonly product: NonNullable<ModelDocument['product']>
  readonly severityScale: NonNullable<ModelDocument['severityScale']>
  /** The risk policy path as written (relative to the file that declares it). */
  readonly riskPolicy?: string
  readonly managementPlan?: NonNullable<ModelDocument['managementPlan']>
  readonly threatModel?: NonNullable<ModelDocument['threatModel']>
}

/** The JSON Schema for one model file, as published by `medcyber schema`. */
export const modelJsonSchema = (): Record<string, unknown> => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  ...(JSON.parse(JSON.stringify(ModelDocumentSchema)) as Record<string, unknown>),
})
