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
  // MEDCYBER_SKIP_BUILD=1 runs unit tests while other work in the tree does not compile yet;
  // the end-to-end tests then use whatever dist/ holds.
  if (process.env['MEDCYBER_SKIP_BUILD'] !== '1') {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    })
  }
  const root = mkdtempSync(path.join(tmpdir(), 'medcyber-test-'))
  process.env['MEDCYBER_TEST_TMP'] = root
  return () => {
    rmSync(root, { recursive: true, force: true })
  }
}
