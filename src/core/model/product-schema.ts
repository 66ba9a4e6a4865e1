import { Type, type Static } from '@sinclair/typebox'

import { Closed, Id, Name, Refs, StringEnum, Text } from './schema-helpers.js'
import {
  CLINICAL_FUNCTION_CATEGORIES,
  DEVICE_TYPES,
  EU_DEVICE_CLASSES,
  EU_REGULATIONS,
  JP_DEVICE_CLASSES,
  PATIENT_CONTACTS,
  US_DEVICE_CLASSES,
  US_PATHWAYS,
  USE_ENVIRONMENTS,
} from './vocabulary.js'

export const ManufacturerSchema = Type.Object(
  {
    name: Name('Legal manufacturer name'),
    address: Type.Optional(Text('Postal address')),
    cvdPolicyUrl: Type.Optional(
      Type.String({
        format: 'uri',
        description: 'Public coordinated vulnerability disclosure policy',
      }),
    ),
    securityContact: Type.Optional(Text('Where vulnerability reports go (e-mail or web form)')),
    isao: Type.Optional(
      Text('Information Sharing and Analysis Organization the manufacturer is an active member of'),
    ),
  },
  { ...Closed, description: 'The legal manufacturer' },
)

export const ClinicalFunctionSchema = Type.Object(
  {
    id: Id('Clinical function id'),
    name: Name('What the function does for the patient, e.g. "Bolus insulin delivery"'),
    category: StringEnum(CLINICAL_FUNCTION_CATEGORIES, {
      description: 'MITRE medical CVSS rubric category',
    }),
    description: Type.Optional(Text('Details')),
    elements: Type.Optional(Refs('Elements that perform the function')),
  },
  Closed,
)

export const EssentialPerformanceSchema = Type.Object(
  {
    id: Id('Essential performance id'),
    description: Text(
      'Performance whose loss or degradation would be an unacceptable risk (IEC 60601-1 3.27)',
    ),
    functions: Type.Optional(Refs('Clinical functions this performance belongs to')),
  },
  Closed,
)

const UsMarketSchema = Type.Object(
  {
    class: StringEnum(US_DEVICE_CLASSES, { description: 'FDA device class' }),
    pathway: StringEnum(US_PATHWAYS, { description: 'Premarket pathway' }),
    productCode: Type.Optional(
      Type.String({ pattern: '^[A-Z]{3}$', description: 'FDA product code' }),
    ),
  },
  Closed,
)

const EuMarketSchema = Type.Object(
  {
    regulation: StringEnum(EU_REGULATIONS, {
      description: 'MDR (EU) 2017/745 or IVDR (EU) 2017/746',
    }),
    class: StringEnum(EU_DEVICE_CLASSES, { description: 'Class under the regulation' }),
    rule: Type.Optional(Name('Classification rule applied, e.g. "Rule 11"')),
    notifiedBody: Type.Optional(Name('Notified body name or number')),
  },
  Closed,
)

const JpMarketSchema = Type.Object(
  {
    class: StringEnum(JP_DEVICE_CLASSES, { description: 'PMD Act class' }),
    jmdnCode: Type.Optional(Type.String({ pattern: '^[0-9]{8}$', description: 'JMDN code' })),
  },
  Closed,
)

export const JurisdictionsSchema = Type.Object(
  {
    US: Type.Optional(UsMarketSchema),
    EU: Type.Optional(EuMarketSchema),
    JP: Type.Optional(JpMarketSchema),
  },
  { ...Closed, minProperties: 1, description: 'Markets and the device class in each' },
)

export const ProductSchema = Type.Object(
  {
    id: Id('Product id, stable across releases'),
    name: Name('Trade name'),
    manufacturer: ManufacturerSchema,
    modelNumbers: Type.Array(Name('Model or catalogue number'), { minItems: 1, uniqueItems: true }),
    udiDi: Type.Optional(Type.Array(Name('UDI device identifier'), { uniqueItems: true })),
    intendedUse: Text('Intended use / indications for use'),
    foreseeableMisuse: Type.Optional(Text('Reasonably foreseeable misuse')),
    deviceTypes: Type.Array(StringEnum(DEVICE_TYPES), { minItems: 1, uniqueItems: true }),
    clinicalFunctions: Type.Array(ClinicalFunctionSchema, {
      minItems: 1,
      description: 'The clinical functions whose compromise could affect safety or effectiveness',
    }),
    essentialPerformance: Type.Optional(Type.Array(EssentialPerformanceSchema)),
    patientContact: StringEnum(PATIENT_CONTACTS, { description: 'ISO 10993-1 contact category' }),
    useEnvironments: Type.Array(StringEnum(USE_ENVIRONMENTS), { minItems: 1, uniqueItems: true }),
    jurisdictions: JurisdictionsSchema,
  },
  { ...Closed, description: 'The medical device product' },
)

export type Product = Static<typeof ProductSchema>
export type ClinicalFunction = Static<typeof ClinicalFunctionSchema>
