import { describe, expect, it } from 'vitest'

import { idFromName, isValidId, uniqueId } from './entry-ids.js'

describe('idFromName', () => {
  it.each([
    ['Pump BLE radio', 'pump-ble-radio'],
    ['  Aria app (patient phone) ', 'aria-app-patient-phone'],
    ['Café -- Über', 'cafe-uber'],
    ['患者', 'entry'],
    ['', 'entry'],
  ])('%j → %s', (name, id) => {
    expect(idFromName(name)).toBe(id)
  })

  it('keeps to 80 characters without a trailing hyphen', () => {
    const id = idFromName(`${'a'.repeat(79)} b`)
    expect(id).toBe('a'.repeat(79))
    expect(isValidId(idFromName('x'.repeat(200)))).toBe(true)
  })
})

describe('uniqueId', () => {
  it('keeps a free id and numbers a taken one', () => {
    expect(uniqueId('pump', new Set(['radio']))).toBe('pump')
    expect(uniqueId('pump', new Set(['pump', 'pump-2']))).toBe('pump-3')
  })

  it('stays within 80 characters when numbering', () => {
    const long = 'a'.repeat(80)
    const id = uniqueId(long, new Set([long]))
    expect(id).toHaveLength(80)
    expect(id.endsWith('-2')).toBe(true)
  })
})

describe('isValidId', () => {
  it.each([
    ['pump-radio', true],
    ['Pump', false],
    ['pump--radio', false],
    ['-pump', false],
    ['', false],
  ])('%s → %s', (id, valid) => {
    expect(isValidId(id)).toBe(valid)
  })
})
