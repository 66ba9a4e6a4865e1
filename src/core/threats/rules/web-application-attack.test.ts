import { describe, expect, it } from 'vitest'

import {
  subjectsFound,
  validModel,
  type MinimalModel,
} from '../../../../test/support/rule-harness.js'
import { createThreatContext } from '../threat-context.js'
import { webApplicationAttack } from './web-application-attack.js'

const host =
  (kind: string, port: Record<string, unknown>, owner = 'manufacturer') =>
  (m: MinimalModel): void => {
    m.elements.push({ id: 'portal', name: 'Portal', kind, owner })
    m.interfaces.push(
      Object.assign(
        { id: 'portal-port', element: 'portal', type: 'network', status: 'active' },
        port,
      ),
    )
  }
const cloudPushing = (m: MinimalModel): void => {
  host('cloud-service', {})(m)
  m.dataFlows.push({
    ...m.dataFlows[0]!,
    id: 'settings',
    name: 'Settings',
    from: 'portal',
    to: 'pump-device',
    payload: ['configuration'],
    interfaces: [],
  })
}

describe('web-application-attack', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a web application with a network interface', host('web-app', {}), ['portal']],
    ['is silent when the interface is disabled', host('web-app', { status: 'disabled' }), []],
    ['is silent on a third party service', host('cloud-service', {}, 'third-party'), []],
    [
      'fires on a server answering HTTPS',
      host('server', { direction: 'in', protocols: ['HTTPS'] }),
      ['portal'],
    ],
    ['fires on a server listening on port 443', host('server', { ports: ['443/tcp'] }), ['portal']],
    [
      'is silent on a server that only calls out over HTTPS',
      host('server', { direction: 'both', protocols: ['HTTPS'] }),
      [],
    ],
    [
      'is silent on a server that speaks no web protocol',
      host('server', { direction: 'in', protocols: ['HL7 v2 over MLLP'] }),
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(webApplicationAttack, change)).toEqual(expected)
  })

  it('marks a web service that drives devices of many patients as multi-patient', () => {
    const context = createThreatContext(validModel(cloudPushing), '2026-11-28')
    expect(webApplicationAttack.evaluate(context)).toMatchObject([
      { subject: 'portal', multiPatient: true },
    ])
  })
})
