import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { configurationTamperingInTransit } from './configuration-tampering-in-transit.js'

const configuration =
  (integrity: string) =>
  (m: MinimalModel): void => {
    m.dataFlows[0]!.payload = ['configuration']
    m.dataFlows[0]!.integrity = integrity
  }

describe('configuration-tampering-in-transit', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on configuration with no integrity protection',
      configuration('none'),
      ['bolus-command'],
    ],
    ['fires on configuration protected by a CRC only', configuration('crc'), ['bolus-command']],
    ['is silent with a MAC', configuration('mac'), []],
    ['is silent with a signature', configuration('signature'), []],
    [
      'is silent for commands',
      (m) => {
        m.dataFlows[0]!.integrity = 'none'
      },
      [],
    ],
    [
      "is silent for settings entered on the pump's own keys",
      (m) => {
        configuration('none')(m)
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
    expect(subjectsFound(configurationTamperingInTransit, change)).toEqual(expected)
  })
})
