import { describe, expect, it } from 'vitest'
import type { CliIo } from '../cli-io.js'
import { cvssCommand } from './cvss.js'

/** cvss touches only stdout and stderr; the rest of CliIo is never called. */
const run = (vectors: readonly string[], json: boolean) => {
  let stdout = ''
  let stderr = ''
  const unused = () => {
    throw new Error('cvss does no file I/O')
  }
  const io = {
    stdout: (text: string) => {
      stdout += text
    },
    stderr: (text: string) => {
      stderr += text
    },
    reader: unused,
    files: unused,
    today: () => '2026-11-28',
  } as unknown as CliIo
  const code = cvssCommand(io, vectors, { json })
  return { code, stdout, stderr }
}

const V31 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H'
const V2 = 'AV:N/AC:L/Au:S/C:C/I:C/A:C/E:F/RL:U/RC:C'

describe('medcyber cvss', () => {
  it('prints the JSON array as specified, without absent scores', () => {
    const { code, stdout, stderr } = run([V31, V2], true)
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(JSON.parse(stdout)).toEqual([
      { vector: V31, version: '3.1', baseScore: 9.6, score: 9.6, severity: 'Critical' },
      {
        vector: V2,
        version: '2.0',
        baseScore: 9,
        temporalScore: 8.6,
        score: 8.6,
        severity: 'High',
      },
    ])
  })

  it('prints one line per vector as text', () => {
    const { code, stdout } = run([V31, V2], false)
    expect(code).toBe(0)
    expect(stdout).toBe(
      `9.6 Critical (CVSS 3.1: base 9.6)  ${V31}\n` +
        `8.6 High (CVSS 2.0: base 9.0, temporal 8.6)  ${V2}\n`,
    )
  })

  it('names the bad metric on stderr, prints the valid vectors and exits 2', () => {
    const bad = 'CVSS:3.1/AV:Q/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H'
    const { code, stdout, stderr } = run([bad, V31], true)
    expect(code).toBe(2)
    expect(stderr).toContain("metric AV has no value 'Q' in CVSS 3.1; allowed: N, A, L, P")
    expect(JSON.parse(stdout)).toHaveLength(1)
  })
})
