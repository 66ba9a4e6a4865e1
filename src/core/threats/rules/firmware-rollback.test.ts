import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { firmwareRollback } from './firmware-rollback.js'

const update =
  (replayProtection: boolean) =>
  (m: MinimalModel): void => {
    m.dataFlows[0]!.payload = ['software']
    m.dataFlows[0]!.integrity = 'signature'
    m.dataFlows[0]!.replayProtection = replayProtection
  }

describe('firmware-rollback', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on signed software without version protection', update(false), ['bolus-command']],
    ['is silent with anti-rollback protection', update(true), []],
    [
      'is silent for other payloads',
      (m) => {
        m.dataFlows[0]!.replayProtection = false
      },
      [],
    ],
    [
      'is silent on a relay that passes the image on',
      (m) => {
        update(false)(m)
        m.elements.push({ id: 'motor', name: 'Motor', kind: 'device-component', owner: 'patient' })
        m.dataFlows.push({
          ...m.dataFlows[0]!,
          id: 'motor-update',
          name: 'Motor update',
          from: 'pump-device',
          to: 'motor',
          interfaces: [],
          replayProtection: true,
        })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(firmwareRollback, change)).toEqual(expected)
  })
})
