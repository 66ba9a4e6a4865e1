import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { replayableTherapyCommand } from './replayable-therapy-command.js'

const replayable = (m: MinimalModel): void => {
  m.dataFlows[0]!.replayProtection = false
}

describe('replayable-therapy-command', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on therapy commands without replay protection', replayable, ['bolus-command']],
    ['is silent when commands carry nonces or counters', () => undefined, []],
    [
      'is silent for data without commands',
      (m) => {
        replayable(m)
        m.dataFlows[0]!.payload = ['data']
      },
      [],
    ],
    [
      'is silent when the destination only stores therapy data',
      (m) => {
        replayable(m)
        m.product.clinicalFunctions[0]!.category = 'diagnosis-monitoring'
        Object.assign(m.assets[0]!, { elements: ['pump-device'] })
      },
      [],
    ],
    [
      "is silent for a person at the pump's own keys",
      (m) => {
        replayable(m)
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
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(replayableTherapyCommand, change)).toEqual(expected)
  })
})
