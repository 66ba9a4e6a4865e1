import { describe, expect, it } from 'vitest'

import { freertosFinding } from '../../../../test/support/finding-fixture.js'
import { validModel } from '../../../../test/support/rule-harness.js'
import { attackSurfaceOf, prioritize, prioritizeFindings, reachabilityOf } from './prioritize.js'

const finding = freertosFinding

const score = (value: number, rating: 'Low' | 'Medium' | 'High' | 'Critical') => ({
  severity: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', score: value, rating },
})
const KEV = { kev: { dateAdded: '2021-12-10' } }

/** The pump's BLE interface is its only external one; the phone has its own. */
const noRadio = (model: ReturnType<typeof structuredClone<Record<string, unknown>>>) => {
  const interfaces = model['interfaces'] as { id: string; status: string }[]
  for (const item of interfaces) if (item.id === 'pump-ble') item.status = 'disabled'
}

describe('prioritize', () => {
  it.each([
    ['KEV, reachable', { ...KEV, ...score(5, 'Medium') }, undefined, 'critical', true],
    [
      'KEV, no active external interface',
      { ...KEV, ...score(5, 'Medium') },
      noRadio,
      'high',
      false,
    ],
    [
      'EPSS above 0.1',
      { epss: { epss: 0.4, percentile: 0.97 }, ...score(5, 'Medium') },
      undefined,
      'high',
      true,
    ],
    ['critical vendor score', score(9.8, 'Critical'), undefined, 'high', true],
    ['critical vendor score, unreachable', score(9.8, 'Critical'), noRadio, 'medium', false],
    ['high vendor score', score(7.5, 'High'), undefined, 'medium', true],
    ['no score at all', {}, undefined, 'medium', true],
    ['low vendor score', score(3.1, 'Low'), undefined, 'low', true],
    ['low and unreachable stays low', score(3.1, 'Low'), noRadio, 'low', false],
    ['triaged not_affected', { ...KEV, status: 'not_affected' as const }, undefined, 'none', true],
  ] as const)('%s → %s', (_label, change, modelChange, level, reachable) => {
    const model = validModel(modelChange)
    const priority = prioritize(finding(change), attackSurfaceOf(model))
    expect(priority.level).toBe(level)
    expect(priority.reachable).toBe(reachable)
  })

  it('says why a component is unreachable, naming the element', () => {
    const model = validModel(noRadio)
    const priority = prioritize(finding(score(9.8, 'Critical')), attackSurfaceOf(model))
    expect(priority.reasons).toContain(
      'runs on pump-device, which has no active external interface',
    )
    expect(priority.reasons).toContain('vendor CVSS 9.8 Critical')
  })

  it('does not count debug ports, serial lines or unused radios as reachable', () => {
    const model = validModel((draft) => {
      draft.interfaces = [
        { id: 'pump-ble', element: 'pump-device', type: 'ble', status: 'unused' },
        { id: 'phone-ble', element: 'phone', type: 'ble', status: 'active' },
        { id: 'pump-jtag', element: 'pump-device', type: 'debug-jtag', status: 'active' },
        { id: 'pump-uart', element: 'pump-device', type: 'serial', status: 'active' },
      ]
    })
    expect(reachabilityOf(attackSurfaceOf(model), ['pump-device']).reachable).toBe(false)
    expect(reachabilityOf(attackSurfaceOf(model), ['pump-device', 'phone'])).toMatchObject({
      reachable: true,
      through: ['phone/phone-ble (ble)'],
    })
  })

  it('leaves reachability unknown without a device model (a bare SBOM)', () => {
    const priority = prioritize(finding({ ...KEV }), attackSurfaceOf(undefined))
    expect(priority.level).toBe('critical')
    expect(priority.reachable).toBeUndefined()
  })

  it("shows the manufacturer's environmental vector as the device score", () => {
    const model = validModel()
    const assessment = {
      finding: 'CVE-2018-16525@freertos',
      status: 'affected' as const,
      risk: { before: { cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:A/MPR:H' } },
    }
    const priority = prioritize(
      finding({ ...score(9.8, 'Critical'), status: 'affected', assessment }),
      attackSurfaceOf(model),
    )
    // FIRST's calculator: 9.8 base, environmental with MAV:A and MPR:H is 6.8.
    expect(priority.deviceScore?.score).toBe(6.8)
  })

  it('sorts the most urgent first', () => {
    const sorted = prioritizeFindings(
      [
        finding({ id: 'a@freertos', ...score(3.1, 'Low') }),
        finding({ id: 'b@freertos', ...score(9.8, 'Critical') }),
        finding({ id: 'c@freertos', ...KEV, ...score(5, 'Medium') }),
      ],
      validModel(),
    )
    expect(sorted.map((item) => item.id)).toEqual(['c@freertos', 'b@freertos', 'a@freertos'])
  })
})
