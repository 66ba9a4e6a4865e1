import { Type, type Static } from '@sinclair/typebox'

import {
  Closed,
  DateString,
  FINDING_ID_PATTERN,
  Id,
  InReleases,
  Name,
  Refs,
  StringEnum,
  THREAT_REF_PATTERN,
  Text,
} from './schema-helpers.js'
import {
  COMPENSATING_CONTROL_TYPES,
  CONTROL_CATEGORIES,
  CONTROL_KINDS,
  CONTROL_STATUSES,
  DISCOVERY_METHODS,
  INDEPENDENCE_LEVELS,
  SECURITY_CAPABILITIES,
  STRIDE,
  THREAT_STATUSES,
  VERDICTS,
  VERIFICATION_KINDS,
  VEX_JUSTIFICATIONS,
  VEX_RESPONSES,
  VEX_STATUSES,
} from './vocabulary.js'

const ThreatRef = Type.String({ pattern: THREAT_REF_PATTERN, maxLength: 200 })
const ThreatRefs = (description: string) =>
  Type.Array(ThreatRef, { uniqueItems: true, description })

export const ThreatSchema = Type.Object(
  {
    id: Id('Threat id (threats written by hand; generated threats are ruleId@elementId)'),
    title: Name('Threat title'),
    description: Type.Optional(Text('Threat scenario')),
    stride: Type.Array(StringEnum(STRIDE), { minItems: 1, uniqueItems: true }),
    elements: Refs(
      'Elements, interfaces, data flows, assets, components or trust boundaries the threat targets',
    ),
    capec: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { uniqueItems: true })),
    cwe: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { uniqueItems: true })),
    multiPatient: Type.Optional(Type.Boolean({ description: 'Can harm many patients at once' })),
  },
  Closed,
)

export const ControlSchema = Type.Object(
  {
    id: Id('Control id'),
    name: Name('Control name'),
    description: Type.Optional(Text('What the control does and how')),
    category: StringEnum(CONTROL_CATEGORIES, { description: 'FDA premarket control category' }),
    kind: StringEnum(CONTROL_KINDS),
    status: StringEnum(CONTROL_STATUSES),
    capabilities: Type.Optional(
      Type.Array(StringEnum(SECURITY_CAPABILITIES), {
        uniqueItems: true,
        description: 'IEC TR 80001-2-2 security capabilities (MDS2 sections) the control provides',
      }),
    ),
    compensatingType: Type.Optional(
      StringEnum(COMPENSATING_CONTROL_TYPES, {
        description: 'IMDRF N70 Table 1 type, for compensating controls',
      }),
    ),
    elements: Type.Optional(
      Refs(
        'Elements, interfaces, data flows, trust boundaries or components where the control applies',
      ),
    ),
    mitigates: Type.Optional(ThreatRefs('Threats the control mitigates')),
    hazardousSituations: Type.Optional(Refs('Hazardous situations the control reduces')),
    effectOnSafety: Type.Optional(
      Text(
        'Effect on safety and essential performance (IMDRF N60: controls must not degrade them)',
      ),
    ),
    releases: InReleases(),
  },
  Closed,
)

const VerificationResultSchema = Type.Object(
  {
    release: Name('Release version tested'),
    date: DateString('Date of the test'),
    verdict: StringEnum(VERDICTS),
    summary: Type.Optional(Text('Findings and observations')),
    report: Type.Optional(Name('Report document id or path')),
  },
  Closed,
)

export const VerificationSchema = Type.Object(
  {
    id: Id('Verification id'),
    name: Name('Test name'),
    kind: StringEnum(VERIFICATION_KINDS),
    controls: Type.Optional(Refs('Controls the test verifies')),
    threats: Type.Optional(ThreatRefs('Threats whose mitigation the test verifies')),
    performedBy: Type.Optional(Name('Who tested')),
    independence: Type.Optional(StringEnum(INDEPENDENCE_LEVELS)),
    tool: Type.Optional(Name('Tool name, version and settings')),
    duration: Type.Optional(
      Name('How long the testing ran, e.g. "10 working days, 2026-03-02 to 2026-03-13"'),
    ),
    testerQualifications: Type.Optional(
      Text('Expertise of the testers, e.g. certifications and medical-device experience'),
    ),
    scope: Type.Optional(Text('What was in and out of scope')),
    results: Type.Optional(Type.Array(VerificationResultSchema)),
  },
  Closed,
)

const RiskEstimateSchema = (description: string) =>
  Type.Object(
    {
      cvss: Type.Optional(
        Type.String({
          minLength: 1,
          maxLength: 300,
          description:
            'CVSS vector (v2, v3.0, v3.1 or v4.0) rating exploitability, e.g. from medcyber rubric',
        }),
      ),
      exploitability: Type.Optional(
        Id('Qualitative exploitability level id from the risk policy, instead of a CVSS vector'),
      ),
      severity: Type.Optional(
        Id('Severity of patient harm on the severity scale; overrides the linked harms'),
      ),
      rationale: Type.Optional(Text('Why this exploitability and severity')),
    },
    { ...Closed, minProperties: 1, description },
  )

export const RiskAcceptanceSchema = Type.Object(
  {
    rationale: Text('Why the residual risk is accepted'),
    approvedBy: Name('Who accepted it (name and role)'),
    date: DateString('When it was accepted'),
    reReview: DateString('When the acceptance must be reviewed again'),
    benefitRisk: Type.Optional(
      Text(
        'Benefit-risk conclusion (ISO 14971 7.4); needed to accept a risk the policy rates unacceptable',
      ),
    ),
  },
  { ...Closed, description: 'Acceptance of the residual risk' },
)

export const RiskEvaluationSchema = Type.Object(
  {
    before: RiskEstimateSchema('Before risk controls: the inherent risk'),
    after: Type.Optional(
      RiskEstimateSchema(
        'After risk controls: the residual risk; what is left out is as before controls',
      ),
    ),
    acceptance: Type.Optional(RiskAcceptanceSchema),
  },
  {
    ...Closed,
    description:
      'Security risk evaluation: exploitability and severity of patient harm, before and after controls, rated by the risk policy',
  },
)

const Identified = () =>
  Type.Optional(
    DateString(
      'When the manufacturer learned of it; an uncontrolled risk starts the FDA 30/60-day clocks here',
    ),
  )

export const ThreatAssessmentSchema = Type.Object(
  {
    threat: Type.String({ pattern: THREAT_REF_PATTERN, maxLength: 200, description: 'Threat id' }),
    status: StringEnum(THREAT_STATUSES),
    rationale: Text('Why'),
    controls: Type.Optional(Refs('Controls that mitigate it')),
    hazardousSituations: Type.Optional(Refs('Hazardous situations it can cause')),
    risk: Type.Optional(RiskEvaluationSchema),
    releases: InReleases(),
    identified: Identified(),
    assessedBy: Type.Optional(Name('Who assessed')),
    date: Type.Optional(DateString('When')),
  },
  { ...Closed, description: 'A decision on a threat, kept by its stable id across regeneration' },
)

export const FindingAssessmentSchema = Type.Object(
  {
    finding: Type.String({
      pattern: FINDING_ID_PATTERN,
      maxLength: 200,
      description: 'advisoryId@componentId',
    }),
    status: StringEnum(VEX_STATUSES, { description: 'VEX status' }),
    justification: Type.Optional(StringEnum(VEX_JUSTIFICATIONS)),
    response: Type.Optional(Type.Array(StringEnum(VEX_RESPONSES), { uniqueItems: true })),
    detail: Type.Optional(Text('Impact statement or action statement')),
    controls: Type.Optional(Refs('Controls the decision relies on')),
    verifications: Type.Optional(
      Refs('Verifications showing those controls work (for "not affected because of control X")'),
    ),
    acceptedUntil: Type.Optional(
      DateString(
        'Risk accepted with expiry: exported as affected with this date in the action statement, never as not_affected',
      ),
    ),
    hazardousSituations: Type.Optional(Refs('Hazardous situations the vulnerability can cause')),
    risk: Type.Optional(RiskEvaluationSchema),
    discoveryMethod: Type.Optional(
      StringEnum(DISCOVERY_METHODS, { description: 'How the manufacturer learned of it (FDA)' }),
    ),
    releases: Type.Optional(Type.Array(Name('Release version'), { uniqueItems: true })),
    identified: Identified(),
    assessedBy: Type.Optional(Name('Who assessed')),
    date: Type.Optional(DateString('When')),
  },
  { ...Closed, description: 'VEX triage of a vulnerability finding, kept by its stable id' },
)

export type ThreatScenario = Static<typeof ThreatSchema>
export type Control = Static<typeof ControlSchema>
export type Verification = Static<typeof VerificationSchema>
export type ThreatAssessment = Static<typeof ThreatAssessmentSchema>
export type FindingAssessment = Static<typeof FindingAssessmentSchema>
export type RiskEvaluation = Static<typeof RiskEvaluationSchema>
export type RiskEstimate = RiskEvaluation['before']
export type RiskAcceptance = Static<typeof RiskAcceptanceSchema>
