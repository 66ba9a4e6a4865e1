import { describe, expect, it } from 'vitest'

import {
  subjectsFound,
  validModel,
  type MinimalModel,
} from '../../../../test/support/rule-harness.js'
import { createThreatContext } from '../threat-context.js'
import { cleartextSensitiveData } from './cleartext-sensitive-data.js'

const cleartext = (m: MinimalModel): void => {
  m.dataFlows[0]!.encryption = { type: 'none' }
  m.assets[0]!.security.confidentiality = 'high'
}

describe('cleartext-sensitive-data', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on confidential data without encryption', cleartext, ['bolus-command']],
    [
      'fires on PHI without encryption',
      (m) => {
        m.dataFlows[0]!.encryption = { type: 'none' }
        m.assets[0]!.category = 'phi'
      },
      ['bolus-command'],
    ],
    [
      'is silent when the path is encrypted',
      (m) => {
        m.assets[0]!.security.confidentiality = 'high'
      },
      [],
    ],
    [
      'is silent for therapy data that is not confidential',
      (m) => {
        m.dataFlows[0]!.encryption = { type: 'none' }
      },
      [],
    ],
    [
      'fires on PHI encrypted on the radio hop only, before a wired network',
      (m) => {
        m.assets[0]!.category = 'phi'
        m.dataFlows[0]!.encryption = { type: 'wifi-link-layer' }
        m.interfaces.push({
          id: 'pump-eth',
          element: 'pump-device',
          type: 'ethernet',
          status: 'active',
        })
        m.dataFlows[0]!.interfaces = ['phone-ble', 'pump-eth']
      },
      ['bolus-command'],
    ],
    [
      'is silent when link-layer encryption covers the whole radio path',
      (m) => {
        m.assets[0]!.category = 'phi'
        m.dataFlows[0]!.encryption = { type: 'ble-link-layer' }
      },
      [],
    ],
    [
      "is silent for a person at the pump's own keys",
      (m) => {
        cleartext(m)
        m.interfaces.push({
          id: 'pump-keys',
          element: 'pump-device',
          type: 'user-interface',
          status: 'active',
        })
        m.dataFlows[0]!.interfaces = ['pump-keys']
      },
      [],
    ],
    [
      'is silent inside one device enclosure',
      (m) => {
        cleartext(m)
        m.trustBoundaries[0]!.kind = 'device'
        m.trustBoundaries[0]!.elements.push('phone')
      },
      [],
    ],
    [
      'is silent between elements outside the device',
      (m) => {
        cleartext(m)
        Object.assign(m.elements[0]!, { partOfDevice: false })
        Object.assign(m.elements[1]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(cleartextSensitiveData, change)).toEqual(expected)
  })

  it.each<[string, (m: MinimalModel) => void, boolean]>([
    ['one patient’s pump and phone', cleartext, false],
    [
      'a fleet server on a network path',
      (m) => {
        cleartext(m)
        m.elements[1]!.kind = 'server'
        Object.assign(m.elements[1]!, { partOfDevice: true })
        m.interfaces[1]!.type = 'network'
      },
      true,
    ],
  ])('marks multi-patient harm for %s: %s', (_name, change, expected) => {
    const context = createThreatContext(validModel(change), '2026-11-28')
    expect(cleartextSensitiveData.evaluate(context).map((f) => f.multiPatient)).toEqual([expected])
  })
})
