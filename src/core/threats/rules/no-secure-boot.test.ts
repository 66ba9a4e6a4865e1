import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { noSecureBoot } from './no-secure-boot.js'

const firmwareOta = (m: MinimalModel): void => {
  m.dataFlows.push({
    ...m.dataFlows[0]!,
    id: 'firmware-ota',
    name: 'Firmware update',
    payload: ['software'],
    interfaces: [],
  })
}
const integrityControl = (m: MinimalModel, elements: string[]): void => {
  m.controls.push(
    Object.assign(
      { ...m.controls[0]!, id: 'secure-boot', category: 'code-data-execution-integrity' },
      { mitigates: [], elements },
    ),
  )
}

describe('no-secure-boot', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on a pump that installs firmware without integrity control',
      firmwareOta,
      ['pump-device'],
    ],
    [
      'is silent when a code integrity control covers the pump',
      (m) => {
        firmwareOta(m)
        integrityControl(m, ['pump-device'])
      },
      [],
    ],
    [
      'is silent when a code integrity control covers the software flow',
      (m) => {
        firmwareOta(m)
        integrityControl(m, ['firmware-ota'])
      },
      [],
    ],
    [
      'fires when the only integrity control validates command data',
      (m) => {
        firmwareOta(m)
        integrityControl(m, ['pump-device', 'bolus-command'])
      },
      ['pump-device'],
    ],
    [
      'is silent on a mobile app, which relies on its platform',
      (m) => {
        m.elements.push({ id: 'updates', name: 'Updates', kind: 'update-server', owner: 'hdo' })
        m.dataFlows.push({
          ...m.dataFlows[0]!,
          id: 'app-update',
          name: 'App update',
          from: 'updates',
          to: 'phone',
          payload: ['software'],
          interfaces: [],
          assets: [],
        })
      },
      [],
    ],
    ['is silent when no software is delivered', () => undefined, []],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(noSecureBoot, change)).toEqual(expected)
  })
})
