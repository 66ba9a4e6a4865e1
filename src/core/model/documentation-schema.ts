import { Type, type Static } from '@sinclair/typebox'

import { Closed, Id, InReleases, Name, StringEnum, Text } from './schema-helpers.js'

/**
 * What the regulatory documents need that the architecture and risk sections cannot say: the
 * postmarket plan, the known anomalies at submission, the manufacturer's evidence documents and
 * the MDS2 answers only people can give. Everything is optional; a document shows "needs input"
 * where the model is silent, never a guess.
 */

export const PatchTimelineSchema = Type.Object(
  {
    trigger: Name(
      'What starts the clock, e.g. "critical vulnerability with uncontrolled risk" or "routine"',
    ),
    target: Name('The committed time to release, e.g. "30 days" or "next quarterly release"'),
    justification: Type.Optional(Text('Why this timeline is reasonable (524B(b)(1))')),
  },
  Closed,
)

export const ManagementPlanSchema = Type.Object(
  {
    responsible: Type.Optional(Name('Role or person responsible for product security')),
    monitoringSources: Type.Optional(
      Type.Array(Name('A source'), {
        uniqueItems: true,
        description: 'Where vulnerabilities are monitored (feeds, suppliers, researchers, ISAO)',
      }),
    ),
    monitoringFrequency: Type.Optional(Name('How often the sources are checked, e.g. "daily"')),
    kevHandling: Type.Optional(Text('How vulnerabilities in the CISA KEV catalogue are handled')),
    securityTesting: Type.Optional(
      Text('Periodic security testing after release, e.g. "yearly penetration test"'),
    ),
    patchTimelines: Type.Optional(
      Type.Array(PatchTimelineSchema, { description: 'Timelines to develop and release patches' }),
    ),
    updateProcess: Type.Optional(Text('How updates are built, signed, released and installed')),
    patchingCapability: Type.Optional(
      Text('How fast updates reach devices in the field (rate and means)'),
    ),
    cvdProcess: Type.Optional(
      Text('How vulnerability reports are received, handled and disclosed'),
    ),
    customerCommunication: Type.Optional(
      Text('How customers learn of vulnerabilities, upcoming patches and remediations'),
    ),
  },
  { ...Closed, description: 'Cybersecurity management plan (FDA §VI.B; 524B(b)(1) plan)' },
)

export const ThreatModelSchema = Type.Object(
  {
    methodRationale: Type.Optional(
      Text('Why this threat modelling method suits the device (FDA asks for a justification)'),
    ),
    assumptions: Type.Optional(
      Type.Array(Text('An assumption'), {
        description:
          'What the threat model takes as given, e.g. "the hospital network is hostile" or "key provisioning at the factory is trusted"',
      }),
    ),
    outOfScope: Type.Optional(
      Type.Array(Text('An exclusion'), {
        description: 'What the threat model leaves out, and why',
      }),
    ),
  },
  { ...Closed, description: 'How the threat model was made and what it assumes' },
)

export const AnomalySchema = Type.Object(
  {
    id: Id('Anomaly id'),
    title: Name('Anomaly title'),
    description: Type.Optional(Text('The defect')),
    cwe: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), {
        uniqueItems: true,
        description: 'CWE categories of the defect',
      }),
    ),
    securityImpact: Text('Assessed impact on safety and security'),
    rationale: Text('Why it may remain unresolved at release'),
    releases: InReleases(),
  },
  { ...Closed, description: 'An unresolved software anomaly known at release (FDA premarket)' },
)

/** `JIS:5.2.1`, `GSPR:17.2`, `MDS2:AUDT-1`, `FDA:labeling`: the requirement a document answers. */
export const EVIDENCE_TOPIC_PATTERN = '^(JIS|GSPR|MDS2|FDA|N70):[A-Za-z0-9().-]+$'

export const EvidenceSchema = Type.Object(
  {
    id: Name('Document number in the quality system, e.g. "SRM-PLAN-001"'),
    title: Name('Document title'),
    version: Type.Optional(Name('Document revision')),
    covers: Type.Array(
      Type.String({
        pattern: EVIDENCE_TOPIC_PATTERN,
        maxLength: 80,
        description: 'A requirement, e.g. "JIS:5.2.1", "GSPR:17.2", "MDS2:DOC-8"',
      }),
      { minItems: 1, uniqueItems: true, description: 'Requirements the document is evidence for' },
    ),
  },
  { ...Closed, description: "A document of the manufacturer's quality system used as evidence" },
)

export const MDS2_ANSWERS = ['yes', 'no', 'n/a', 'see-note'] as const
export const MDS2_QUESTION_PATTERN = '^[A-Z]{3,4}-[0-9]+(?:\\.[0-9]+)*$'

export const Mds2AnswerSchema = Type.Object(
  {
    question: Type.String({
      pattern: MDS2_QUESTION_PATTERN,
      maxLength: 20,
      description: 'MDS2 question id, e.g. "AUDT-1"',
    }),
    answer: StringEnum(MDS2_ANSWERS),
    note: Type.Optional(Text('Note shown with the answer')),
  },
  { ...Closed, description: 'An MDS2 answer given by people, overriding the one medcyber derives' },
)

export type ManagementPlan = Static<typeof ManagementPlanSchema>
export type ThreatModelNotes = Static<typeof ThreatModelSchema>
export type PatchTimeline = Static<typeof PatchTimelineSchema>
export type Anomaly = Static<typeof AnomalySchema>
export type Evidence = Static<typeof EvidenceSchema>
export type Mds2Answer = Static<typeof Mds2AnswerSchema>
