import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { testdataPath } from '../../../../test/support/testdata.js'
import { OTM_SCHEMA } from './otm-schema.js'
import { THREAGILE_SCHEMA } from './threagile-schema.js'
import { THREAT_DRAGON_V1_SCHEMA } from './threat-dragon-v1-schema.js'
import { THREAT_DRAGON_V2_SCHEMA } from './threat-dragon-v2-schema.js'

const TD_SCHEMAS = ['owasp-threat-dragon', 'td.vue', 'src', 'assets', 'schema']

const official = (...parts: string[]): unknown =>
  JSON.parse(readFileSync(testdataPath(...parts), 'utf8'))

describe('the vendored schemas', () => {
  it.each([
    ['OTM', OTM_SCHEMA, [...TD_SCHEMAS, 'open-threat-model.schema.json']],
    ['Threat Dragon v1', THREAT_DRAGON_V1_SCHEMA, [...TD_SCHEMAS, 'threat-dragon-v1.schema.json']],
    ['Threat Dragon v2', THREAT_DRAGON_V2_SCHEMA, [...TD_SCHEMAS, 'threat-dragon-v2.schema.json']],
    ['Threagile', THREAGILE_SCHEMA, ['threagile', 'support', 'schema.json']],
  ] as const)('%s equals the official copy in the test data', (_name, vendored, file) => {
    expect(vendored).toEqual(official(...file))
  })
})
