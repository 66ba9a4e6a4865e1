import { describe, expect, it } from 'vitest'

import {
  subjectsFound,
  validModel,
  type MinimalModel,
} from '../../../../test/support/rule-harness.js'
import { createThreatContext } from '../threat-context.js'
import { storedDataTampering } from './stored-data-tampering.js'

const store =
  (kind = 'data-store') =>
  (m: MinimalModel): void => {
    m.elements.push({ id: 'records', name: 'Records', kind, owner: 'manufacturer' })
    Object.assign(m.assets[0]!, { elements: ['records'] })
  }
const fedByFleet = (m: MinimalModel): void => {
  store()(m)
  m.elements.push({ id: 'cloud', name: 'Cloud', kind: 'cloud-service', owner: 'manufacturer' })
  for (const [id, from, to] of [
    ['settings-push', 'cloud', 'pump-device'],
    ['settings-store', 'cloud', 'records'],
  ] as const) {
    m.dataFlows.push({ ...m.dataFlows[0]!, id, name: id, from, to, interfaces: [] })
  }
}

describe('stored-data-tampering', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a data store holding data whose integrity matters', store(), ['records']],
    [
      'fires on a server that runs a database',
      (m) => {
        store('server')(m)
        m.components.push({
          ...m.components[0]!,
          id: 'postgres',
          name: 'PostgreSQL',
          kind: 'database',
          elements: ['records'],
        })
      },
      ['records'],
    ],
    ['is silent on a server without a database', store('server'), []],
    [
      'is silent when integrity is not high',
      (m) => {
        store()(m)
        m.assets[0]!.security.integrity = 'low'
      },
      [],
    ],
    [
      'is silent for secrets, which other rules cover',
      (m) => {
        store()(m)
        m.assets[0]!.category = 'system-secrets'
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(storedDataTampering, change)).toEqual(expected)
  })

  it('marks a store of a fleet system as multi-patient', () => {
    const context = createThreatContext(validModel(fedByFleet), '2026-11-28')
    expect(storedDataTampering.evaluate(context)).toMatchObject([
      { subject: 'records', multiPatient: true },
    ])
  })
})
