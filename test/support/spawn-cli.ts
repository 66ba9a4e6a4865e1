import { spawnSync } from 'node:child_process'
import path from 'node:path'

import { PROJECT_ROOT } from './testdata.js'

export interface ProcessRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the installed `medcyber` bin as a separate process, as a user or CI would. */
export const spawnCli = (argv: readonly string[], timeoutMs = 20_000): ProcessRun => {
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_ROOT, 'bin', 'medcyber.js'), ...argv],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: timeoutMs,
      // A small heap proves hostile input cannot make memory grow without bound.
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' },
    },
  )
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
