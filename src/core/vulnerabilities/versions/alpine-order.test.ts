import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { isValidAlpineVersion } from './alpine-order.js'
import { compareVersions } from './version-key.js'

// apk-tools' own test vectors (test/unit/version.data, attribution in the file's header).
const lines = readFileSync(new URL('testdata/apk-tools-version.data', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim())
  .filter((line) => line !== '')

const SIGN = { '<': -1, '=': 0, '>': 1 } as const
const comparisons = lines
  .map((line) => line.split(/\s+/))
  .filter((parts): parts is [string, string, string] => parts.length === 3)
  .filter(([, op]) => op in SIGN)
const validity = lines.filter((line) => !/\s/.test(line))

describe('Alpine (apk) order against apk-tools test vectors', () => {
  it('reads the vectors', () => {
    expect(comparisons.length).toBeGreaterThan(700)
    expect(validity.length).toBeGreaterThan(30)
  })

  it.each(comparisons)('%s %s %s', (a, op, b) => {
    expect(compareVersions('alpine', a, b)).toBe(SIGN[op as keyof typeof SIGN])
    expect(compareVersions('alpine', b, a)).toBe(-SIGN[op as keyof typeof SIGN] || 0)
  })

  it.each(validity)('validity of %s', (line) => {
    const invalid = line.startsWith('!')
    expect(isValidAlpineVersion(invalid ? line.slice(1) : line)).toBe(!invalid)
  })

  it('orders suffixes alpha < beta < pre < rc < (none) < cvs < svn < git < hg < p, then -rN', () => {
    const ordered = [
      '1.0_alpha',
      '1.0_beta',
      '1.0_pre',
      '1.0_rc',
      '1.0',
      '1.0-r1',
      '1.0_cvs',
      '1.0_svn',
      '1.0_git',
      '1.0_hg',
      '1.0_p',
      '1.0_p1',
      '1.0_p1-r1',
      '1.0a',
      '1.0.1',
    ]
    for (let index = 1; index < ordered.length; index += 1) {
      expect(compareVersions('alpine', ordered[index - 1] ?? '', ordered[index] ?? '')).toBe(-1)
    }
  })
})
