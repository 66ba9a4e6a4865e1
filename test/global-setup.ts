import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { PROJECT_ROOT } from './support/testdata.js'

/**
 * End-to-end tests run the built CLI as users do, so build it from the current sources first.
 * Every test folder goes under one scratch root, removed when the run ends.
 */
export function setup(): () => void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' })
  const root = mkdtempSync(path.join(tmpdir(), 'medcyber-test-'))
  process.env['MEDCYBER_TEST_TMP'] = root
  return () => {
    rmSync(root, { recursive: true, force: true })
  }
}
