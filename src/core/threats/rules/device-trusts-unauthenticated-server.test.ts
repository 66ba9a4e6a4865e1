import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { deviceTrustsUnauthenticatedServer } from './device-trusts-unauthenticated-server.js'

const unauthenticated =
  (payload: string[], type = 'none') =>
  (m: MinimalModel): void => {
    m.dataFlows[0]!.payload = payload
    m.dataFlows[0]!.authentication = { type }
  }

describe('device-trusts-unauthenticated-server', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on configuration from an unauthenticated source',
      unauthenticated(['configuration']),
      ['bolus-command'],
    ],
    [
      'fires on unsigned software behind server-only authentication',
      (m) => {
        unauthenticated(['software'], 'destination')(m)
        m.dataFlows[0]!.integrity = 'mac'
      },
      ['bolus-command'],
    ],
    [
      'fires on commands to a device that delivers no therapy',
      (m) => {
        unauthenticated(['commands'])(m)
        m.product.clinicalFunctions[0]!.category = 'diagnosis-monitoring'
        m.assets[0]!.category = 'diagnosis-monitoring'
      },
      ['bolus-command'],
    ],
    [
      'is silent for therapy commands (unauthenticated-therapy-command reports them)',
      unauthenticated(['commands']),
      [],
    ],
    [
      'is silent when the device authenticates the source',
      unauthenticated(['configuration'], 'source'),
      [],
    ],
    [
      'is silent for signed software',
      (m) => {
        unauthenticated(['software'], 'destination')(m)
        m.dataFlows[0]!.integrity = 'signature'
      },
      [],
    ],
    [
      'is silent for software a relay only passes on',
      (m) => {
        m.elements.push({
          id: 'updates',
          name: 'Updates',
          kind: 'update-server',
          owner: 'manufacturer',
        })
        m.dataFlows[0]!.payload = ['software']
        m.dataFlows.push({
          ...m.dataFlows[0]!,
          id: 'download',
          name: 'Download',
          from: 'updates',
          to: 'phone',
          interfaces: [],
          integrity: 'mac',
          authentication: { type: 'destination' },
        })
      },
      [],
    ],
    ['is silent for data', unauthenticated(['data']), []],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(deviceTrustsUnauthenticatedServer, change)).toEqual(expected)
  })
})
