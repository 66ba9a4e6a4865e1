import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { physicalTampering } from './physical-tampering.js'

describe('physical-tampering', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a device used at home, not on the app', () => undefined, ['pump-device']],
    [
      'is silent in the hospital without body contact',
      (m) => {
        m.product.useEnvironments = ['hospital-network']
        m.product.patientContact = 'none'
      },
      [],
    ],
    [
      'fires in the hospital on a device the patient wears',
      (m) => {
        m.product.useEnvironments = ['hospital-network']
      },
      ['pump-device'],
    ],
    [
      'is silent in the hospital on a hospital-held device',
      (m) => {
        m.product.useEnvironments = ['hospital-network']
        m.elements[0]!.owner = 'hdo'
      },
      [],
    ],
    [
      'fires in the hospital on a device a patient role acts on',
      (m) => {
        m.product.useEnvironments = ['hospital-network']
        m.product.patientContact = 'implant'
        m.elements[0]!.owner = 'hdo'
        Object.assign(m, {
          roles: [
            {
              id: 'wearer',
              name: 'Patient',
              kind: 'patient',
              privileged: false,
              elements: ['pump-device'],
            },
          ],
        })
      },
      ['pump-device'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(physicalTampering, change)).toEqual(expected)
  })
})
