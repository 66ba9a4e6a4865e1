import { describe, expect, test } from 'vitest'

import { controlOptions } from './model-ids.js'
import type { ControlCoverage } from './types.js'

describe('controlOptions', () => {
  test('every control of the coverage, named where the coverage names it', () => {
    const coverage = {
      controlThreats: [
        { control: 'ble-lesc', threats: [] },
        { control: 'signed-firmware', threats: ['usb-tampering@pump-usb'] },
      ],
      controlsWithoutVerification: [
        {
          control: 'ble-lesc',
          name: 'LE Secure Connections',
          category: 'authentication',
          status: 'planned',
        },
      ],
      controlsFailingVerification: [],
    } as unknown as ControlCoverage
    expect(controlOptions(coverage)).toEqual([
      { id: 'ble-lesc', name: 'LE Secure Connections' },
      { id: 'signed-firmware' },
    ])
  })
})
