import { Type, type Static } from '@sinclair/typebox'

import { Closed, Id, Name, Ref, Refs, Text } from './schema-helpers.js'

export const SeverityLevelSchema = Type.Object(
  {
    id: Id('Severity level id'),
    name: Name('Severity level name'),
    description: Text('What harm of this severity means'),
  },
  Closed,
)

export const HazardSchema = Type.Object(
  {
    id: Id('Hazard id'),
    name: Name('Potential source of harm, e.g. "Insulin over-delivery"'),
    description: Type.Optional(Text('Details')),
    functions: Type.Optional(Refs('Clinical functions whose compromise leads to the hazard')),
    assets: Type.Optional(Refs('Assets whose compromise leads to the hazard')),
  },
  Closed,
)

export const HazardousSituationSchema = Type.Object(
  {
    id: Id('Hazardous situation id'),
    hazard: Ref('The hazard'),
    description: Text('Circumstance in which the patient is exposed to the hazard'),
    sequenceOfEvents: Type.Optional(Text('How a security compromise leads to the situation')),
    harms: Refs('Harms that can result'),
  },
  Closed,
)

export const HarmSchema = Type.Object(
  {
    id: Id('Harm id'),
    description: Text('Injury or damage to health'),
    severity: Id('Severity level id on the severity scale'),
  },
  Closed,
)

export type SeverityLevel = Static<typeof SeverityLevelSchema>
export type Hazard = Static<typeof HazardSchema>
export type HazardousSituation = Static<typeof HazardousSituationSchema>
export type Harm = Static<typeof HarmSchema>
