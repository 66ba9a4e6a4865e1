import { describe, expect, it } from 'vitest'

import {
  subjectsFound,
  validModel,
  type MinimalModel,
} from '../../../../test/support/rule-harness.js'
import { createThreatContext } from '../threat-context.js'
import { updateInfrastructureCompromise } from './update-infrastructure-compromise.js'

const push = (m: MinimalModel, id: string, from: string, to: string, payload: string[]): void => {
  m.dataFlows.push({ ...m.dataFlows[0]!, id, name: id, from, to, payload, interfaces: [] })
}
const updateServer = (m: MinimalModel): void => {
  m.elements.push({ id: 'updates', name: 'Updates', kind: 'update-server', owner: 'manufacturer' })
  push(m, 'firmware-push', 'updates', 'pump-device', ['software'])
}

describe('update-infrastructure-compromise', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on a phone that installs pump firmware',
      (m) => {
        push(m, 'firmware-ota', 'phone', 'pump-device', ['software'])
      },
      ['phone'],
    ],
    ['fires on an update server', updateServer, ['updates']],
    ['is silent when nothing sends software', () => undefined, []],
    [
      'is silent when the software goes to a system outside the device',
      (m) => {
        m.elements.push({ id: 'ehr', name: 'EHR', kind: 'hdo-system', owner: 'hdo' })
        push(m, 'export', 'phone', 'ehr', ['software'])
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(updateInfrastructureCompromise, change)).toEqual(expected)
  })

  it('marks an update server that serves many patients as multi-patient', () => {
    const context = createThreatContext(validModel(updateServer), '2026-11-28')
    expect(updateInfrastructureCompromise.evaluate(context)).toMatchObject([
      { subject: 'updates', multiPatient: true },
    ])
  })
})
