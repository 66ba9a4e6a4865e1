import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { defaultOrHardCodedCredentials } from './default-or-hard-coded-credentials.js'

const credentials =
  (kind: string) =>
  (m: MinimalModel): void => {
    Object.assign(m.dataFlows[0]!.authentication, { credentials: kind })
  }

describe('default-or-hard-coded-credentials', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on default credentials', credentials('default'), ['bolus-command']],
    ['fires on hard-coded credentials', credentials('hard-coded'), ['bolus-command']],
    ['is silent on per-device credentials', credentials('per-device'), []],
    [
      'is silent on shared credentials (shared-credentials reports them)',
      credentials('shared'),
      [],
    ],
    ['is silent when the credentials are not described', () => undefined, []],
    [
      'is silent between elements outside the device',
      (m) => {
        credentials('hard-coded')(m)
        Object.assign(m.elements[0]!, { partOfDevice: false })
        Object.assign(m.elements[1]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(defaultOrHardCodedCredentials, change)).toEqual(expected)
  })
})
