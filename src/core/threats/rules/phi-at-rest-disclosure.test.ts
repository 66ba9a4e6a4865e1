import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { phiAtRestDisclosure } from './phi-at-rest-disclosure.js'

const phi = (m: MinimalModel): void => {
  m.assets.push(
    Object.assign(
      { ...m.assets[0]!, id: 'history', name: 'Therapy history', category: 'phi' },
      { elements: ['pump-device'] },
    ),
  )
}
const control = (m: MinimalModel, category: string, fields: Record<string, unknown> = {}): void => {
  m.controls.push(
    Object.assign(
      { ...m.controls[0]!, id: 'storage-protection', category },
      { mitigates: [], elements: ['pump-device'], ...fields },
    ),
  )
}

describe('phi-at-rest-disclosure', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a device holding PHI', phi, ['pump-device']],
    ['is silent without PHI', () => undefined, []],
    [
      'is silent with a confidentiality control on the device',
      (m) => {
        phi(m)
        control(m, 'confidentiality')
      },
      [],
    ],
    [
      'is silent with encryption of storage',
      (m) => {
        phi(m)
        control(m, 'cryptography')
      },
      [],
    ],
    [
      'fires when the cryptography control protects a data flow',
      (m) => {
        phi(m)
        control(m, 'cryptography', { elements: ['pump-device', 'bolus-command'] })
      },
      ['pump-device'],
    ],
    [
      'is silent when a hardening control names disk encryption',
      (m) => {
        phi(m)
        control(m, 'code-data-execution-integrity', { description: 'Kiosk shell and BitLocker' })
      },
      [],
    ],
    [
      'is silent on systems outside the device',
      (m) => {
        phi(m)
        Object.assign(m.elements[0]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(phiAtRestDisclosure, change)).toEqual(expected)
  })
})
