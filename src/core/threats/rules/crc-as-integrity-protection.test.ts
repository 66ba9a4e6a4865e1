import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { crcAsIntegrityProtection } from './crc-as-integrity-protection.js'

const crc = (m: MinimalModel): void => {
  m.dataFlows[0]!.integrity = 'crc'
}

describe('crc-as-integrity-protection', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on commands protected by a CRC only', crc, ['bolus-command']],
    [
      'fires on clinical data protected by a CRC only',
      (m) => {
        crc(m)
        m.dataFlows[0]!.payload = ['data']
      },
      ['bolus-command'],
    ],
    [
      'fires on software protected by a CRC only',
      (m) => {
        crc(m)
        m.dataFlows[0]!.payload = ['software']
        m.dataFlows[0]!.assets = []
      },
      ['bolus-command'],
    ],
    [
      'is silent for logs without clinical data',
      (m) => {
        crc(m)
        m.dataFlows[0]!.payload = ['logs']
        m.dataFlows[0]!.assets = []
      },
      [],
    ],
    ['is silent with authenticated encryption', () => undefined, []],
    [
      'is silent with a MAC',
      (m) => {
        m.dataFlows[0]!.integrity = 'mac'
      },
      [],
    ],
    [
      'is silent for programming through a debug port',
      (m) => {
        crc(m)
        m.interfaces[2]!.status = 'active'
        m.dataFlows[0]!.interfaces = ['pump-jtag']
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(crcAsIntegrityProtection, change)).toEqual(expected)
  })
})
