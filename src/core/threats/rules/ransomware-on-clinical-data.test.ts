import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { ransomwareOnClinicalData } from './ransomware-on-clinical-data.js'

const server =
  (kind = 'server', owner = 'manufacturer') =>
  (m: MinimalModel): void => {
    m.elements.push({ id: 'plan-server', name: 'Plan server', kind, owner })
    Object.assign(m.assets[0]!, { elements: ['plan-server'] })
  }

describe('ransomware-on-clinical-data', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a server holding therapy data that must stay available', server(), ['plan-server']],
    ['fires on a data store', server('data-store'), ['plan-server']],
    [
      'is silent with a resiliency and recovery control',
      (m) => {
        server()(m)
        m.controls.push(
          Object.assign(
            { ...m.controls[0]!, id: 'backup', category: 'resiliency-recovery' },
            { mitigates: [], elements: ['plan-server'] },
          ),
        )
      },
      [],
    ],
    [
      'is silent when availability is not high',
      (m) => {
        server()(m)
        m.assets[0]!.security.availability = 'low'
      },
      [],
    ],
    [
      'is silent for data outside the clinical categories',
      (m) => {
        server()(m)
        m.assets[0]!.category = 'phi'
      },
      [],
    ],
    ['is silent on hospital servers outside the device', server('server', 'hdo'), []],
    ['is silent on embedded devices', server('device'), []],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(ransomwareOnClinicalData, change)).toEqual(expected)
  })
})
