import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { blePairingWithoutMitmProtection } from './ble-pairing-without-mitm-protection.js'

const pairing =
  (method: string) =>
  (m: MinimalModel): void => {
    Object.assign(m.interfaces[0]!, { pairing: method })
  }

describe('ble-pairing-without-mitm-protection', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on Just Works pairing', pairing('just-works'), ['pump-ble']],
    ['fires when the link is not paired at all', pairing('none'), ['pump-ble']],
    [
      'fires on Bluetooth Classic',
      (m) => {
        pairing('just-works')(m)
        m.interfaces[0]!.type = 'bluetooth-classic'
      },
      ['pump-ble'],
    ],
    ['is silent with passkey entry', pairing('passkey-entry'), []],
    ['is silent with numeric comparison', pairing('numeric-comparison'), []],
    ['is silent when the pairing method is not stated', () => undefined, []],
    [
      'is silent when the radio is disabled',
      (m) => {
        pairing('just-works')(m)
        m.interfaces[0]!.status = 'disabled'
        m.dataFlows[0]!.interfaces = ['phone-ble']
      },
      [],
    ],
    [
      'is silent on elements outside the device',
      (m) => {
        pairing('just-works')(m)
        Object.assign(m.elements[0]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(blePairingWithoutMitmProtection, change)).toEqual(expected)
  })
})
