import type { FileReader } from '../formats/index.js'

/** Everything a command touches outside itself, so tests run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly reader: FileReader
  readonly files: FileSystem
  /** Today's date as YYYY-MM-DD; commands take the clock from here, never from `Date`. */
  readonly today: () => string
  /** Asks the person at the terminal; undefined when input has ended. */
  readonly ask: (question: string) => Promise<string | undefined>
  /**
   * Resolves with the signal's name when the process is asked to stop (SIGINT, SIGTERM); what
   * long-running commands (serve, worker) wait on. Tests pass a promise they control.
   */
  readonly untilStopped: () => Promise<string>
}

export interface FileSystem {
  readonly kindOf: (path: string) => Promise<'file' | 'directory' | 'missing'>
  readonly writeNew: (path: string, content: string) => Promise<void>
  /** Writes a file, replacing it if it exists (generated outputs such as diagrams). */
  readonly writeFile: (path: string, content: string | Uint8Array) => Promise<void>
  readonly makeDirectory: (path: string) => Promise<void>
  /** Paths of the folders directly inside `path`, sorted. */
  readonly subfolders: (path: string) => Promise<string[]>
}
