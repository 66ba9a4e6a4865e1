import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { remoteServiceAccess } from './remote-service-access.js'

/** A manufacturer's support workstation reaches the pump over the network. */
const remote =
  (payload = ['commands'], type = 'network') =>
  (m: MinimalModel): void => {
    m.elements.push({ id: 'support', name: 'Support', kind: 'workstation', owner: 'manufacturer' })
    m.interfaces.push({ id: 'support-net', element: 'support', type, status: 'active' })
    m.interfaces.push({ id: 'pump-net', element: 'pump-device', type, status: 'active' })
    m.dataFlows.push({
      ...m.dataFlows[0]!,
      id: 'remote-session',
      name: 'Remote session',
      from: 'support',
      to: 'pump-device',
      protocol: 'RDP',
      interfaces: ['support-net', 'pump-net'],
      payload,
    })
  }

describe('remote-service-access', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a manufacturer session into the device', remote(), ['remote-session']],
    ['fires on remote configuration', remote(['configuration']), ['remote-session']],
    [
      'fires on a third-party service',
      (m) => {
        remote()(m)
        m.elements[2]!.owner = 'third-party'
      },
      ['remote-session'],
    ],
    [
      'is silent for a hospital-owned source',
      (m) => {
        remote()(m)
        m.elements[2]!.owner = 'hdo'
      },
      [],
    ],
    ['is silent for data only', remote(['data']), []],
    ['is silent for software downloads', remote(['software']), []],
    ['is silent for a service cable (not remote)', remote(['commands'], 'usb'), []],
    [
      'is silent when the source is part of the device',
      (m) => {
        remote()(m)
        Object.assign(m.elements[2]!, { partOfDevice: true })
      },
      [],
    ],
    [
      'is silent when no trust boundary is crossed',
      (m) => {
        remote()(m)
        m.trustBoundaries[0]!.elements.push('support')
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(remoteServiceAccess, change)).toEqual(expected)
  })
})
