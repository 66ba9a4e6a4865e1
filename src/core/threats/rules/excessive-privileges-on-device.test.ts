import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { excessivePrivilegesOnDevice } from './excessive-privileges-on-device.js'

const role = (fields: Record<string, unknown>) => (m: MinimalModel) => {
  m.elements.push({ id: 'ehr', name: 'EHR', kind: 'hdo-system', owner: 'hdo' })
  Object.assign(m, {
    roles: [
      {
        id: 'field-service',
        name: 'Field service',
        kind: 'service',
        privileged: true,
        elements: ['pump-device'],
        authentication: ['password'],
        ...fields,
      },
    ],
  })
}

describe('excessive-privileges-on-device', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a service role with a password only', role({}), ['field-service']],
    [
      'fires on an administrator with a shared PIN at the device',
      role({ kind: 'administrator', authentication: ['pin', 'physical-presence'] }),
      ['field-service'],
    ],
    ['is silent with multi-factor authentication', role({ authentication: ['multi-factor'] }), []],
    [
      'is silent with a password and a certificate',
      role({ authentication: ['password', 'certificate'] }),
      [],
    ],
    ['is silent for clinicians', role({ kind: 'clinician' }), []],
    ['is silent for a role without privileges', role({ privileged: false }), []],
    ['is silent on elements outside the device', role({ elements: ['ehr'] }), []],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(excessivePrivilegesOnDevice, change)).toEqual(expected)
  })
})
