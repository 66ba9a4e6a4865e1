import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'

import { minimalModel } from '../../../test/support/minimal-model.js'
import { checkDocumentSchema } from './check-document-schema.js'
import { modelJsonSchema } from './model-document-schema.js'

const withChange = (change: (model: Record<string, unknown>) => void): unknown => {
  const model = minimalModel() as unknown as Record<string, unknown>
  change(model)
  return model
}
const at = (
  model: Record<string, unknown>,
  ...path: (string | number)[]
): Record<string, unknown> =>
  path.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, model)

describe('checkDocumentSchema', () => {
  it.each<[string, (m: Record<string, unknown>) => void, string, (string | number)[], string]>([
    [
      'a misspelt key',
      (m) => {
        at(m, 'dataFlows', 0).protocl = 'x'
      },
      'model/unknown-property',
      ['dataFlows', 0, 'protocl'],
      "'bolus-command': unknown property 'protocl'; did you mean 'protocol'?",
    ],
    [
      'a missing property',
      (m) => {
        delete at(m, 'interfaces', 0).status
      },
      'model/missing-property',
      ['interfaces', 0],
      "'pump-ble': missing required property 'status'",
    ],
    [
      'an unknown enum word',
      (m) => {
        at(m, 'interfaces', 0).type = 'bluetooth'
      },
      'model/invalid-value',
      ['interfaces', 0, 'type'],
      "did you mean 'bluetooth-classic'?",
    ],
    [
      'a version YAML read as a number',
      (m) => {
        at(m, 'components', 0).version = 10.4
      },
      'model/wrong-type',
      ['components', 0, 'version'],
      'version must be a string, but is a number (10.4); quote it: "10.4"',
    ],
    [
      'an id that is not a slug',
      (m) => {
        at(m, 'elements', 0).id = 'Pump Device'
      },
      'model/invalid-value',
      ['elements', 0, 'id'],
      "id 'Pump Device' is not an id: lower-case letters, digits and single hyphens",
    ],
    [
      'an impossible date',
      (m) => {
        at(m, 'releases', 0).date = '2023-02-29'
      },
      'model/invalid-value',
      ['releases', 0, 'date'],
      "date '2023-02-29' is not a calendar date",
    ],
    [
      'the wrong format version',
      (m) => {
        m.medcyber = 'v2'
      },
      'model/invalid-value',
      ['medcyber'],
      'medcyber must be "v1"',
    ],
    [
      'a list where a mapping belongs',
      (m) => {
        m.product = []
      },
      'model/wrong-type',
      ['product'],
      'product must be a mapping (key: value lines), but is a list',
    ],
    [
      'an empty required list',
      (m) => {
        at(m, 'dataFlows', 0).payload = []
      },
      'model/too-few-items',
      ['dataFlows', 0, 'payload'],
      'payload needs at least 1 item',
    ],
    [
      'a repeated list item',
      (m) => {
        at(m, 'dataFlows', 0).payload = ['data', 'data']
      },
      'model/duplicate-item',
      ['dataFlows', 0, 'payload', 1],
      "payload lists 'data' more than once",
    ],
    [
      'a bad port',
      (m) => {
        at(m, 'interfaces', 0).ports = ['443']
      },
      'model/invalid-value',
      ['interfaces', 0, 'ports', 0],
      'is not a port as number/transport',
    ],
    [
      'no market at all',
      (m) => {
        at(m, 'product').jurisdictions = {}
      },
      'model/too-few-items',
      ['product', 'jurisdictions'],
      'jurisdictions needs at least one of: US, EU, JP',
    ],
  ])('explains %s', (_name, change, code, path, text) => {
    const issues = checkDocumentSchema(withChange(change), 'm.yaml')
    expect(issues).toContainEqual(
      expect.objectContaining({
        code,
        path,
        source: 'm.yaml',
        message: expect.stringContaining(text) as string,
      }),
    )
  })

  it('accepts extension keys starting with x-', () => {
    expect(
      checkDocumentSchema(
        withChange((m) => {
          m['x-review'] = { ticket: 'SEC-1' }
        }),
      ),
    ).toEqual([])
  })

  it('publishes a schema that a standard ajv compiles and that agrees with the checker', () => {
    const ajv = new Ajv({ strict: true, allErrors: true })
    addFormats.default(ajv, ['date', 'uri'])
    const validate = ajv.compile(modelJsonSchema())
    expect(validate(minimalModel())).toBe(true)
    expect(
      validate(
        withChange((m) => {
          at(m, 'interfaces', 0).type = 'bluetooth'
        }),
      ),
    ).toBe(false)
  })
})
