import type { Result } from '../core/index.js'
import type { FetchError } from './http/fetch-error.js'
import type { RateLimiter } from './http/token-bucket.js'

/** HTTP cache validators of a resource, kept between syncs for conditional requests. */
export interface Validators {
  readonly etag?: string
  readonly lastModified?: string
}

export interface FetchRequest {
  readonly url: string
  /** The body is refused (and the download stopped) beyond this many bytes. */
  readonly maxBytes: number
  /** Whole-request time limit; the fetcher's default when absent. */
  readonly timeoutMs?: number
  readonly headers?: Readonly<Record<string, string>>
  /** Sent as If-None-Match / If-Modified-Since; an unchanged resource comes back `notModified`. */
  readonly validators?: Validators
  /** Statuses worth another try besides 5xx (NVD answers 403 when its rate limit is hit). */
  readonly retryStatuses?: readonly number[]
  readonly rateLimiter?: RateLimiter
}

export type Fetched<T> =
  | { readonly notModified: true; readonly url: string }
  | {
      readonly notModified: false
      readonly url: string
      readonly body: T
      readonly validators: Validators
    }

/**
 * Where sources get their bytes: over HTTP, or from a mirror folder laid out like the upstream
 * site. Sources never know which.
 */
export interface Fetcher {
  readonly bytes: (request: FetchRequest) => Promise<Result<Fetched<Uint8Array>, FetchError>>
  /**
   * A large body as a file: HTTP streams it into `downloadTo`; a mirror names its own file.
   * The result is the path to read.
   */
  readonly file: (
    request: FetchRequest,
    downloadTo: string,
  ) => Promise<Result<Fetched<string>, FetchError>>
}
