import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { phiExportToRemovableMedia } from './phi-export-to-removable-media.js'

const withPort =
  (type: string, fields: Record<string, unknown> = {}) =>
  (m: MinimalModel) => {
    m.assets.push(
      Object.assign(
        { ...m.assets[0]!, id: 'history', name: 'Therapy history', category: 'phi' },
        { elements: ['pump-device'] },
      ),
    )
    m.interfaces.push(
      Object.assign({ id: 'pump-port', element: 'pump-device', type, status: 'active' }, fields),
    )
  }

describe('phi-export-to-removable-media', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a USB port beside PHI', withPort('usb'), ['pump-device']],
    ['fires on a disc drive', withPort('removable-media'), ['pump-device']],
    ['fires on an unused USB host port', withPort('usb', { status: 'unused' }), ['pump-device']],
    ['is silent when the port is disabled', withPort('usb', { status: 'disabled' }), []],
    [
      'is silent on a peripheral-side USB port',
      withPort('usb', { protocols: ['USB 2.0 device', 'CDC-ACM'] }),
      [],
    ],
    [
      'fires when the port also offers mass storage',
      withPort('usb', { protocols: ['USB 2.0 device', 'mass storage'] }),
      ['pump-device'],
    ],
    ['is silent without PHI', () => undefined, []],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(phiExportToRemovableMedia, change)).toEqual(expected)
  })
})
