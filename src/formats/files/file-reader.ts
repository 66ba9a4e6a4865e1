import type { Result } from '../../core/index.js'

export const FILE_READ_ERRORS = ['not-found', 'not-a-file', 'too-large', 'unreadable'] as const
export type FileReadErrorCode = (typeof FILE_READ_ERRORS)[number]

export interface FileReadError {
  readonly code: FileReadErrorCode
  readonly message: string
}

/**
 * How format readers get at files: injected by the CLI or the server, so formats never open
 * files themselves and tests can serve files from memory.
 */
export interface FileReader {
  /** Reads a whole file, refusing one larger than `maxBytes` before reading it. */
  read(path: string, maxBytes: number): Promise<Result<Uint8Array, FileReadError>>
}
