import { run } from '../../src/cli/main.js'
import { nodeIo } from '../../src/cli/node-io.js'
import type { CliIo } from '../../src/cli/cli-io.js'

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs the CLI in-process on real files, capturing what it prints. */
export const runCli = async (
  argv: readonly string[],
  overrides: Partial<CliIo> = {},
): Promise<CliRun> => {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    ...nodeIo(),
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    today: () => '2026-11-28',
    ask: () => Promise.resolve(undefined),
    untilStopped: () => new Promise(() => undefined),
    ...overrides,
  }
  const code = await run(argv, io)
  return { code, stdout, stderr }
}
