import { Type, type Static } from '@sinclair/typebox'

import { Closed, DateString, Id, Name, StringEnum, Text } from '../model/schema-helpers.js'

export const RISK_POLICY_FORMAT_VERSION = 'v1'
export const RISK_POLICY_SCHEMA_ID = 'https://medcyber.dev/schema/medcyber-risk-policy-v1.json'

/** FDA's binary outcome: C = controlled, U = uncontrolled (postmarket guidance, section V). */
export const CONTROL_CELLS = ['C', 'U'] as const
export type ControlCell = (typeof CONTROL_CELLS)[number]

/**
 * The manufacturer's acceptance criteria: A = acceptable, R = acceptable only once accepted with
 * a rationale, an approver and a re-review date, U = unacceptable (acceptance also needs a
 * benefit-risk conclusion).
 */
export const ACCEPTABILITY_CELLS = ['A', 'R', 'U'] as const
export type AcceptabilityCell = (typeof ACCEPTABILITY_CELLS)[number]

/** Which CVSS score is binned into an exploitability level. */
export const CVSS_SCORE_CHOICES = ['most-specific', 'base', 'exploitability-subscore'] as const
export type CvssScoreChoice = (typeof CVSS_SCORE_CHOICES)[number]

/** How the safety risk file estimates P1 for a security-caused hazardous situation. */
export const SAFETY_PROBABILITY_CONVENTIONS = ['worst-case', 'exploitability'] as const
export type SafetyProbabilityConvention = (typeof SAFETY_PROBABILITY_CONVENTIONS)[number]

const ExploitabilityLevelSchema = Type.Object(
  {
    id: Id('Exploitability level id'),
    name: Name('Name shown in registers'),
    description: Text('What this level means'),
    cvssBelow: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 10,
        description:
          'CVSS scores below this (and at or above the previous level) fall in this level; the most exploitable level has none',
      }),
    ),
  },
  Closed,
)

const Row = <T extends readonly string[]>(cells: T, description: string) =>
  Type.Record(
    Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }),
    Type.Array(StringEnum(cells), { minItems: 2, maxItems: 20 }),
    { description },
  )

export const RiskPolicySchema = Type.Object(
  {
    'medcyber-risk-policy': Type.Literal(RISK_POLICY_FORMAT_VERSION, {
      description: 'Format version; always "v1"',
    }),
    $schema: Type.Optional(Type.String()),
    id: Id('Policy id'),
    title: Name('Policy title, e.g. the controlled document name'),
    version: Name('Policy version; every register and export records it'),
    effective: Type.Optional(DateString('Date the policy takes effect')),
    approvedBy: Type.Optional(Name('Who approved the policy')),
    timeZone: Type.Optional(
      Name(
        'IANA time zone the regulatory clocks are counted in, e.g. America/Chicago; default UTC',
      ),
    ),
    cvssScore: Type.Optional(
      StringEnum(CVSS_SCORE_CHOICES, {
        description:
          'most-specific (default): environmental, else temporal, else base score, since FDA lists temporal metrics among the exploitability factors; base: the base score only; exploitability-subscore: the CVSS v3.x exploitability sub-score (0.1 to 3.9, bins on that scale), which keeps impact out of exploitability',
      }),
    ),
    exploitability: Type.Array(ExploitabilityLevelSchema, {
      minItems: 2,
      maxItems: 10,
      description: 'Exploitability levels, least exploitable first',
    }),
    severities: Type.Array(Id('Severity level id'), {
      minItems: 2,
      uniqueItems: true,
      description:
        "The model's severity scale ids, least severe first: the column headings of both matrices",
    }),
    controlMatrix: Row(
      CONTROL_CELLS,
      'Per exploitability level, one cell per severity (C controlled, U uncontrolled)',
    ),
    acceptabilityMatrix: Row(
      ACCEPTABILITY_CELLS,
      'Per exploitability level, one cell per severity (A acceptable, R acceptable once accepted, U unacceptable)',
    ),
    safetyProbability: Type.Object(
      {
        convention: StringEnum(SAFETY_PROBABILITY_CONVENTIONS, {
          description:
            'worst-case: P1 = 1 for every security-caused hazardous situation; exploitability: P1 from the mapping',
        }),
        levels: Type.Optional(
          Type.Record(Type.String(), Name('Probability level on the safety risk scale'), {
            description:
              'For the exploitability convention: the P1 level of the safety risk file for each exploitability level',
          }),
        ),
      },
      { ...Closed, description: 'How security-caused hazardous situations are estimated (P1)' },
    ),
    acceptance: Type.Optional(
      Type.Object(
        {
          maxReReviewMonths: Type.Integer({
            minimum: 1,
            maximum: 120,
            description: 'Longest time an acceptance may stand before it is reviewed again',
          }),
        },
        Closed,
      ),
    ),
  },
  {
    ...Closed,
    $id: RISK_POLICY_SCHEMA_ID,
    title: 'medcyber security risk policy (medcyber-risk-policy/v1)',
    description:
      "The manufacturer's security risk acceptance criteria: exploitability levels, the controlled/uncontrolled matrix, the acceptability matrix and the safety probability convention",
  },
)

export type RiskPolicy = Static<typeof RiskPolicySchema>
export type ExploitabilityLevel = RiskPolicy['exploitability'][number]
