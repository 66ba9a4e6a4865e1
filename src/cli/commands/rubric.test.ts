import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { runCli } from '../../../test/support/run-cli.js'
import { tempDir } from '../../../test/support/temp-dir.js'

const NO_IMPACT = ['C', 'I', 'A']
  .flatMap((p) => ['P', 'D', 'T', 'W', 'S', 'O'].map((c) => `  X${p}${c}: { answer: no }`))
  .filter((line) => !line.includes('XIT') && !line.includes('XAT'))

const ANSWERS = [
  '# A forged bolus over the rev A BLE link',
  'answers:',
  '  XAVN: { answer: yes }',
  '  XAVT: { answer: no, rationale: BLE GATT is not IP }',
  '  XAVW: { answer: yes }',
  '  XAVR: { answer: no, rationale: 30 m with a directional antenna }',
  '  XACL: { answer: yes }',
  '  XPRL: { answer: no }',
  '  XUI: { answer: no }',
  '  XS: { answer: no }',
  '  XIT: { answer: yes, rationale: a forged command changes delivered insulin }',
  '  XAT: { answer: yes }',
  ...NO_IMPACT,
].join('\n')

describe('medcyber rubric', () => {
  it('answers from a file and prints the vector with every answer and rationale', async () => {
    const file = path.join(tempDir('medcyber-rubric'), 'answers.yaml')
    writeFileSync(file, ANSWERS)
    const result = await runCli(['rubric', '--answers', file, '--json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      vector: string
      steps: { question: string; rationale?: string }[]
    }
    expect(report.vector).toBe('CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H')
    expect(report.steps.find((s) => s.question === 'XIT')?.rationale).toBe(
      'a forged command changes delivered insulin',
    )
  })

  it('names the missing answer or the bad one in a file', async () => {
    const file = path.join(tempDir('medcyber-rubric'), 'answers.yaml')
    writeFileSync(file, ANSWERS.replace('  XUI: { answer: no }\n', ''))
    const missing = await runCli(['rubric', '--answers', file])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('needs an answer to XUI')
    writeFileSync(file, ANSWERS.replace('XUI: { answer: no }', 'XUI: { answer: maybe }'))
    expect((await runCli(['rubric', '--answers', file])).stderr).toContain(
      '$.answers.XUI.answer must be one of yes, no, unknown',
    )
  })

  it('asks question by question at the terminal, only those on the path', async () => {
    const replies = ['u', '', 'y', '', 'n', '', 'n', '', 'n', '', ...Array<string>(38).fill('n')]
    const asked: string[] = []
    const result = await runCli(['rubric'], {
      ask: (question) => {
        asked.push(question)
        return Promise.resolve(replies.shift())
      },
    })
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')
    expect(asked.some((q) => q.startsWith('XAVT'))).toBe(false)
  })
})
