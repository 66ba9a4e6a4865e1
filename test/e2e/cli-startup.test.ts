import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { PROJECT_ROOT } from '../support/testdata.js'

/**
 * Libraries that only some commands need. Loading them all made every command start in
 * about 2.3 s on the 2-core VM (`medcyber --help` included); each command now imports its own
 * module when it runs, and `--help` took 0.6 s.
 */
const HEAVY = ['exceljs', 'docx', 'fastify', 'pg', 'pg-boss', 'better-sqlite3', 'playwright-core']

/** The packages whose CommonJS modules the installed bin loaded for one command. */
const packagesLoadedBy = (argv: readonly string[]): Set<string> => {
  const script = `
    import { createRequire } from 'node:module'
    process.argv = [process.execPath, 'medcyber', ...${JSON.stringify(argv)}]
    process.on('exit', () => {
      const loaded = Object.keys(createRequire(import.meta.url).cache)
      process.stderr.write('\\nLOADED ' + JSON.stringify(loaded) + '\\n')
    })
    await import(${JSON.stringify(path.join(PROJECT_ROOT, 'bin', 'medcyber.js'))})
  `
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  })
  const line = result.stderr.split('\n').find((text) => text.startsWith('LOADED '))
  if (line === undefined) throw new Error(`no module list: ${result.stderr}`)
  const files = JSON.parse(line.slice('LOADED '.length)) as string[]
  const names = files.map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1])
  return new Set(names.filter((name) => name !== undefined))
}

describe('the CLI loads only what a command uses', () => {
  it.each([
    [['--help']],
    [['sbom', 'validate', 'examples/insulin-pump/sbom/portal.cdx.json', '--json']],
    [['cvss', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H']],
  ])('%j loads no renderer, database or web server', (argv) => {
    const loaded = packagesLoadedBy(argv)
    expect(HEAVY.filter((name) => loaded.has(name))).toEqual([])
  })

  it('sees a library that a command does load', () => {
    // Without this, a check that never finds anything would pass as well.
    const loaded = packagesLoadedBy(['risk', 'examples/insulin-pump', '--json'])
    expect(loaded.has('exceljs')).toBe(true)
  })
})
