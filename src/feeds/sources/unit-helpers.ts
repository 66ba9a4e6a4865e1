import { gunzipSync } from 'node:zlib'

import { err, formatPath, ok, type Issue, type Result } from '../../core/index.js'
import { describeFetchError, type FetchError } from '../http/fetch-error.js'
import type { Fetched, Fetcher } from '../fetcher.js'
import type { UnitContext, UnitFailure, UnitWarning } from '../sync/sync-unit.js'

export const fetchFailure = (error: FetchError): UnitFailure => ({
  code: `fetch/${error.kind}`,
  message: describeFetchError(error),
  url: error.url,
})

/**
 * A feed published as one whole file (KEV, EPSS): downloaded conditionally on the validators of
 * the stored copy, so an unchanged file costs one request and changes nothing.
 */
export const fetchWholeFile = async (
  context: UnitContext,
  fetcher: Fetcher,
  url: string,
  maxBytes: number,
): Promise<Result<Fetched<Uint8Array>, UnitFailure>> => {
  context.progress(`downloading ${url}`)
  const validators = context.previous?.state.validators
  const fetched = await fetcher.bytes({
    url,
    maxBytes,
    ...(validators === undefined ? {} : { validators }),
  })
  return fetched.ok ? fetched : err(fetchFailure(fetched.error))
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** UTF-8 text (a byte order mark dropped), or why the bytes are not text. */
export const decodeUtf8 = (bytes: Uint8Array, url: string): Result<string, UnitFailure> => {
  try {
    return ok(utf8.decode(bytes).replace(/^\uFEFF/, ''))
  } catch {
    return err({ code: 'format/not-utf8', message: `${url} is not UTF-8 text`, url })
  }
}

export const decodeJson = (bytes: Uint8Array, url: string): Result<unknown, UnitFailure> => {
  const text = decodeUtf8(bytes, url)
  if (!text.ok) return text
  try {
    return ok(JSON.parse(text.value) as unknown)
  } catch (error) {
    return err({
      code: 'format/not-json',
      message: `${url} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      url,
    })
  }
}

const GZIP_MAGIC = [0x1f, 0x8b] as const

export const isGzip = (bytes: Uint8Array): boolean =>
  bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]

/**
 * Gunzips with a bound on the output (a small archive can expand enormously). Bytes that are
 * not gzip pass through: a server may already have removed a transfer `Content-Encoding`.
 */
export const gunzipLimited = (
  bytes: Uint8Array,
  maxBytes: number,
  url: string,
): Result<Uint8Array, UnitFailure> => {
  if (!isGzip(bytes)) return ok(bytes)
  try {
    return ok(new Uint8Array(gunzipSync(bytes, { maxOutputLength: maxBytes })))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return err(
      code === 'ERR_BUFFER_TOO_LARGE'
        ? {
            code: 'format/too-large',
            message: `${url} unpacks to more than ${String(maxBytes)} bytes`,
            url,
          }
        : {
            code: 'format/bad-gzip',
            message: `${url} is a damaged gzip file: ${String(error)}`,
            url,
          },
    )
  }
}

/** At most this many warnings of one kind are kept; the rest are counted. */
export const MAX_WARNINGS = 50

/** Collects warnings, keeping the first few of each code and counting the rest. */
export class WarningList {
  private readonly kept: UnitWarning[] = []
  private readonly dropped = new Map<string, number>()

  add(warning: UnitWarning): void {
    const sameCode = this.kept.filter((kept) => kept.code === warning.code).length
    if (sameCode < MAX_WARNINGS) this.kept.push(warning)
    else this.dropped.set(warning.code, (this.dropped.get(warning.code) ?? 0) + 1)
  }

  list(): readonly UnitWarning[] {
    return [
      ...this.kept,
      ...[...this.dropped].map(([code, count]) => ({
        code,
        message: `${String(count)} more warnings like these`,
      })),
    ]
  }
}

/** The first issues of a failed conversion, as one sentence. */
export const describeIssues = (issues: readonly Issue[]): string =>
  issues
    .slice(0, 3)
    .map((issue) => `${issue.message} at ${formatPath(issue.path)}`)
    .join('; ') + (issues.length > 3 ? `; and ${String(issues.length - 3)} more` : '')
