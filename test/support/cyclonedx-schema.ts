import { readFileSync } from 'node:fs'

import { Ajv, type ErrorObject } from 'ajv'
import addFormats from 'ajv-formats'

import { testdataPath } from './testdata.js'

const SCHEMA_DIR = ['cyclonedx-specification', 'schema'] as const

const readSchema = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(testdataPath(...SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>

let validator: ((bom: unknown) => ErrorObject[]) | undefined

/** Validates a BOM against the official CycloneDX 1.6 JSON schema from the shared test data. */
export const cycloneDx16Errors = (bom: unknown): ErrorObject[] => {
  if (validator === undefined) {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true })
    addFormats.default(ajv)
    // CycloneDX uses these two formats beyond ajv-formats; accept them as the spec allows.
    ajv.addFormat('idn-email', true)
    ajv.addFormat('iri-reference', true)
    ajv.addSchema(readSchema('spdx.schema.json'), 'spdx.schema.json')
    ajv.addSchema(readSchema('jsf-0.82.schema.json'), 'jsf-0.82.schema.json')
    ajv.addSchema(readSchema('cryptography-defs.schema.json'), 'cryptography-defs.schema.json')
    const validate = ajv.compile(readSchema('bom-1.6.schema.json'))
    validator = (bom) => (validate(bom) ? [] : [...(validate.errors ?? [])])
  }
  return validator(bom)
}
