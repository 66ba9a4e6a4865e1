import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { sharedAccount } from './shared-account.js'

const role =
  (sharedAccount?: boolean) =>
  (m: MinimalModel): void => {
    Object.assign(m, {
      roles: [
        {
          id: 'ward-nurse',
          name: 'Ward nurse',
          kind: 'clinician',
          privileged: false,
          elements: ['pump-device'],
          authentication: ['password'],
          ...(sharedAccount === undefined ? {} : { sharedAccount }),
        },
      ],
    })
  }

describe('shared-account', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a role whose people share an account', role(true), ['ward-nurse']],
    ['is silent on individual accounts', role(false), []],
    ['is silent when sharing is not declared', role(), []],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(sharedAccount, change)).toEqual(expected)
  })
})
