import { describe, expect, it } from 'vitest'

import { evaluateRuleExpression, parseRuleExpression, truthy } from './rule-expression.js'

const facts = {
  payload: ['commands', 'data'],
  protocol: 'HL7 v2 over MLLP',
  authentication: { type: 'none' },
  port: 2575,
  to: { deliversTherapy: true, kind: 'device' },
}

const holds = (text: string): boolean => {
  const parsed = parseRuleExpression(text)
  if (!parsed.ok) throw new Error(parsed.error.message)
  return truthy(evaluateRuleExpression(parsed.value, facts))
}

describe('the custom rule condition language', () => {
  it.each([
    ["payload contains 'commands'", true],
    ["'software' in payload", false],
    ["authentication.type == 'none' and to.deliversTherapy", true],
    ["authentication.type != 'none' or to.kind == 'server'", false],
    ["protocol matches 'hl7|dicom'", true],
    ["'mllp' in protocol", true],
    ['port >= 1024 and port < 49152', true],
    ['count(payload) == 2', true],
    ["lower(protocol) contains 'hl7 v2'", true],
    ['not to.deliversTherapy', false],
    ['nothing.here == 1', false],
    ["to.kind in ['device', 'accessory']", true],
  ])('%s is %s', (text, expected) => {
    expect(holds(text)).toBe(expected)
  })

  it.each([
    ['constructor.name', "'constructor' is not allowed"],
    ['to.__proto__', "'__proto__' is not allowed"],
    ['to[kind]', 'use a.b, not a[b]'],
    ['process.exit(1)', 'unknown function'],
    ['payload + 1', 'does not parse'],
    ["protocol matches '(('", 'is not a valid regular expression'],
    ['protocol matches other', "'matches' takes a quoted regular expression"],
    ['this', 'is not part of the condition language'],
  ])('refuses %s', (text, message) => {
    const parsed = parseRuleExpression(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.message).toContain(message)
  })

  it('reports the names it reads', () => {
    const parsed = parseRuleExpression("to.kind == 'device' and payload contains 'x'")
    expect(parsed.ok && parsed.value.names).toEqual(['payload', 'to'])
  })
})
