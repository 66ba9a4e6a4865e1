import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { PROJECT_ROOT } from './testdata.js'

const BIN = path.join(PROJECT_ROOT, 'bin', 'medcyber.js')

/** How a process ended: its exit code, or the signal that killed it. */
export interface Ended {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

/** A `medcyber` process started as a user starts it, with everything it printed so far. */
export interface CliProcess {
  readonly pid: number
  readonly stdout: () => string
  readonly stderr: () => string
  /** Resolves with the first match of `pattern` in stdout (or stderr), failing if it exits first. */
  readonly waitFor: (
    pattern: RegExp,
    options?: { readonly stream?: 'stdout' | 'stderr'; readonly timeoutMs?: number },
  ) => Promise<RegExpMatchArray>
  readonly ended: Promise<Ended>
  /** Sends the signal and waits for the process to end. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<Ended>
}

/**
 * The processes one test started: each is killed (SIGKILL) by `killAll`, so a failing test
 * leaves no server behind holding a port, a SQLite lock or PostgreSQL connections.
 */
export interface ProcessGroup {
  readonly start: (argv: readonly string[], options?: { readonly cwd?: string }) => CliProcess
  readonly killAll: () => Promise<void>
}

/**
 * The tests name every database explicitly, and sign in with passwords: the machine's
 * DATABASE_URL and OIDC settings must not leak in, nor the test runner's NODE_OPTIONS.
 */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        name !== 'DATABASE_URL' && name !== 'NODE_OPTIONS' && !name.startsWith('MEDCYBER_OIDC_'),
    ),
  )

const describeEnd = (ended: Ended): string =>
  ended.signal === null ? `exit code ${String(ended.code)}` : `signal ${ended.signal}`

const track = (child: ChildProcess, argv: readonly string[]): CliProcess => {
  const pid = child.pid
  if (pid === undefined) throw new Error(`medcyber ${argv.join(' ')} did not start`)
  let stdout = ''
  let stderr = ''
  const listeners = new Set<() => void>()
  const changed = () => {
    for (const listener of listeners) listener()
  }
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    changed()
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    changed()
  })
  let exit: Ended | undefined
  const ended = new Promise<Ended>((resolve) => {
    child.on('close', (code, signal) => {
      exit = { code, signal }
      resolve(exit)
      changed()
    })
  })

  const waitFor: CliProcess['waitFor'] = (pattern, options = {}) => {
    const { stream = 'stdout', timeoutMs = 30_000 } = options
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const match = (stream === 'stdout' ? stdout : stderr).match(pattern)
        if (match !== null) {
          resolve(match)
          return true
        }
        if (exit !== undefined) {
          reject(
            new Error(
              `medcyber ${argv[0] ?? ''} ended (${describeEnd(exit)}) before printing ${String(pattern)}\nstdout:\n${stdout}\nstderr:\n${stderr}`,
            ),
          )
          return true
        }
        return false
      }
      if (check()) return
      const listener = () => {
        if (check()) done()
      }
      const timer = setTimeout(() => {
        done()
        reject(
          new Error(
            `medcyber ${argv[0] ?? ''} did not print ${String(pattern)} within ${String(timeoutMs)} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`,
          ),
        )
      }, timeoutMs)
      const done = () => {
        clearTimeout(timer)
        listeners.delete(listener)
      }
      listeners.add(listener)
    })
  }

  return {
    pid,
    stdout: () => stdout,
    stderr: () => stderr,
    waitFor,
    ended,
    stop: (signal = 'SIGTERM') => {
      if (exit === undefined) child.kill(signal)
      return ended
    },
  }
}

export const processGroup = (): ProcessGroup => {
  const running = new Set<CliProcess>()
  return {
    start: (argv, options = {}) => {
      const child = spawn(process.execPath, [BIN, ...argv], {
        cwd: options.cwd ?? PROJECT_ROOT,
        env: cleanEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      const started = track(child, argv)
      running.add(started)
      void started.ended.then(() => running.delete(started))
      return started
    },
    killAll: async () => {
      const left = [...running]
      await Promise.all(left.map((started) => started.stop('SIGKILL')))
    },
  }
}

/** A running `medcyber serve`: its base URL, and the first administrator's password if printed. */
export interface RunningServer {
  readonly process: CliProcess
  readonly url: string
  /** The first-login password, when this start created the administrator. */
  readonly firstPassword: string | undefined
}

const URL_LINE = /^medcyber server on (http:\/\/\S+) \(/m
const PASSWORD_LINE = /^ {2}first login: user admin, password (\S+)\n {2}\(shown once;.*\n/m

/**
 * Starts `medcyber serve --port 0 …` and waits until it listens (the URL line is printed then).
 * The password line is waited for when `expectPassword` says this start creates the
 * administrator; that no password was printed can be known only once the process has ended.
 */
export const startServer = async (
  group: ProcessGroup,
  args: readonly string[],
  options: { readonly cwd?: string; readonly expectPassword: boolean },
): Promise<RunningServer> => {
  const started = group.start(['serve', '--port', '0', ...args], {
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  })
  const [, url] = await started.waitFor(URL_LINE)
  const firstPassword = options.expectPassword
    ? (await started.waitFor(PASSWORD_LINE))[1]
    : undefined
  if (url === undefined) throw new Error('no URL in the start-up line')
  return { process: started, url, firstPassword }
}

/** Starts `medcyber worker …` and waits until it takes jobs. */
export const startWorker = async (
  group: ProcessGroup,
  args: readonly string[],
): Promise<CliProcess> => {
  const started = group.start(['worker', ...args])
  await started.waitFor(/waiting for jobs/, { stream: 'stderr' })
  return started
}

/** Runs a short `medcyber` command to its end. */
export const runToEnd = async (
  group: ProcessGroup,
  argv: readonly string[],
): Promise<Ended & { readonly stdout: string; readonly stderr: string }> => {
  const started = group.start(argv)
  const ended = await started.ended
  return { ...ended, stdout: started.stdout(), stderr: started.stderr() }
}
