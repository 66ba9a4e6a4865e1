import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { essentialPerformanceReachableFromUntrustedZone } from './essential-performance-reachable-from-untrusted-zone.js'

const essential = (m: MinimalModel): void => {
  Object.assign(m.product, {
    essentialPerformance: [
      { id: 'dose-accuracy', description: 'Bolus accuracy', functions: ['bolus'] },
    ],
  })
}

/** A hospital server sends settings to the pump over its Ethernet port. */
const networked =
  (direction = 'both') =>
  (m: MinimalModel): void => {
    essential(m)
    m.elements.push({ id: 'server', name: 'Server', kind: 'server', owner: 'hdo' })
    m.interfaces.push(
      Object.assign(
        { id: 'pump-eth', element: 'pump-device', type: 'ethernet', status: 'active' },
        { direction },
      ),
    )
    m.dataFlows.push({
      ...m.dataFlows[0]!,
      id: 'settings',
      name: 'Settings',
      from: 'server',
      to: 'pump-device',
      interfaces: ['pump-eth'],
      payload: ['configuration'],
    })
  }

describe('essential-performance-reachable-from-untrusted-zone', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on network traffic from outside the boundary', networked(), ['pump-device']],
    ['is silent for the Bluetooth link (radio-jamming covers radios)', essential, []],
    [
      'is silent without essential performance',
      (m) => {
        networked()(m)
        Object.assign(m.product, { essentialPerformance: [] })
      },
      [],
    ],
    ['is silent when the device only connects out', networked('out'), []],
    [
      'is silent when the sender is in the same network zone',
      (m) => {
        networked()(m)
        m.trustBoundaries.push({
          id: 'ward',
          name: 'Ward network',
          kind: 'network-zone',
          elements: ['pump-device', 'server'],
        })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(essentialPerformanceReachableFromUntrustedZone, change)).toEqual(expected)
  })
})
