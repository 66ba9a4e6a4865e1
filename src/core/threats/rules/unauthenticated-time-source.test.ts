import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { unauthenticatedTimeSource } from './unauthenticated-time-source.js'

const timeSync =
  (protocol = 'NTPv4', to = 'pump-device') =>
  (m: MinimalModel): void => {
    m.elements.push({ id: 'ntp', name: 'NTP server', kind: 'network-infrastructure', owner: 'hdo' })
    m.dataFlows.push({
      ...m.dataFlows[0]!,
      id: 'time-sync',
      name: 'Time',
      from: 'ntp',
      to,
      protocol,
      payload: ['configuration'],
      interfaces: [],
      assets: [],
      authentication: { type: 'none' },
    })
  }

describe('unauthenticated-time-source', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on unauthenticated NTP to a therapy element', timeSync(), ['time-sync']],
    ['fires on SNTP', timeSync('SNTP over UDP'), ['time-sync']],
    [
      'fires when the server is authenticated but the device does not check it',
      (m) => {
        timeSync('PTP')(m)
        m.dataFlows[1]!.authentication = { type: 'destination' }
      },
      ['time-sync'],
    ],
    [
      'is silent when the device authenticates the time source',
      (m) => {
        timeSync('NTPv4 with NTS')(m)
        m.dataFlows[1]!.authentication = { type: 'source' }
      },
      [],
    ],
    ['is silent for other protocols', timeSync('DHCP'), []],
    ['is silent for real-time protocols', timeSync('Real-time telemetry stream'), []],
    ['is silent when the destination has no clinical function', timeSync('NTP', 'phone'), []],
    [
      'fires on a monitoring element',
      (m) => {
        timeSync()(m)
        m.product.clinicalFunctions[0]!.category = 'diagnosis-monitoring'
        m.assets[0]!.category = 'diagnosis-monitoring'
      },
      ['time-sync'],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(unauthenticatedTimeSource, change)).toEqual(expected)
  })
})
