import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { spoofedDiagnosticData } from './spoofed-diagnostic-data.js'

const readings =
  (authentication = 'none') =>
  (m: MinimalModel): void => {
    m.assets[0]!.category = 'diagnosis-monitoring'
    m.dataFlows[0]!.payload = ['data']
    m.dataFlows[0]!.authentication = { type: authentication }
  }

describe('spoofed-diagnostic-data', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on unauthenticated readings', readings(), ['bolus-command']],
    ['fires when only the receiver proves itself', readings('destination'), ['bolus-command']],
    ['is silent when the sender is authenticated', readings('source'), []],
    [
      'is silent for commands (other rules report them)',
      (m) => {
        readings()(m)
        m.dataFlows[0]!.payload = ['commands']
      },
      [],
    ],
    [
      'is silent for therapy data',
      (m) => {
        readings()(m)
        m.assets[0]!.category = 'therapy-delivery'
      },
      [],
    ],
    [
      'is silent for signals from the patient’s body',
      (m) => {
        readings()(m)
        m.elements[1]!.kind = 'external-entity'
        m.dataFlows[0]!.interfaces = []
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(spoofedDiagnosticData, change)).toEqual(expected)
  })
})
