import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { proximityInterfaceAbuse } from './proximity-interface-abuse.js'

const proximity =
  (type: string, authentication = 'none') =>
  (m: MinimalModel): void => {
    m.interfaces[0]!.type = type
    m.interfaces[1]!.type = type
    m.dataFlows[0]!.authentication = { type: authentication }
  }

const reader =
  (direction?: string) =>
  (m: MinimalModel): void => {
    m.interfaces.push(
      Object.assign(
        { id: 'pump-nfc', element: 'pump-device', type: 'nfc', status: 'unused' },
        direction === undefined ? {} : { direction },
      ),
    )
  }

describe('proximity-interface-abuse', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on unauthenticated NFC input', proximity('nfc'), ['pump-ble']],
    ['fires on proprietary radio', proximity('proprietary-rf'), ['pump-ble']],
    [
      'fires when only the receiver proves itself',
      proximity('inductive', 'destination'),
      ['pump-ble'],
    ],
    ['is silent when the source is authenticated', proximity('infrared', 'source'), []],
    ['is silent for Bluetooth (its own rule)', proximity('ble'), []],
    ['fires on an unused reader that accepts input', reader(), ['pump-nfc']],
    ['is silent on a read-only tag', reader('out'), []],
    [
      'is silent when disabled',
      (m) => {
        reader()(m)
        m.interfaces[3]!.status = 'disabled'
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(proximityInterfaceAbuse, change)).toEqual(expected)
  })
})
