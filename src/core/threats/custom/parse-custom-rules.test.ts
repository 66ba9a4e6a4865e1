import { describe, expect, it } from 'vitest'

import { validModel } from '../../../../test/support/rule-harness.js'
import { generateThreats } from '../generate-threats.js'
import { parseCustomRules } from './parse-custom-rules.js'

const rulesFile = (when: string, extra: Record<string, unknown> = {}) => ({
  medcyberRules: 'v1',
  rules: [
    {
      id: 'acme-commands-without-replay-protection',
      title: 'Commands without replay protection',
      stride: ['tampering'],
      cwe: [294],
      rationale: 'A recorded command can be played back to repeat a bolus.',
      subject: 'dataFlow',
      when,
      detail: "'{name}' from {from.name} to {to.name}",
      tests: [
        {
          name: 'fires',
          facts: { payload: ['commands'], replayProtection: false },
          expect: 'fires',
        },
        {
          name: 'silent with protection',
          facts: { payload: ['commands'], replayProtection: true },
          expect: 'silent',
        },
      ],
      ...extra,
    },
  ],
})

describe('custom threat rules', () => {
  const when = "payload contains 'commands' and replayProtection == false"

  it('become threat rules that generate threats with filled-in details', () => {
    const { rules, issues } = parseCustomRules(rulesFile(when), 'rules.yaml', new Set())
    expect(issues).toEqual([])
    const model = validModel((m) => {
      m.dataFlows[0]!.replayProtection = false
    })
    const threats = generateThreats(model, rules?.rules ?? [], { date: '2026-11-28' })
    expect(threats.map((t) => [t.id, t.detail])).toEqual([
      [
        'acme-commands-without-replay-protection@bolus-command',
        "'Bolus command' from Phone app to Pump",
      ],
      ['command-replay', ''],
    ])
  })

  it('run the test cases written beside them', () => {
    const { rules } = parseCustomRules(rulesFile(when), 'rules.yaml', new Set())
    expect(rules?.runTests().map((r) => r.passed)).toEqual([true, true])
    const wrong = parseCustomRules(
      rulesFile("payload contains 'commands'"),
      'rules.yaml',
      new Set(),
    )
    expect(wrong.rules?.runTests().map((r) => r.passed)).toEqual([true, false])
  })

  it.each([
    [
      "payload contains 'commands' and replayProtecton == false",
      'rules/unknown-name',
      "did you mean 'replayProtection'?",
    ],
    ["payload contains 'commands' and to.kind ==", 'rules/invalid-condition', 'does not parse'],
  ])('explain a bad condition: %s', (text, code, message) => {
    const { rules, issues } = parseCustomRules(rulesFile(text), 'rules.yaml', new Set())
    expect(rules).toBeUndefined()
    expect(issues).toEqual([
      expect.objectContaining({
        code,
        path: ['rules', 0, 'when'],
        source: 'rules.yaml',
        message: expect.stringContaining(message) as string,
      }),
    ])
  })

  it('refuse an id a built-in rule already has, and schema errors with their path', () => {
    const clash = parseCustomRules(
      rulesFile(when),
      'r.yaml',
      new Set(['acme-commands-without-replay-protection']),
    )
    expect(clash.issues).toEqual([
      expect.objectContaining({ code: 'rules/duplicate-id', path: ['rules', 0, 'id'] }),
    ])
    const bad = parseCustomRules(rulesFile(when, { subject: 'flow' }), 'r.yaml', new Set())
    expect(bad.issues).toEqual([
      expect.objectContaining({ code: 'model/invalid-value', path: ['rules', 0, 'subject'] }),
    ])
  })
})
