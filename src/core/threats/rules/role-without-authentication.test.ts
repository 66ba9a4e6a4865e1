import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { roleWithoutAuthentication } from './role-without-authentication.js'

const role =
  (fields: Record<string, unknown>) =>
  (m: MinimalModel): void => {
    Object.assign(m, {
      roles: [
        {
          id: 'peer',
          name: 'Peer system',
          kind: 'system',
          privileged: false,
          elements: ['pump-device'],
          authentication: ['none'],
          ...fields,
        },
      ],
    })
  }

describe('role-without-authentication', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a role that authenticates with none', role({}), ['peer']],
    ['fires when no authentication is declared', role({ authentication: undefined }), ['peer']],
    ['is silent with a password', role({ authentication: ['password'] }), []],
    [
      'is silent on elements outside the device',
      (m) => {
        m.elements.push({ id: 'ehr', name: 'EHR', kind: 'hdo-system', owner: 'hdo' })
        role({ elements: ['ehr'] })(m)
      },
      [],
    ],
    ['is silent for a patient without privileges', role({ kind: 'patient' }), []],
    ['fires for a privileged patient', role({ kind: 'patient', privileged: true }), ['peer']],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(roleWithoutAuthentication, change)).toEqual(expected)
  })
})
