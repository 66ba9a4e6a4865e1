import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { deprecatedProtocolVersion } from './deprecated-protocol-version.js'

const encryption =
  (type: string, details: object = {}) =>
  (m: MinimalModel): void => {
    m.dataFlows[0]!.encryption = Object.assign({ type }, details)
  }

describe('deprecated-protocol-version', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on TLS 1.0', encryption('tls', { version: '1.0' }), ['bolus-command']],
    ['fires on TLS v1.1', encryption('tls', { version: 'v1.1' }), ['bolus-command']],
    ['fires on DTLS 1.0', encryption('dtls', { version: '1.0' }), ['bolus-command']],
    ['fires on SSL 3.0', encryption('tls', { version: 'SSLv3' }), ['bolus-command']],
    [
      'fires on an old version named in the mechanism',
      encryption('vpn', { mechanism: 'TLS 1.2 SSL VPN; RDP inner TLS 1.0' }),
      ['bolus-command'],
    ],
    ['fires on WEP', encryption('wifi-link-layer', { version: 'WEP' }), ['bolus-command']],
    ['fires on proprietary encryption', encryption('proprietary'), ['bolus-command']],
    ['is silent on TLS 1.2', encryption('tls', { version: '1.2' }), []],
    ['is silent on TLS 1.3', encryption('tls', { version: '1.3' }), []],
    [
      'is silent on an SSL VPN product running TLS 1.2',
      encryption('vpn', { mechanism: 'TLS 1.2 SSL VPN' }),
      [],
    ],
    ['is silent on WPA2', encryption('wifi-link-layer', { version: 'WPA2' }), []],
    ['is silent when the version is not stated', encryption('tls'), []],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(deprecatedProtocolVersion, change)).toEqual(expected)
  })
})
