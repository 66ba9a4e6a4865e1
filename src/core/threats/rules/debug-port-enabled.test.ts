import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { debugPortEnabled } from './debug-port-enabled.js'

describe('debug-port-enabled', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires on an unused JTAG port',
      (m) => {
        m.interfaces[2]!.status = 'unused'
      },
      ['pump-jtag'],
    ],
    ['is silent when the port is disabled', () => undefined, []],
    [
      'is silent on elements outside the device',
      (m) => {
        m.interfaces[2]!.status = 'unused'
        Object.assign(m.elements[0]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(debugPortEnabled, change)).toEqual(expected)
  })
})
