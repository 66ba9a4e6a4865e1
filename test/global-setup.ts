import { execFileSync } from 'node:child_process'

import { PROJECT_ROOT } from './support/testdata.js'

/** End-to-end tests run the built CLI as users do, so build it from the current sources first. */
export function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: PROJECT_ROOT, stdio: 'inherit' })
}
