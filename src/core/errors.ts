/**
 * A bug or an outage: something that should not happen with any input. Expected failures are
 * `Result` values and input problems are `Issue` data; only invariants broken in our own code
 * throw this.
 */
export class InternalError extends Error {
  readonly code: string

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InternalError'
    this.code = code
  }
}
