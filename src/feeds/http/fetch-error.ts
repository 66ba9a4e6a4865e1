/**
 * What went wrong with one resource, as a value: the URL (or mirror file), a kind a caller can
 * act on, and a sentence for people. `not-found` is separate from other statuses because sources
 * fall back on it (no `modified_id.csv`, no `.sha512`).
 */
export const FETCH_ERROR_KINDS = [
  'timeout',
  'network',
  'http-status',
  'not-found',
  'too-large',
  'rate-limited',
  'bad-url',
] as const
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number]

export interface FetchError {
  readonly kind: FetchErrorKind
  readonly url: string
  readonly message: string
  /** The HTTP status, when the server answered. */
  readonly status?: number
  /** How many requests were made before giving up. */
  readonly attempts: number
}

export const fetchError = (
  kind: FetchErrorKind,
  url: string,
  message: string,
  extra: { readonly status?: number; readonly attempts?: number } = {},
): FetchError => ({
  kind,
  url,
  message,
  attempts: extra.attempts ?? 1,
  ...withStatus(extra.status),
})

const withStatus = (status: number | undefined) => (status === undefined ? {} : { status })

export const describeFetchError = (error: FetchError): string =>
  `${error.url}: ${error.message}${error.attempts > 1 ? ` (after ${String(error.attempts)} attempts)` : ''}`
