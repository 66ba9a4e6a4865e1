import { describe, expect, test } from 'vitest'

import { filterRisks, nextDeadline, NO_RISK_FILTERS } from './risk-filters.js'
import { rating, riskOf } from './test-risks.js'

type Deadline = ReturnType<typeof riskOf>['deadlines'][number]
const deadline = (id: string, state: string, daysRemaining: number): Deadline => ({
  id,
  title: id,
  start: '2026-11-01',
  due: '2026-12-01',
  source: { document: 'FDA postmarket', clause: 'VI.A' },
  state,
  daysRemaining,
})

const entries = [
  riskOf({ id: 'a', title: 'Spoofed BLE peer' }),
  riskOf({
    id: 'b',
    title: 'Forged firmware over USB',
    controlStatus: 'uncontrolled',
    residual: rating('high', 'serious', { controlStatus: 'uncontrolled' }),
  }),
]

describe('filterRisks', () => {
  test('controlled and uncontrolled', () => {
    expect(filterRisks(entries, { ...NO_RISK_FILTERS, control: 'uncontrolled' })).toEqual([
      entries[1],
    ])
    expect(filterRisks(entries, { ...NO_RISK_FILTERS, control: 'controlled' })).toEqual([
      entries[0],
    ])
  })

  test('a heatmap cell and text narrow it further', () => {
    const cell = { stage: 'residual' as const, exploitability: 'high', severity: 'serious' }
    expect(filterRisks(entries, { ...NO_RISK_FILTERS, cell })).toEqual([entries[1]])
    expect(filterRisks(entries, { ...NO_RISK_FILTERS, text: 'usb' })).toEqual([entries[1]])
    expect(filterRisks(entries, { control: 'controlled', cell, text: '' })).toEqual([])
  })
})

describe('nextDeadline', () => {
  test('the nearest deadline not yet met, a missed one before an open one', () => {
    const entry = riskOf({
      deadlines: [
        deadline('fda-30', 'missed', -3),
        deadline('fda-60', 'open', 27),
        deadline('notice', 'met', -40),
      ],
    })
    expect(nextDeadline(entry)?.id).toBe('fda-30')
    expect(nextDeadline(riskOf({ deadlines: [deadline('notice', 'met', -40)] }))).toBeUndefined()
  })
})
