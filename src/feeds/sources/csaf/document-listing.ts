import { err, ok, type Result } from '../../../core/index.js'
import { asList, isRecord, resolveUrl } from './json-links.js'

/** One advisory a provider lists, with where to find its hash and signature. */
export interface ListedDocument {
  readonly url: string
  /** When the provider last changed it (ROLIE `updated`, `changes.csv` time); absent in index.txt. */
  readonly updated?: string
  /** Hash files the listing names (ROLIE `rel: hash`); `.sha512`/`.sha256` are tried otherwise. */
  readonly hashUrls: readonly string[]
  readonly signatureUrl?: string
}

/** A ROLIE feed (CSAF 2.0 §7.1.21): `feed.entry[]` with `content.src` and typed links. */
export const parseRolieFeed = (
  json: unknown,
  feedUrl: string,
): Result<ListedDocument[], string> => {
  const feed = isRecord(json) ? json['feed'] : undefined
  if (!isRecord(feed)) return err(`${feedUrl} is not a ROLIE feed (no "feed" object)`)
  const documents: ListedDocument[] = []
  for (const entry of asList(feed['entry'])) {
    if (!isRecord(entry)) continue
    const links = asList(entry['link']).filter(isRecord)
    const linked = (rel: string) =>
      links.filter((link) => link['rel'] === rel).map((link) => resolveUrl(link['href'], feedUrl))
    const content = isRecord(entry['content']) ? entry['content']['src'] : undefined
    const url = resolveUrl(content, feedUrl) ?? linked('self')[0]
    if (url === undefined) continue
    const updated = entry['updated']
    const [signatureUrl] = linked('signature')
    documents.push({
      url,
      hashUrls: linked('hash').filter((href): href is string => href !== undefined),
      ...(typeof updated === 'string' ? { updated } : {}),
      ...(signatureUrl === undefined ? {} : { signatureUrl }),
    })
  }
  return ok(documents)
}

/**
 * A document path of `changes.csv` or `index.txt`, resolved against the directory. Paths that
 * would leave the directory (`..`, another host) are dropped: the listing cannot send the sync
 * elsewhere.
 */
const inDirectory = (relative: string, directoryUrl: string): string | undefined => {
  if (relative === '' || relative.split('/').includes('..')) return undefined
  const url = resolveUrl(relative, directoryUrl)
  return url?.startsWith(directoryUrl) === true ? url : undefined
}

const unquote = (field: string): string => {
  const trimmed = field.trim()
  return trimmed.startsWith('"') && trimmed.endsWith('"') && trimmed.length >= 2
    ? trimmed.slice(1, -1).replace(/""/g, '"')
    : trimmed
}

/** `changes.csv` (§7.1.16): `"<path>","<current_release_date>"` per document, newest first. */
export const parseChangesCsv = (text: string, directoryUrl: string): ListedDocument[] =>
  text.split(/\r?\n/).flatMap((line) => {
    const comma = line.lastIndexOf(',')
    if (comma < 0) return []
    const url = inDirectory(unquote(line.slice(0, comma)), directoryUrl)
    const updated = unquote(line.slice(comma + 1))
    return url === undefined || updated === '' ? [] : [{ url, updated, hashUrls: [] }]
  })

/** `index.txt` (§7.1.15): one document path per line. */
export const parseIndexTxt = (text: string, directoryUrl: string): ListedDocument[] =>
  text.split(/\r?\n/).flatMap((line) => {
    const url = inDirectory(line.trim(), directoryUrl)
    return url === undefined ? [] : [{ url, hashUrls: [] }]
  })
