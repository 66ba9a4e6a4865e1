import { open, stat } from 'node:fs/promises'
import path from 'node:path'

import { err, ok, type Result } from '../../core/index.js'
import type { Fetched, Fetcher, FetchRequest } from '../fetcher.js'
import { fetchError, type FetchError } from '../http/fetch-error.js'

/** URLs under `urlPrefix` are files under `folder`, path segment for path segment. */
export interface MirrorMapping {
  readonly urlPrefix: string
  readonly folder: string
}

/**
 * Reads upstream URLs from a folder copied from the upstream layout (an air-gapped site's
 * mirror). URL path segments are decoded one by one and must stay inside the folder: no `..`,
 * no empty or hidden separators. A file's size and modification time stand in for an ETag, so
 * an unchanged mirror file is `notModified` like an unchanged upstream one.
 */
export const createMirrorFetcher = (mappings: readonly MirrorMapping[]): Fetcher => ({
  bytes: async (request) => {
    const found = await locate(mappings, request)
    if (!found.ok) return found
    if (found.value.notModified) return ok({ notModified: true, url: request.url })
    return readWhole(found.value.body, request.url, found.value.validators)
  },
  file: (request) => locate(mappings, request),
})

/** The mirror file of `url`, or why there is none. */
export const mirrorPath = (
  mappings: readonly MirrorMapping[],
  url: string,
): Result<string, FetchError> => {
  const mapping = mappings.find((candidate) => url.startsWith(candidate.urlPrefix))
  if (mapping === undefined)
    return err(fetchError('bad-url', url, 'no mirror folder holds this URL'))
  const rest = url.slice(mapping.urlPrefix.length).replace(/[?#].*$/s, '')
  const segments: string[] = []
  for (const raw of rest.split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return err(fetchError('bad-url', url, `'${raw}' is not a valid URL path segment`))
    }
    if (!safeSegment(segment)) {
      return err(fetchError('bad-url', url, `the path segment '${raw}' would leave the mirror`))
    }
    segments.push(segment)
  }
  return ok(path.join(mapping.folder, ...segments))
}

const safeSegment = (segment: string): boolean =>
  segment !== '' && segment !== '.' && segment !== '..' && !/[/\\\0]/.test(segment)

const locate = async (
  mappings: readonly MirrorMapping[],
  request: FetchRequest,
): Promise<Result<Fetched<string>, FetchError>> => {
  const file = mirrorPath(mappings, request.url)
  if (!file.ok) return file
  let size: number
  let mtimeMs: number
  try {
    const info = await stat(file.value)
    if (!info.isFile()) return err(notFound(request.url, file.value))
    ;({ size, mtimeMs } = info)
  } catch {
    return err(notFound(request.url, file.value))
  }
  if (size > request.maxBytes) {
    return err(
      fetchError(
        'too-large',
        request.url,
        `${file.value} is ${String(size)} bytes; the limit is ${String(request.maxBytes)}`,
      ),
    )
  }
  const etag = `"mirror-${String(size)}-${String(Math.trunc(mtimeMs))}"`
  if (request.validators?.etag === etag) return ok({ notModified: true, url: request.url })
  return ok({ notModified: false, url: request.url, body: file.value, validators: { etag } })
}

const notFound = (url: string, file: string): FetchError =>
  fetchError('not-found', url, `the mirror has no file ${file}`)

const readWhole = async (
  file: string,
  url: string,
  validators: { readonly etag?: string },
): Promise<Result<Fetched<Uint8Array>, FetchError>> => {
  try {
    const handle = await open(file, 'r')
    try {
      return ok({
        notModified: false,
        url,
        body: new Uint8Array(await handle.readFile()),
        validators,
      })
    } finally {
      await handle.close()
    }
  } catch (error) {
    return err(fetchError('network', url, `${file} cannot be read: ${String(error)}`))
  }
}
