import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { unsignedSoftwareUpdate } from './unsigned-software-update.js'

const update =
  (integrity: string) =>
  (m: MinimalModel): void => {
    m.dataFlows[0]!.payload = ['software']
    m.dataFlows[0]!.integrity = integrity
  }

/** The pump passes the same image on to its motor controller. */
const relay =
  (integrity: string) =>
  (m: MinimalModel): void => {
    m.elements.push({ id: 'motor', name: 'Motor', kind: 'device-component', owner: 'patient' })
    m.dataFlows.push({
      ...m.dataFlows[0]!,
      id: 'motor-update',
      name: 'Motor update',
      from: 'pump-device',
      to: 'motor',
      interfaces: [],
      integrity,
    })
  }

describe('unsigned-software-update', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on software checked by a CRC only', update('crc'), ['bolus-command']],
    [
      'fires on software protected only by the channel',
      update('authenticated-encryption'),
      ['bolus-command'],
    ],
    ['is silent on signed software', update('signature'), []],
    ['is silent for other payloads', () => undefined, []],
    [
      'reports the hop where the software is installed, not the relay before it',
      (m) => {
        update('mac')(m)
        relay('mac')(m)
      },
      ['motor-update'],
    ],
    [
      'is silent when the last hop is signed',
      (m) => {
        update('mac')(m)
        relay('signature')(m)
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(unsignedSoftwareUpdate, change)).toEqual(expected)
  })
})
