import { err, ok, type Result } from '../../core/index.js'
import type { Fetched, Fetcher, FetchRequest, Validators } from '../fetcher.js'
import { fileSink, memorySink, type BodySink } from './body-sink.js'
import { systemClock, type Clock } from './clock.js'
import { fetchError, type FetchError } from './fetch-error.js'
import { retryAfterMs } from './retry-after.js'

export interface HttpFetcherOptions {
  /** Node's global fetch unless a test passes another. */
  readonly fetch?: typeof globalThis.fetch
  readonly clock?: Clock
  /** Whole-request limit when the request names none. */
  readonly timeoutMs?: number
  /** A body that sends nothing for this long is given up (large downloads have long totals). */
  readonly idleTimeoutMs?: number
  /** Requests per resource, the first included. */
  readonly attempts?: number
  /** First wait before a retry; doubled each time, up to `maxBackoffMs`. */
  readonly backoffMs?: number
  readonly maxBackoffMs?: number
  /** A 429 asking to wait longer than this fails at once rather than stalling the sync. */
  readonly maxRetryAfterMs?: number
  readonly userAgent?: string
  /** Told about each retry (progress lines). */
  readonly onRetry?: (message: string) => void
}

type Settings = Required<Omit<HttpFetcherOptions, 'onRetry'>> & Pick<HttpFetcherOptions, 'onRetry'>

const DEFAULTS = {
  timeoutMs: 60_000,
  idleTimeoutMs: 30_000,
  attempts: 4,
  backoffMs: 1_000,
  maxBackoffMs: 30_000,
  maxRetryAfterMs: 120_000,
  userAgent: 'medcyber (advisory feeds)',
} as const

/**
 * The fetch-based HTTP client of every feed: a time limit per request, a size limit enforced
 * while the body streams, retries with exponential backoff on 5xx and network errors,
 * `Retry-After` honoured on 429 up to a bound, an optional rate limiter, and conditional
 * requests. Every failure is a `FetchError` value naming the URL.
 */
export const createHttpFetcher = (options: HttpFetcherOptions = {}): Fetcher => {
  const settings: Settings = {
    ...DEFAULTS,
    fetch: globalThis.fetch,
    clock: systemClock,
    ...options,
  }
  return {
    bytes: (request) => withRetries(settings, request, () => Promise.resolve(memorySink())),
    file: (request, downloadTo) => withRetries(settings, request, () => fileSink(downloadTo)),
  }
}

type Attempt<T> =
  | { readonly done: Result<Fetched<T>, FetchError> }
  | { readonly retry: FetchError; readonly waitMs?: number }

const withRetries = async <T>(
  settings: Settings,
  request: FetchRequest,
  makeSink: () => Promise<BodySink<T>>,
): Promise<Result<Fetched<T>, FetchError>> => {
  const bad = checkUrl(request.url)
  if (bad !== undefined) return err(bad)
  for (let attempt = 1; ; attempt += 1) {
    await request.rateLimiter?.acquire()
    const outcome = await attemptOnce(settings, request, makeSink)
    if ('done' in outcome) {
      return outcome.done.ok ? outcome.done : err({ ...outcome.done.error, attempts: attempt })
    }
    if (attempt >= settings.attempts) return err({ ...outcome.retry, attempts: attempt })
    const waitMs =
      outcome.waitMs ?? Math.min(settings.maxBackoffMs, settings.backoffMs * 2 ** (attempt - 1))
    settings.onRetry?.(
      `${request.url}: ${outcome.retry.message}; retry in ${String(Math.ceil(waitMs / 1000))} s`,
    )
    await settings.clock.sleep(waitMs)
  }
}

const checkUrl = (url: string): FetchError | undefined => {
  try {
    const { protocol } = new URL(url)
    if (protocol === 'https:' || protocol === 'http:') return undefined
    return fetchError('bad-url', url, `only http and https URLs are fetched, not ${protocol}`)
  } catch {
    return fetchError('bad-url', url, 'not a valid URL')
  }
}

const attemptOnce = async <T>(
  settings: Settings,
  request: FetchRequest,
  makeSink: () => Promise<BodySink<T>>,
): Promise<Attempt<T>> => {
  const timeoutMs = request.timeoutMs ?? settings.timeoutMs
  const total = AbortSignal.timeout(timeoutMs)
  const idle = new AbortController()
  const limits: Limits = { total, idle, timeoutMs, idleTimeoutMs: settings.idleTimeoutMs }
  let response: Response
  try {
    response = await settings.fetch(request.url, {
      headers: requestHeaders(settings, request),
      signal: AbortSignal.any([total, idle.signal]),
      redirect: 'follow',
    })
  } catch (error) {
    return { retry: transportError(request.url, error, limits) }
  }
  const answer = statusOutcome<T>(settings, request, response)
  if (answer !== undefined) {
    await discard(response)
    return answer
  }
  return readBody(request, response, await makeSink(), limits)
}

const requestHeaders = (settings: Settings, request: FetchRequest): Record<string, string> => ({
  'user-agent': settings.userAgent,
  ...request.headers,
  ...(request.validators?.etag === undefined ? {} : { 'if-none-match': request.validators.etag }),
  ...(request.validators?.lastModified === undefined
    ? {}
    : { 'if-modified-since': request.validators.lastModified }),
})

const statusOutcome = <T>(
  settings: Settings,
  request: FetchRequest,
  response: Response,
): Attempt<T> | undefined => {
  const { status } = response
  const url = request.url
  const label = `HTTP ${String(status)}${response.statusText === '' ? '' : ` ${response.statusText}`}`
  if (status === 304) return { done: ok({ notModified: true, url }) }
  if (status >= 200 && status < 300) return undefined
  if (status === 404 || status === 410) {
    return { done: err(fetchError('not-found', url, label, { status })) }
  }
  if (status === 429) return rateLimited(settings, url, label, response)
  if (status >= 500 || request.retryStatuses?.includes(status) === true) {
    return { retry: fetchError('http-status', url, label, { status }) }
  }
  return { done: err(fetchError('http-status', url, label, { status })) }
}

const rateLimited = <T>(
  settings: Settings,
  url: string,
  label: string,
  response: Response,
): Attempt<T> => {
  const waitMs = retryAfterMs(response.headers.get('retry-after'), settings.clock.now())
  const error = fetchError('rate-limited', url, label, { status: 429 })
  if (waitMs !== undefined && waitMs > settings.maxRetryAfterMs) {
    const message = `${label}: the server asks to wait ${String(Math.ceil(waitMs / 1000))} s, more than the ${String(settings.maxRetryAfterMs / 1000)} s this client waits`
    return { done: err({ ...error, message }) }
  }
  return waitMs === undefined ? { retry: error } : { retry: error, waitMs }
}

interface Limits {
  readonly total: AbortSignal
  readonly idle: AbortController
  readonly timeoutMs: number
  readonly idleTimeoutMs: number
}

const readBody = async <T>(
  request: FetchRequest,
  response: Response,
  sink: BodySink<T>,
  limits: Limits,
): Promise<Attempt<T>> => {
  const { url, maxBytes } = request
  const tooLarge = fetchError('too-large', url, `the body is larger than ${String(maxBytes)} bytes`)
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (declared > maxBytes) {
    await discard(response)
    await sink.abandon()
    return { done: err(tooLarge) }
  }
  const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined
  const timer = setTimeout(() => {
    limits.idle.abort()
  }, limits.idleTimeoutMs)
  let received = 0
  try {
    for (let chunk = await reader?.read(); chunk?.done === false; chunk = await reader?.read()) {
      received += chunk.value.byteLength
      if (received > maxBytes) {
        await reader?.cancel()
        await sink.abandon()
        return { done: err(tooLarge) }
      }
      await sink.write(chunk.value)
      timer.refresh()
    }
  } catch (error) {
    await sink.abandon()
    return { retry: transportError(url, error, limits) }
  } finally {
    clearTimeout(timer)
  }
  return {
    done: ok({
      notModified: false,
      url,
      body: await sink.finish(),
      validators: validatorsOf(response),
    }),
  }
}

const validatorsOf = (response: Response): Validators => {
  const etag = response.headers.get('etag')
  const lastModified = response.headers.get('last-modified')
  return {
    ...(etag === null ? {} : { etag }),
    ...(lastModified === null ? {} : { lastModified }),
  }
}

const discard = async (response: Response): Promise<void> => {
  try {
    await response.body?.cancel()
  } catch {
    // The connection is already gone; nothing is left to release.
  }
}

const transportError = (url: string, error: unknown, limits: Limits): FetchError => {
  if (limits.total.aborted) {
    return fetchError('timeout', url, `no complete answer within ${seconds(limits.timeoutMs)}`)
  }
  if (limits.idle.signal.aborted) {
    return fetchError('timeout', url, `the download stalled for ${seconds(limits.idleTimeoutMs)}`)
  }
  return fetchError('network', url, `connection failed: ${networkCause(error)}`)
}

const seconds = (milliseconds: number): string =>
  milliseconds < 1000 ? `${String(milliseconds)} ms` : `${String(milliseconds / 1000)} s`

const networkCause = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error)
  const cause: unknown = error.cause
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code
    return `${error.message} (${code ?? cause.message})`
  }
  return error.message
}
