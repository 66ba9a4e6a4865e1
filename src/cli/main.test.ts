import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

import { runCli } from '../../test/support/run-cli.js'
import { tempDir } from '../../test/support/temp-dir.js'

const freshDir = (): string => tempDir('medcyber-cli')

describe('medcyber CLI', () => {
  it('init writes a starter model that validates without warnings', async () => {
    const dir = path.join(freshDir(), 'model')
    expect((await runCli(['init', dir])).code).toBe(0)
    const result = await runCli(['validate', dir])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toBe(
      `${path.join(dir, 'medcyber.yaml')}: valid (2 files, 0 errors, 0 warnings)\n`,
    )
  })

  it('init never overwrites an existing model', async () => {
    const dir = freshDir()
    await runCli(['init', dir])
    const again = await runCli(['init', dir])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('already exists')
  })

  it('validate --json prints { valid, issues } and exits 2 on errors', async () => {
    const dir = freshDir()
    await runCli(['init', dir])
    const file = path.join(dir, 'medcyber.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('    to: cloud\n', '    to: clowd\n'))
    const result = await runCli(['validate', dir, '--json'])
    expect(result.code).toBe(2)
    const report = JSON.parse(result.stdout) as {
      valid: boolean
      issues: Record<string, unknown>[]
    }
    expect(report.valid).toBe(false)
    const line = readFileSync(file, 'utf8').split('\n').indexOf('    to: clowd') + 1
    expect(report.issues).toEqual([
      {
        severity: 'error',
        code: 'model/unknown-reference',
        message: "unknown element 'clowd'; did you mean 'cloud'?",
        file,
        line,
        column: 5,
        path: '$.dataFlows[1].to',
      },
    ])
  })

  it('prints compiler-style lines people and editors can follow', async () => {
    const dir = freshDir()
    await runCli(['init', dir])
    const file = path.join(dir, 'security.yaml')
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('category: authentication', 'category: authentification'),
    )
    const result = await runCli(['validate', dir])
    expect(result.stdout).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: 'ble-secure-connections': category 'authentification' is not one of: .*did you mean 'authentication'\\? \\[model/invalid-value\\]\\n    at \\$\\.controls\\[0\\]\\.category\\n`,
      ),
    )
  })

  it('schema prints the JSON Schema that the starter model satisfies under a standard validator', async () => {
    const dir = freshDir()
    await runCli(['init', dir])
    const schema = JSON.parse((await runCli(['schema'])).stdout) as Record<string, unknown>
    const ajv = new Ajv({ strict: true })
    addFormats.default(ajv, ['date', 'uri'])
    const validate = ajv.compile(schema)
    for (const name of ['medcyber.yaml', 'security.yaml']) {
      expect(validate(parse(readFileSync(path.join(dir, name), 'utf8')))).toBe(true)
    }
  })

  it('info --json gives the 524B determination, documents and support phases on a date', async () => {
    const dir = freshDir()
    await runCli(['init', dir])
    const result = await runCli(['info', dir, '--json', '--at', '2031-06-30'])
    expect(result.code).toBe(0)
    const facts = JSON.parse(result.stdout) as {
      date: string
      cyberDevice: { isCyberDevice: boolean }
      documents: { id: string }[]
      releases: { version: string; phase: string }[]
    }
    expect(facts.date).toBe('2031-06-30')
    expect(facts.cyberDevice.isCyberDevice).toBe(true)
    expect(facts.documents.map((d) => d.id)).toContain('fda-sbom')
    expect(facts.releases).toEqual([
      expect.objectContaining({ version: '1.0.0', phase: 'limited-support' }),
    ])
  })

  it.each([
    [['validate', '/no/such/model'], 'does not exist'],
    [['info', '.', '--at', '2025-02-30'], "argument '2025-02-30' is invalid"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['validate'], "missing required argument 'model'"],
    [
      ['serve', '--db', 'team.db'],
      'expected sqlite:<file> or postgres://user@host/database (for a SQLite file: sqlite:team.db)',
    ],
    [['audit', 'verify', '--db', 'mysql://db/x'], 'expected sqlite:<file> or postgres://'],
  ])('exits 2 with a message for bad input: %j', async (argv, message) => {
    const result = await runCli(argv)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
  })

  it('turns a bug into exit 70 and one line, without a stack trace', async () => {
    const result = await runCli(['validate', '.'], {
      files: {
        kindOf: () => Promise.reject(new TypeError('boom')),
        writeNew: () => Promise.resolve(),
        writeFile: () => Promise.resolve(),
        makeDirectory: () => Promise.resolve(),
        subfolders: () => Promise.resolve([]),
      },
    })
    expect(result.code).toBe(70)
    expect(result.stderr).toBe(
      'medcyber: internal error: boom\nThis is a bug in medcyber; please report it with the command you ran.\n',
    )
  })
})
