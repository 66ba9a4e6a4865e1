import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { componentPastEndOfSupport } from './component-past-end-of-support.js'

describe('component-past-end-of-support', () => {
  it.each<[string, (m: MinimalModel) => void, string, string[]]>([
    ['fires on the end-of-support day', () => undefined, '2030-12-31', ['freertos']],
    ['is silent the day before', () => undefined, '2030-12-30', []],
    [
      'fires on an abandoned component whatever the date',
      (m) => {
        m.components[0]!.supportLevel = 'abandoned'
      },
      '2020-01-01',
      ['freertos'],
    ],
  ])('%s', (_name, change, date, expected) => {
    expect(subjectsFound(componentPastEndOfSupport, change, date)).toEqual(expected)
  })
})
