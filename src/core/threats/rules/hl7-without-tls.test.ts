import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { hl7WithoutTls } from './hl7-without-tls.js'

const hl7 =
  (protocol = 'HL7 v2.6 over MLLP') =>
  (m: MinimalModel): void => {
    m.dataFlows[0]!.protocol = protocol
    m.dataFlows[0]!.encryption = { type: 'none' }
    m.dataFlows[0]!.interfaces = []
  }

describe('hl7-without-tls', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on HL7 v2 over MLLP in clear', hl7(), ['bolus-command']],
    ['fires on MLLP named alone', hl7('MLLP'), ['bolus-command']],
    ['fires whatever the case', hl7('hl7 orders'), ['bolus-command']],
    [
      'is silent inside TLS',
      (m) => {
        hl7()(m)
        m.dataFlows[0]!.encryption = { type: 'tls' }
      },
      [],
    ],
    ['is silent for other protocols', hl7('HTTP REST'), []],
    [
      'is silent for HL7 files on removable media',
      (m) => {
        hl7()(m)
        m.interfaces[0]!.type = 'usb'
        m.interfaces[1]!.type = 'usb'
        m.dataFlows[0]!.interfaces = ['phone-ble', 'pump-ble']
      },
      [],
    ],
    [
      'is silent between elements outside the device',
      (m) => {
        hl7()(m)
        Object.assign(m.elements[0]!, { partOfDevice: false })
        Object.assign(m.elements[1]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(hl7WithoutTls, change)).toEqual(expected)
  })
})
