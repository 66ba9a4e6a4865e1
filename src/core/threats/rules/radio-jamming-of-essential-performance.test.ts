import { describe, expect, it } from 'vitest'

import {
  subjectsFound,
  validModel,
  type MinimalModel,
} from '../../../../test/support/rule-harness.js'
import { createThreatContext } from '../threat-context.js'
import { radioJammingOfEssentialPerformance } from './radio-jamming-of-essential-performance.js'

const essential = (m: MinimalModel): void => {
  Object.assign(m.product, {
    essentialPerformance: [
      { id: 'dose-accuracy', description: 'Bolus accuracy', functions: ['bolus'] },
    ],
  })
}

describe('radio-jamming-of-essential-performance', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on both radios of the bolus link', essential, ['pump-ble', 'phone-ble']],
    ['is silent without essential performance', () => undefined, []],
    [
      'fires on data whose availability matters',
      (m) => {
        essential(m)
        m.dataFlows[0]!.payload = ['data']
      },
      ['pump-ble', 'phone-ble'],
    ],
    [
      'is silent for data whose loss does not matter',
      (m) => {
        essential(m)
        m.dataFlows[0]!.payload = ['data']
        m.assets[0]!.security.availability = 'low'
      },
      [],
    ],
    [
      'is silent for wired links',
      (m) => {
        essential(m)
        m.interfaces[0]!.type = 'usb'
        m.interfaces[1]!.type = 'usb'
      },
      [],
    ],
    [
      'is silent on elements outside the device',
      (m) => {
        essential(m)
        Object.assign(m.elements[1]!, { partOfDevice: false })
      },
      ['pump-ble'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(radioJammingOfEssentialPerformance, change)).toEqual(expected)
  })

  it.each<[string, string, boolean]>([
    ['at home', 'home', false],
    ['on a hospital network', 'hospital-network', true],
  ])('marks multi-patient harm %s', (_name, environment, expected) => {
    const model = validModel((m) => {
      essential(m)
      m.product.useEnvironments = [environment]
    })
    const findings = radioJammingOfEssentialPerformance.evaluate(
      createThreatContext(model, '2026-11-28'),
    )
    expect(findings.map((f) => f.multiPatient)).toEqual([expected, expected])
  })
})
