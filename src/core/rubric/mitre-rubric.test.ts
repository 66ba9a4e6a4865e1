import { describe, expect, it } from 'vitest'

import { applyRubric, type Answer, type RubricAnswers } from './mitre-rubric.js'

/** Every impact question answered no, so only the questions under test decide the vector. */
const NO_IMPACT: RubricAnswers = Object.fromEntries(
  ['C', 'I', 'A'].flatMap((p) =>
    ['P', 'D', 'T', 'W', 'S', 'O'].map((c) => [`X${p}${c}`, { answer: 'no' }]),
  ),
)
const BASE: RubricAnswers = {
  ...NO_IMPACT,
  XAVN: { answer: 'yes' },
  XAVT: { answer: 'yes' },
  XACL: { answer: 'yes' },
  XPRL: { answer: 'no' },
  XUI: { answer: 'no' },
  XS: { answer: 'no' },
}

const metric = (answers: Record<string, Answer>, name: string) => {
  const given = Object.fromEntries(Object.entries(answers).map(([q, a]) => [q, { answer: a }]))
  const result = applyRubric({ ...BASE, ...given })
  if (!result.ok) throw new Error(result.error.message)
  return result.value.metrics[name as 'AV']
}

describe('the MITRE medical CVSS rubric', () => {
  it.each<[Record<string, Answer>, string]>([
    [{ XAVN: 'unknown' }, 'N'],
    [{ XAVN: 'yes', XAVT: 'yes' }, 'N'],
    [{ XAVN: 'yes', XAVT: 'unknown' }, 'N'],
    [{ XAVN: 'yes', XAVT: 'no', XAVW: 'no' }, 'L'],
    [{ XAVN: 'yes', XAVT: 'no', XAVW: 'yes', XAVR: 'yes' }, 'L'],
    [{ XAVN: 'yes', XAVT: 'no', XAVW: 'yes', XAVR: 'no' }, 'A'],
    [{ XAVN: 'yes', XAVT: 'no', XAVW: 'yes', XAVR: 'unknown' }, 'A'],
    [{ XAVN: 'yes', XAVT: 'no', XAVW: 'unknown', XAVR: 'no' }, 'A'],
    [{ XAVN: 'no', XAVP: 'yes', XAVPA: 'yes' }, 'P'],
    [{ XAVN: 'no', XAVP: 'yes', XAVPA: 'no' }, 'P'],
    [{ XAVN: 'no', XAVP: 'no' }, 'L'],
    [{ XAVN: 'no', XAVP: 'unknown' }, 'L'],
  ])('attack vector: %j gives AV:%s', (answers, expected) => {
    expect(metric(answers, 'AV')).toBe(expected)
  })

  it('lets a manufacturer score short-range wireless and non-IP wired as adjacent', () => {
    const options = { nonIpWired: 'A', shortRangeWireless: 'A' } as const
    const given = (answers: Record<string, Answer>) =>
      applyRubric(
        {
          ...BASE,
          ...Object.fromEntries(Object.entries(answers).map(([q, a]) => [q, { answer: a }])),
        },
        options,
      )
    const wired = given({ XAVT: 'no', XAVW: 'no' })
    const ble = given({ XAVT: 'no', XAVW: 'yes', XAVR: 'yes' })
    expect(wired.ok && wired.value.metrics.AV).toBe('A')
    expect(ble.ok && ble.value.metrics.AV).toBe('A')
  })

  it.each<[string, Record<string, Answer>, string]>([
    ['AC', { XACL: 'yes' }, 'L'],
    ['AC', { XACL: 'unknown' }, 'L'],
    ['AC', { XACL: 'no' }, 'H'],
    ['PR', { XPRL: 'no' }, 'N'],
    ['PR', { XPRL: 'unknown' }, 'N'],
    ['PR', { XPRL: 'yes', XPRZ: 'no' }, 'N'],
    ['PR', { XPRL: 'yes', XPRZ: 'yes', XPRS: 'no' }, 'L'],
    ['PR', { XPRL: 'yes', XPRZ: 'yes', XPRS: 'unknown' }, 'L'],
    ['PR', { XPRL: 'yes', XPRZ: 'yes', XPRS: 'yes' }, 'H'],
    ['UI', { XUI: 'no' }, 'N'],
    ['UI', { XUI: 'unknown' }, 'N'],
    ['UI', { XUI: 'yes' }, 'R'],
    ['S', { XS: 'no' }, 'U'],
    ['S', { XS: 'yes' }, 'C'],
    ['S', { XS: 'unknown' }, 'C'],
  ])('%s from %j is %s', (name, answers, expected) => {
    expect(metric(answers, name)).toBe(expected)
  })

  it.each<[string, Record<string, Answer>, string]>([
    ['C', {}, 'N'],
    ['C', { XCP: 'yes', XCPM: 'no' }, 'L'],
    ['C', { XCP: 'yes', XCPM: 'yes' }, 'H'],
    ['C', { XCP: 'yes', XCPM: 'unknown' }, 'H'],
    ['C', { XCP: 'unknown' }, 'H'],
    ['C', { XCP: 'yes', XCPM: 'no', XCS: 'yes' }, 'H'],
    ['I', { XIT: 'yes' }, 'H'],
    ['I', { XID: 'unknown' }, 'H'],
    ['A', { XAT: 'yes' }, 'H'],
    ['A', { XAW: 'no' }, 'N'],
  ])('%s from %j is %s: the worst category decides', (name, answers, expected) => {
    expect(metric(answers, name)).toBe(expected)
  })

  it('gives the vector and records every question asked with its rationale', () => {
    const result = applyRubric({
      ...BASE,
      XAVT: { answer: 'no', rationale: 'BLE GATT, not IP' },
      XAVW: { answer: 'yes' },
      XAVR: { answer: 'no', rationale: 'BLE reaches 30 m with a directional antenna' },
      XIT: { answer: 'yes', rationale: 'a forged bolus command changes delivered insulin' },
      XAT: { answer: 'yes' },
    })
    expect(result.ok && result.value.vector).toBe('CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H')
    expect(
      result.ok && result.value.steps.slice(0, 4).map((s) => [s.question, s.answer, s.rationale]),
    ).toEqual([
      ['XAVN', 'yes', undefined],
      ['XAVT', 'no', 'BLE GATT, not IP'],
      ['XAVW', 'yes', undefined],
      ['XAVR', 'no', 'BLE reaches 30 m with a directional antenna'],
    ])
  })

  it('names the question that needs an answer', () => {
    const { XUI: _ui, ...partial } = BASE
    const result = applyRubric(partial)
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'rubric/missing-answer', question: 'XUI' },
    })
  })
})
