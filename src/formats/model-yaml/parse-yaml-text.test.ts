import { describe, expect, it } from 'vitest'

import { parseYamlText } from './parse-yaml-text.js'

describe('parseYamlText', () => {
  it('parses YAML 1.2: dates and "no" stay strings, positions are kept', () => {
    const parsed = parseYamlText('a: 2024-01-01\nb: no\nlist:\n  - x: 1\n  - y: 2\n', 'f.yaml')
    expect(parsed.issues).toEqual([])
    expect(parsed.content).toEqual({ a: '2024-01-01', b: 'no', list: [{ x: 1 }, { y: 2 }] })
    expect(parsed.locate(['list', 1, 'y'])).toEqual({ line: 5, column: 5 })
    expect(parsed.locate(['list', 1, 'missing'])).toEqual({ line: 5, column: 5 })
  })

  it('accepts JSON', () => {
    const parsed = parseYamlText('{\n  "medcyber": "v1",\n  "elements": []\n}\n', 'f.json')
    expect(parsed.content).toEqual({ medcyber: 'v1', elements: [] })
    expect(parsed.locate(['elements'])).toEqual({ line: 3, column: 3 })
  })

  it.each([
    ['a duplicate key', 'a: 1\nb: 2\na: 3\n', 'yaml/duplicate-key', 3],
    ['an unclosed bracket', 'a: [1, 2\nb: 3\n', 'yaml/bad-indent', 2],
    ['two documents', 'a: 1\n---\nb: 2\n', 'yaml/multiple-docs', 2],
    ['a tab indent', 'a:\n\t- 1\n', 'yaml/tab-as-indent', 2],
    // yaml reports a missing closing quote where the file ends
    ['an unterminated string', 'a: 1\nb: "open\n', 'yaml/missing-char', 3],
  ])('places %s at its line', (_name, text, code, line) => {
    const parsed = parseYamlText(text, 'f.yaml')
    expect(parsed.content).toBeUndefined()
    expect(parsed.issues[0]).toMatchObject({ severity: 'error', code, file: 'f.yaml', line })
  })

  it('refuses an alias bomb without expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for (let i = 1; i < 9; i += 1) {
      const name = String.fromCharCode(97 + i)
      const previous = String.fromCharCode(96 + i)
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
    }
    const parsed = parseYamlText(`${levels.join('\n')}\n`, 'bomb.yaml')
    expect(parsed.content).toBeUndefined()
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'yaml/too-many-aliases' })])
  })

  it.each([
    ['flow brackets', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['block mappings', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')],
  ])('refuses data nested too deep (%s) without overflowing the stack', (_name, text) => {
    const parsed = parseYamlText(text, 'deep.yaml')
    expect(parsed.content).toBeUndefined()
    expect(parsed.issues.length).toBeGreaterThan(0)
    expect(parsed.issues.every((issue) => issue.file === 'deep.yaml')).toBe(true)
  })

  it('remembers how a scalar was written', () => {
    expect(parseYamlText('version: 1.10\n', 'f.yaml').writtenScalar(['version'])).toBe('1.10')
  })
})
