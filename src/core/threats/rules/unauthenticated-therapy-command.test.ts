import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { unauthenticatedTherapyCommand } from './unauthenticated-therapy-command.js'

describe('unauthenticated-therapy-command', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on commands to a therapy element without authentication',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'none' }
      },
      ['bolus-command'],
    ],
    [
      'fires when only the pump proves its identity',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'destination' }
      },
      ['bolus-command'],
    ],
    ['is silent when the sender is authenticated', () => undefined, []],
    [
      "is silent for a person at the pump's own keys",
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'none' }
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
      'is silent for data without commands',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'none' }
        m.dataFlows[0]!.payload = ['data']
      },
      [],
    ],
    [
      'is silent when the destination delivers no therapy',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'none' }
        m.product.clinicalFunctions[0]!.category = 'diagnosis-monitoring'
        m.assets[0]!.category = 'clinical-workflow'
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(unauthenticatedTherapyCommand, change)).toEqual(expected)
  })
})
