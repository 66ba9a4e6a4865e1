import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { legacyCleartextService } from './legacy-cleartext-service.js'

const service =
  (details: { protocols?: string[]; ports?: string[] }, status = 'unused') =>
  (m: MinimalModel): void => {
    m.interfaces.push(
      Object.assign(
        { id: 'pump-service', element: 'pump-device', type: 'network', status },
        details,
      ),
    )
  }

describe('legacy-cleartext-service', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on Telnet by name', service({ protocols: ['Telnet'] }), ['pump-service']],
    ['fires on the Telnet port', service({ ports: ['23/tcp'] }), ['pump-service']],
    ['fires on FTP', service({ protocols: ['FTP'] }, 'active'), ['pump-service']],
    ['fires on plain HTTP', service({ ports: ['80/tcp'] }, 'active'), ['pump-service']],
    ['is silent on HTTPS', service({ protocols: ['HTTPS'], ports: ['443/tcp'] }), []],
    ['is silent on SFTP', service({ protocols: ['SFTP'] }), []],
    ['is silent on HTTP inside TLS', service({ protocols: ['gRPC over HTTP/2 and TLS 1.3'] }), []],
    ['is silent when disabled', service({ ports: ['23/tcp'] }, 'disabled'), []],
    [
      'fires on a cleartext HTTP flow into the device',
      (m) => {
        service({}, 'active')(m)
        m.interfaces[1]!.type = 'network'
        m.dataFlows[0]!.interfaces = ['phone-ble', 'pump-service']
        m.dataFlows[0]!.protocol = 'HTTP REST'
        m.dataFlows[0]!.encryption = { type: 'none' }
      },
      ['pump-service'],
    ],
    [
      'fires on a server outside the device',
      (m) => {
        service({ protocols: ['FTP'] }, 'active')(m)
        m.elements[0]!.kind = 'server'
        Object.assign(m.elements[0]!, { partOfDevice: false })
      },
      ['pump-service'],
    ],
    [
      'is silent on a hospital system',
      (m) => {
        service({ protocols: ['Telnet'] })(m)
        m.elements[0]!.kind = 'hdo-system'
        Object.assign(m.elements[0]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(legacyCleartextService, change)).toEqual(expected)
  })
})
