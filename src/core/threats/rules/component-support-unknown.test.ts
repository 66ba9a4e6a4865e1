import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { componentSupportUnknown } from './component-support-unknown.js'

describe('component-support-unknown', () => {
  it.each<[string, (m: MinimalModel) => void, string, string[]]>([
    [
      'fires when the support level is unknown',
      (m) => {
        m.components[0]!.supportLevel = 'unknown'
      },
      '2026-11-28',
      ['freertos'],
    ],
    ['is silent on a maintained component', () => undefined, '2026-11-28', []],
    [
      'leaves a component past its end of support to that rule',
      (m) => {
        m.components[0]!.supportLevel = 'unknown'
      },
      '2031-01-01',
      [],
    ],
  ])('%s', (_name, change, date, expected) => {
    expect(subjectsFound(componentSupportUnknown, change, date)).toEqual(expected)
  })
})
