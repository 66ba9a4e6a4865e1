import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { alarmSuppressionByCommand } from './alarm-suppression-by-command.js'

/** The pump becomes a monitor whose alarms are essential performance; the command sets limits. */
const monitor = (m: MinimalModel): void => {
  m.product.clinicalFunctions[0]!.category = 'diagnosis-monitoring'
  m.assets[0]!.category = 'diagnosis-monitoring'
  Object.assign(m.product, {
    essentialPerformance: [{ id: 'alarms', description: 'Alarms sound', functions: ['bolus'] }],
  })
}

describe('alarm-suppression-by-command', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on alarm settings sent to a monitor', monitor, ['pump-device']],
    [
      'is silent without essential performance',
      (m) => {
        monitor(m)
        Object.assign(m.product, { essentialPerformance: [] })
      },
      [],
    ],
    [
      'is silent for a person at the monitor',
      (m) => {
        monitor(m)
        m.interfaces.push({
          id: 'keys',
          element: 'pump-device',
          type: 'user-interface',
          status: 'active',
        })
        m.dataFlows[0]!.interfaces = ['keys']
      },
      [],
    ],
    [
      'is silent when the flow carries no monitoring data',
      (m) => {
        monitor(m)
        m.assets[0]!.category = 'clinical-workflow'
      },
      [],
    ],
    [
      'fires on commands whose assets are not listed',
      (m) => {
        monitor(m)
        m.dataFlows[0]!.assets = []
      },
      ['pump-device'],
    ],
    [
      'is silent on configuration whose assets are not listed',
      (m) => {
        monitor(m)
        m.dataFlows[0]!.assets = []
        m.dataFlows[0]!.payload = ['configuration']
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(alarmSuppressionByCommand, change)).toEqual(expected)
  })
})
