import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { thirdPartyFirmwareIntegrity } from './third-party-firmware-integrity.js'

const supplier = (name: string) => (m: MinimalModel) => {
  Object.assign(m.components[0]!, { supplier: name })
}

describe('third-party-firmware-integrity', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on an RTOS from another supplier', supplier('Amazon Web Services, Inc.'), ['freertos']],
    ['fires when the supplier is not recorded', () => undefined, ['freertos']],
    ["is silent on the manufacturer's own firmware", supplier('Test Medical Inc.'), []],
    [
      'fires on a chip',
      (m) => {
        m.components[0]!.kind = 'hardware'
      },
      ['freertos'],
    ],
    [
      'is silent on libraries',
      (m) => {
        m.components[0]!.kind = 'library'
      },
      [],
    ],
    [
      'is silent on components of general-purpose platforms',
      (m) => {
        m.components[0]!.elements = ['phone']
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(thirdPartyFirmwareIntegrity, change)).toEqual(expected)
  })
})
