import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { unusedInterfaceEnabled } from './unused-interface-enabled.js'

const addPort =
  (status: string, type = 'network') =>
  (m: MinimalModel): void => {
    m.interfaces.push({ id: 'pump-ssh', element: 'pump-device', type, status })
  }

describe('unused-interface-enabled', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on an enabled service nothing uses', addPort('unused'), ['pump-ssh']],
    ['fires on an unused USB port', addPort('unused', 'usb'), ['pump-ssh']],
    ['is silent on an active interface', addPort('active'), []],
    ['is silent on a disabled interface', addPort('disabled'), []],
    [
      'is silent on an unused debug port (debug-port-enabled reports it)',
      (m) => {
        m.interfaces[2]!.status = 'unused'
      },
      [],
    ],
    [
      'is silent on elements outside the device',
      (m) => {
        addPort('unused')(m)
        Object.assign(m.elements[0]!, { partOfDevice: false })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(unusedInterfaceEnabled, change)).toEqual(expected)
  })
})
