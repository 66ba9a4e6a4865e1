import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { privilegedRoleWithoutStrongAuthentication } from './privileged-role-without-strong-authentication.js'

const role =
  (fields: Record<string, unknown>) =>
  (m: MinimalModel): void => {
    Object.assign(m, {
      roles: [
        {
          id: 'clinician',
          name: 'Clinician',
          kind: 'clinician',
          privileged: true,
          elements: ['pump-device'],
          authentication: ['password'],
          ...fields,
        },
      ],
    })
  }

describe('privileged-role-without-strong-authentication', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a privileged role with a password only', role({}), ['clinician']],
    [
      'fires on a privileged role with a PIN and physical presence',
      role({ authentication: ['pin', 'physical-presence'] }),
      ['clinician'],
    ],
    [
      'fires when no authentication is declared',
      role({ authentication: undefined }),
      ['clinician'],
    ],
    [
      'is silent with multi-factor authentication',
      role({ authentication: ['password', 'multi-factor'] }),
      [],
    ],
    ['is silent with a certificate', role({ authentication: ['certificate'] }), []],
    ['is silent with a biometric and a PIN', role({ authentication: ['biometric', 'pin'] }), []],
    ['is silent for a role without privileges', role({ privileged: false }), []],
    [
      'is silent for a role acting only on hospital systems',
      (m) => {
        m.elements.push({ id: 'ehr', name: 'EHR', kind: 'hdo-system', owner: 'hdo' })
        role({ elements: ['ehr'] })(m)
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(privilegedRoleWithoutStrongAuthentication, change)).toEqual(expected)
  })
})
