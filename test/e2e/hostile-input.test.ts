import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { spawnCli } from '../support/spawn-cli.js'
import { tempDir } from '../support/temp-dir.js'

const aliasBomb = (): string => {
  const lines = [
    'medcyber: v1',
    'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ]
  for (let i = 1; i < 10; i += 1)
    lines.push(
      `a${String(i)}: &a${String(i)} [${Array(10)
        .fill(`*a${String(i - 1)}`)
        .join(', ')}]`,
    )
  return `${lines.join('\n')}\n`
}

const HOSTILE: readonly [string, () => string | Buffer, RegExp][] = [
  ['an empty file', () => '', /the file is empty/],
  ['a file cut inside a key', () => 'medcyber: v1\nproduct:\n  id: x\n  na', /yaml\/missing-char/],
  ['binary data', () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]), /model\/not-text/],
  ['invalid UTF-8', () => Buffer.from([0x6d, 0x3a, 0x20, 0xc3, 0x28]), /model\/not-text/],
  ['a YAML alias bomb', aliasBomb, /yaml\/too-many-aliases/],
  [
    '100,000 nested brackets',
    () => `medcyber: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    /yaml\//,
  ],
  [
    '2,000 nested mappings',
    () => Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${String(i)}:`).join('\n'),
    /yaml\//,
  ],
  [
    'a 12 MB file',
    () => `medcyber: v1\nx-padding: "${'x'.repeat(12 * 1024 * 1024)}"\n`,
    /model\/too-large/,
  ],
  ['a scalar instead of a mapping', () => '42\n', /model\/wrong-type/],
  ['a JSON array', () => '[1, 2, 3]\n', /model\/wrong-type/],
]

describe('hostile input to medcyber validate (separate process, 256 MB heap)', () => {
  it.each(HOSTILE)(
    'refuses %s with exit 2 and a message, no stack trace',
    (_name, content, code) => {
      const dir = tempDir('medcyber-hostile')
      writeFileSync(path.join(dir, 'medcyber.yaml'), content())
      const started = Date.now()
      const result = spawnCli(['validate', dir, '--json'])
      expect(Date.now() - started).toBeLessThan(15_000)
      expect(result.code).toBe(2)
      expect(result.stderr).toBe('')
      expect(result.stdout).toMatch(code)
      const report = JSON.parse(result.stdout) as { valid: boolean; issues: { file: string }[] }
      expect(report.valid).toBe(false)
      expect(report.issues.every((issue) => issue.file.startsWith(dir))).toBe(true)
      expect(result.stdout).not.toMatch(/\n\s+at .*\.js:\d+/)
    },
  )

  it('refuses includes that leave the model folder', () => {
    const dir = tempDir('medcyber-hostile')
    writeFileSync(
      path.join(dir, 'medcyber.yaml'),
      'medcyber: v1\ninclude:\n  - ../../../../etc/passwd\n',
    )
    const result = spawnCli(['validate', dir])
    expect(result.code).toBe(2)
    expect(result.stdout).toContain('leaves the model folder')
    expect(result.stdout).not.toContain('root:')
  })
})
