import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { testdataPath } from '../../../test/support/testdata.js'
import { checkCsafVex } from './csaf-vex-checks.js'

const DATA = ['oasis-csaf', 'csaf_2.0', 'test', 'validator', 'data'] as const

interface TestCase {
  readonly id: string
  readonly failures: readonly { readonly name: string }[]
  readonly valid?: readonly { readonly name: string }[]
}

const cases = (
  JSON.parse(readFileSync(testdataPath(...DATA, 'testcases.json'), 'utf8')) as {
    tests: TestCase[]
  }
).tests

const read = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(testdataPath(...DATA, name), 'utf8')) as Record<string, unknown>

/** The OASIS conformance documents of the tests checkCsafVex implements. */
const IMPLEMENTED = [
  '6.1.1',
  '6.1.2',
  '6.1.6',
  '6.1.23',
  '6.1.27.4',
  '6.1.27.5',
  '6.1.27.6',
  '6.1.27.7',
  '6.1.27.8',
  '6.1.27.9',
  '6.1.27.10',
  '6.1.27.11',
  '6.1.29',
  '6.1.32',
  '6.1.33',
]

describe('checkCsafVex against the OASIS CSAF 2.0 mandatory test corpus', () => {
  for (const id of IMPLEMENTED) {
    const testCase = cases.find((item) => item.id === id)
    it(`${id}: every must-fail document fails it, every must-pass document passes it`, () => {
      expect(testCase).toBeDefined()
      for (const failure of testCase?.failures ?? []) {
        const tests = checkCsafVex(read(failure.name)).map((problem) => problem.test)
        expect(tests, failure.name).toContain(id)
      }
      for (const valid of testCase?.valid ?? []) {
        const tests = checkCsafVex(read(valid.name)).map((problem) => problem.test)
        expect(tests, valid.name).not.toContain(id)
      }
    })
  }

  it('passes the 13 OASIS CSAF VEX examples', () => {
    const folder = ['oasis-csaf', 'csaf_2.0', 'examples', 'csaf', 'csaf_vex'] as const
    for (const name of VEX_EXAMPLES) {
      const document = JSON.parse(readFileSync(testdataPath(...folder, name), 'utf8')) as Record<
        string,
        unknown
      >
      expect(checkCsafVex(document), name).toEqual([])
    }
  })
})

const VEX_EXAMPLES = [
  '2022-evd-uc-01-a-001.json',
  '2022-evd-uc-01-f-001.json',
  '2022-evd-uc-01-na-001.json',
  '2022-evd-uc-01-ui-001.json',
  '2022-evd-uc-02-na-001.json',
  '2022-evd-uc-03-ms-001.json',
  '2022-evd-uc-04-001.json',
  '2022-evd-uc-05-001.json',
  '2022-evd-uc-06-001.json',
  '2022-evd-uc-07-001.json',
  '2022-evd-uc-08-001.json',
  '2022-evd-uc-09-001.json',
  'sec-vex-2022-0001.json',
]
