import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { fleetWideHarmThroughCloud } from './fleet-wide-harm-through-cloud.js'

const push = (m: MinimalModel, id: string, from: string, to: string, payload: string[]): void => {
  m.dataFlows.push({ ...m.dataFlows[0]!, id, name: id, from, to, payload, interfaces: [] })
}

describe('fleet-wide-harm-through-cloud', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on a cloud service that configures the pumps',
      (m) => {
        m.elements.push({
          id: 'cloud',
          name: 'Cloud',
          kind: 'cloud-service',
          owner: 'manufacturer',
        })
        push(m, 'settings-push', 'cloud', 'pump-device', ['configuration'])
      },
      ['cloud'],
    ],
    [
      'is silent when the cloud only sends data',
      (m) => {
        m.elements.push({
          id: 'cloud',
          name: 'Cloud',
          kind: 'cloud-service',
          owner: 'manufacturer',
        })
        push(m, 'report', 'cloud', 'pump-device', ['data'])
      },
      [],
    ],
    ['is silent when only a phone commands the pump', () => undefined, []],
    [
      'names the fleet server, not the hospital workstation that feeds it',
      (m) => {
        m.elements.push({ id: 'fleet-server', name: 'Server', kind: 'server', owner: 'hdo' })
        m.elements.push({ id: 'pharmacy', name: 'Pharmacy PC', kind: 'workstation', owner: 'hdo' })
        Object.assign(m.elements[2]!, { partOfDevice: true })
        push(m, 'library-push', 'fleet-server', 'pump-device', ['configuration'])
        push(m, 'library-edit', 'pharmacy', 'fleet-server', ['configuration'])
      },
      ['fleet-server'],
    ],
    [
      "fires on the manufacturer's service station",
      (m) => {
        m.elements.push({
          id: 'service-station',
          name: 'Depot station',
          kind: 'workstation',
          owner: 'manufacturer',
        })
        push(m, 'service', 'service-station', 'pump-device', ['commands', 'software'])
      },
      ['service-station'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(fleetWideHarmThroughCloud, change)).toEqual(expected)
  })
})
