import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { programmerMisuse } from './programmer-misuse.js'

describe('programmer-misuse', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a phone app that commands the pump', () => undefined, ['phone']],
    [
      'is silent for data without commands or configuration',
      (m) => {
        m.dataFlows[0]!.payload = ['data']
      },
      [],
    ],
    [
      'is silent when the destination delivers no therapy',
      (m) => {
        m.product.clinicalFunctions[0]!.category = 'diagnosis-monitoring'
        m.assets[0]!.category = 'clinical-workflow'
      },
      [],
    ],
    [
      'is silent when the sender is no programmer',
      (m) => {
        m.elements[1]!.kind = 'cloud-service'
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(programmerMisuse, change)).toEqual(expected)
  })
})
