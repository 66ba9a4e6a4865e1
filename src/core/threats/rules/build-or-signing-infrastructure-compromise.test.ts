import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { buildOrSigningInfrastructureCompromise } from './build-or-signing-infrastructure-compromise.js'

const push = (m: MinimalModel, id: string, from: string, to: string, assets: string[]): void => {
  m.dataFlows.push({
    ...m.dataFlows[0]!,
    id,
    name: id,
    from,
    to,
    payload: ['software'],
    interfaces: [],
    assets,
  })
}

describe('build-or-signing-infrastructure-compromise', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on a device element that installs software',
      (m) => {
        push(m, 'firmware-ota', 'phone', 'pump-device', [])
      },
      ['pump-device'],
    ],
    [
      'is silent on a phone that only relays the firmware',
      (m) => {
        m.elements.push({ id: 'updates', name: 'Updates', kind: 'update-server', owner: 'hdo' })
        m.assets.push({ ...m.assets[0]!, id: 'pump-firmware', name: 'Firmware' })
        push(m, 'firmware-download', 'updates', 'phone', ['pump-firmware'])
        push(m, 'firmware-ota', 'phone', 'pump-device', ['pump-firmware'])
      },
      ['pump-device'],
    ],
    ['is silent when no software is delivered', () => undefined, []],
    [
      'is silent on elements outside the device',
      (m) => {
        push(m, 'firmware-ota', 'phone', 'pump-device', [])
        Object.assign(m.elements[0]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(buildOrSigningInfrastructureCompromise, change)).toEqual(expected)
  })
})
