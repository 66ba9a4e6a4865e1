/**
 * An expected failure of a request: the status, a stable code clients can branch on, and a
 * message for people. Anything else thrown becomes a 500 without internals.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: readonly ApiErrorDetail[]

  constructor(
    status: number,
    code: string,
    message: string,
    details: readonly ApiErrorDetail[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.details = details
  }
}

/** Where in the request (a JSON path, a header, a file and line) and what was wrong. */
export interface ApiErrorDetail {
  readonly path: string
  readonly message: string
  /** The model entry a model issue is about (an element, data flow or trust boundary). */
  readonly entry?: {
    readonly list: 'elements' | 'dataFlows' | 'trustBoundaries'
    readonly id: string
    readonly field: string | null
  }
}

export const notFound = (what: string): ApiError =>
  new ApiError(404, 'not-found', `${what} not found`)

export const forbidden = (message = 'your roles do not allow this'): ApiError =>
  new ApiError(403, 'forbidden', message)
