import { Type, type TSchema } from '@sinclair/typebox'
import { Ajv, type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'
import type { FastifySchemaCompiler } from 'fastify'

import { FindingAssessmentSchema, ThreatAssessmentSchema } from '../core/model/security-schema.js'
import { Reason } from './product-schemas.js'

const CLOSED = { additionalProperties: false, patternProperties: { '^x-': {} } } as const

const { threat, ...threatFields } = ThreatAssessmentSchema.properties
const { finding, ...findingFields } = FindingAssessmentSchema.properties

/**
 * A threat assessment as the model's `threatAssessments` entries hold it; the threat comes from
 * the path (a `threat` field, when sent, must name the same one).
 */
export const ThreatAssessmentBody = Type.Object(
  { threat: Type.Optional(threat), ...threatFields, reason: Type.Optional(Reason) },
  {
    ...CLOSED,
    description:
      'The assessment of one threat for one set of releases (absent: every release), as written in the model; reason goes to the audit trail',
  },
)

/** A VEX triage decision as the model's `findingAssessments` entries hold it. */
export const FindingTriageBody = Type.Object(
  { finding: Type.Optional(finding), ...findingFields, reason: Type.Optional(Reason) },
  {
    ...CLOSED,
    description:
      'The VEX triage of one finding for one set of releases (absent: every release), as written in the model; reason goes to the audit trail',
  },
)

const strictAjv = new Ajv({
  removeAdditional: false,
  useDefaults: true,
  coerceTypes: false,
  allErrors: false,
  strict: false,
})
addFormats.default(strictAjv, ['date', 'uuid'])

/**
 * The server's default validator drops unknown properties silently, which would turn a misspelt
 * optional field of a decision into a decision without it. These bodies go into the model as
 * written, so unknown fields are refused instead.
 */
export const strictValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema }) => {
  const validate = strictAjv.compile(schema as TSchema)
  const checked = (data: unknown): boolean => {
    const valid = validate(data)
    checked.errors = (validate.errors ?? []).map(namingTheField)
    return valid
  }
  checked.errors = [] as ErrorObject[]
  return checked
}

/** An unknown field is reported at the field itself, so the client sees which one. */
const namingTheField = (error: ErrorObject): ErrorObject => {
  const field: unknown = error.params['additionalProperty']
  if (error.keyword !== 'additionalProperties' || typeof field !== 'string') return error
  return {
    ...error,
    instancePath: `${error.instancePath}/${field}`,
    message: 'is not a field of this entry in the model (see the schema)',
  }
}
