import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { noSecurityEventLogging } from './no-security-event-logging.js'

describe('no-security-event-logging', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a pump that neither logs nor reports', () => undefined, ['pump-device']],
    [
      'is silent when a logging control covers the pump',
      (m) => {
        m.controls.push(
          Object.assign(
            { ...m.controls[0]!, id: 'event-log', category: 'event-detection-logging' },
            { mitigates: [], elements: ['pump-device'] },
          ),
        )
      },
      [],
    ],
    [
      'is silent when the pump sends its logs on',
      (m) => {
        m.elements.push({ id: 'siem', name: 'SIEM', kind: 'hdo-system', owner: 'hdo' })
        m.dataFlows.push({
          ...m.dataFlows[0]!,
          id: 'log-upload',
          name: 'Logs',
          from: 'pump-device',
          to: 'siem',
          payload: ['logs'],
          interfaces: [],
        })
      },
      [],
    ],
    [
      'is silent on elements neither in the device nor run by the manufacturer',
      (m) => {
        Object.assign(m.elements[0]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(noSecurityEventLogging, change)).toEqual(expected)
  })
})
