import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { multiPatientMonitoringLoss } from './multi-patient-monitoring-loss.js'

/** Monitoring essential performance on the given elements; the pump becomes a bedside monitor. */
const surveillance = (m: MinimalModel, elements: string[]): void => {
  m.product.clinicalFunctions[0]!.category = 'diagnosis-monitoring'
  m.assets[0]!.category = 'diagnosis-monitoring'
  m.product.clinicalFunctions.push({
    id: 'central-surveillance',
    name: 'Central surveillance',
    category: 'diagnosis-monitoring',
    elements,
  })
  Object.assign(m.product, {
    essentialPerformance: [
      {
        id: 'central-alarms',
        description: 'Alarms reach the central',
        functions: ['central-surveillance'],
      },
    ],
  })
}
const vitals = (
  m: MinimalModel,
  id: string,
  from: string,
  to: string,
  payload = ['data'],
): void => {
  m.dataFlows.push({ ...m.dataFlows[0]!, id, name: id, from, to, payload, interfaces: [] })
}

describe('multi-patient-monitoring-loss', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on a central station that serves many bedsides',
      (m) => {
        m.elements.push({ id: 'central', name: 'Central', kind: 'workstation', owner: 'hdo' })
        surveillance(m, ['central'])
        vitals(m, 'alarm-limits', 'central', 'pump-device', ['commands'])
      },
      ['central'],
    ],
    [
      'fires on a system that gathers the data of several devices',
      (m) => {
        m.elements.push({ id: 'monitor-2', name: 'Monitor 2', kind: 'device', owner: 'hdo' })
        m.elements.push({ id: 'central', name: 'Central', kind: 'hdo-system', owner: 'hdo' })
        surveillance(m, ['central'])
        vitals(m, 'vitals-1', 'pump-device', 'central')
        vitals(m, 'vitals-2', 'monitor-2', 'central')
      },
      ['central'],
    ],
    [
      'fires on an element fed by a device deployed in larger numbers',
      (m) => {
        m.elements.push({ id: 'central', name: 'Central', kind: 'device', owner: 'hdo' })
        Object.assign(m.elements[0]!, { quantity: 16 })
        surveillance(m, ['central'])
        vitals(m, 'vitals', 'pump-device', 'central')
      },
      ['central'],
    ],
    [
      'fires on an access point relaying bedside data to the central station',
      (m) => {
        m.elements.push({ id: 'central', name: 'Central', kind: 'workstation', owner: 'hdo' })
        m.elements.push({ id: 'access-point', name: 'AP', kind: 'device-component', owner: 'hdo' })
        surveillance(m, ['central', 'access-point'])
        vitals(m, 'alarm-limits', 'central', 'pump-device', ['commands'])
        vitals(m, 'uplink', 'pump-device', 'access-point')
        vitals(m, 'relay', 'access-point', 'central')
      },
      ['central', 'access-point'],
    ],
    [
      "is silent on the patient's own phone relaying their data",
      (m) => {
        m.elements.push({ id: 'central', name: 'Central', kind: 'workstation', owner: 'hdo' })
        surveillance(m, ['central', 'phone'])
        vitals(m, 'alarm-limits', 'central', 'pump-device', ['commands'])
        vitals(m, 'uplink', 'pump-device', 'phone')
        vitals(m, 'relay', 'phone', 'central')
      },
      ['central'],
    ],
    [
      'is silent without monitoring essential performance',
      (m) => {
        m.elements.push({ id: 'central', name: 'Central', kind: 'workstation', owner: 'hdo' })
        vitals(m, 'alarm-limits', 'central', 'pump-device', ['commands'])
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(multiPatientMonitoringLoss, change)).toEqual(expected)
  })
})
