import { describe, expect, it } from 'vitest'

import { minimalModel } from '../../../test/support/minimal-model.js'
import type { DeviceModel, Release } from '../model/index.js'
import { addYears, isCalendarDate } from './calendar-date.js'
import { phaseFromMilestones, supportStatusOn } from './support-phase.js'

const release: Release = {
  version: '1.0',
  date: '2024-01-01',
  changeType: 'initial',
  milestones: { endOfLife: '2028-01-01', endOfSupport: '2030-01-01' },
}

describe('phaseFromMilestones', () => {
  it.each([
    ['2023-12-31', 'development'],
    ['2024-01-01', 'support'],
    ['2027-12-31', 'support'],
    ['2028-01-01', 'limited-support'],
    ['2029-12-31', 'limited-support'],
    ['2030-01-01', 'end-of-support'],
  ])('on %s the release is in %s', (date, phase) => {
    expect(phaseFromMilestones(release, date)).toBe(phase)
  })

  it('stays in support without milestones', () => {
    expect(phaseFromMilestones({ ...release, milestones: {} }, '2099-01-01')).toBe('support')
  })
})

describe('supportStatusOn', () => {
  const model = { ...minimalModel(), releases: [release] } as unknown as DeviceModel

  it('gives the notice date two years before end of support and lists unsupported components', () => {
    const [status] = supportStatusOn(model, '2031-01-01')
    expect(status).toEqual({
      version: '1.0',
      phase: 'end-of-support',
      phaseSource: 'milestones',
      phaseFromMilestones: 'end-of-support',
      endOfLife: '2028-01-01',
      endOfSupport: '2030-01-01',
      endOfSupportNoticeDue: '2028-01-01',
      unsupportedComponents: [
        { id: 'freertos', endOfSupport: '2030-12-31', unsupportedAtRelease: false },
      ],
    })
  })

  it('keeps a declared phase and shows what the dates say', () => {
    const declared = {
      ...model,
      releases: [{ ...release, supportPhase: 'end-of-support' as const }],
    }
    expect(supportStatusOn(declared, '2025-01-01')[0]).toMatchObject({
      phase: 'end-of-support',
      phaseSource: 'declared',
      phaseFromMilestones: 'support',
    })
  })
})

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['24-01-01', false],
  ])('%s is a calendar date: %s', (date, valid) => {
    expect(isCalendarDate(date)).toBe(valid)
  })

  it.each([
    ['2030-01-01', -2, '2028-01-01'],
    ['2028-02-29', -2, '2026-02-28'],
    ['2024-12-31', 2, '2026-12-31'],
  ])('%s plus %i years is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected)
  })
})
