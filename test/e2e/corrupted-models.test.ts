import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { CORRUPTIONS } from '../support/model-corruptions.js'
import { EXAMPLES_DIR, exampleNames, readFolder, writeFolder } from '../support/model-folders.js'
import { runCli } from '../support/run-cli.js'

interface ReportedIssue {
  readonly severity: string
  readonly code: string
  readonly message: string
  readonly file: string
  readonly line: number
  readonly related?: { file: string; line: number }
}

const ROOT = 'medcyber.yaml'
const models = new Map<string, Map<string, string>>()

beforeAll(async () => {
  const starter = path.join(writeFolder(new Map()), 'starter')
  await runCli(['init', starter])
  models.set('starter (medcyber init)', readFolder(starter))
  for (const name of exampleNames()) models.set(name, readFolder(path.join(EXAMPLES_DIR, name)))
})

const modelNames = ['starter (medcyber init)', ...exampleNames()]

describe.each(modelNames)('%s, corrupted', (modelName) => {
  it.each(CORRUPTIONS.map((corruption) => [corruption.name, corruption] as const))(
    'reports %s at the right file and line',
    async (_name, corruption) => {
      const files = new Map(models.get(modelName))
      const expected = corruption.apply(files, ROOT)
      expect(expected, `the corruption does not apply to ${modelName}`).toBeDefined()
      if (expected === undefined) return
      const folder = writeFolder(files)
      const result = await runCli(['validate', folder, '--json'])
      expect(result.code).toBe(2)
      expect(result.stderr).toBe('')
      const report = JSON.parse(result.stdout) as { valid: boolean; issues: ReportedIssue[] }
      expect(report.valid).toBe(false)
      const issue = report.issues.find(
        (candidate) =>
          (typeof expected.code === 'string'
            ? candidate.code === expected.code
            : expected.code.test(candidate.code)) &&
          candidate.file === path.join(folder, expected.file) &&
          candidate.line === expected.line,
      )
      expect(
        issue,
        `no ${String(expected.code)} at ${expected.file}:${String(expected.line)} in ${JSON.stringify(report.issues, null, 1)}`,
      ).toBeDefined()
      expect(issue?.severity).toBe('error')
      expect(issue?.message).not.toMatch(/\bat \w+ \(|node_modules|TypeError|undefined/)
      if (expected.related !== undefined) {
        expect(issue?.related).toMatchObject({
          file: path.join(folder, expected.related.file),
          line: expected.related.line,
        })
      }
    },
  )
})
