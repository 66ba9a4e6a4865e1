import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { sharedCredentials } from './shared-credentials.js'

const credentials =
  (kind: string) =>
  (m: MinimalModel): void => {
    Object.assign(m.dataFlows[0]!.authentication, { credentials: kind })
  }

describe('shared-credentials', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on shared credentials', credentials('shared'), ['bolus-command']],
    ['is silent on per-device credentials', credentials('per-device'), []],
    ['is silent on individual credentials', credentials('individual'), []],
    ['is silent when the credentials are not described', () => undefined, []],
    [
      'is silent between elements outside the device',
      (m) => {
        credentials('shared')(m)
        Object.assign(m.elements[0]!, { partOfDevice: false })
        Object.assign(m.elements[1]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(sharedCredentials, change)).toEqual(expected)
  })
})
