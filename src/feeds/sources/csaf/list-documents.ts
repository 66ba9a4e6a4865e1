import { err, ok, type Result } from '../../../core/index.js'
import { isLater } from '../../store/instant.js'
import type { UnitContext, UnitFailure } from '../../sync/sync-unit.js'
import { decodeJson, decodeUtf8, fetchFailure } from '../unit-helpers.js'
import type { CsafSourceOptions } from './csaf-options.js'
import {
  parseChangesCsv,
  parseIndexTxt,
  parseRolieFeed,
  type ListedDocument,
} from './document-listing.js'
import type { ProviderMetadata } from './provider-metadata.js'

const PUBLIC_TLP = ['WHITE', 'CLEAR']
const MAX_LISTING_BYTES = 256 << 20

export interface Listing {
  readonly documents: readonly ListedDocument[]
  /** `ROLIE` or `directory`: which distribution the documents were listed from. */
  readonly distribution: string
}

/**
 * The provider's documents: from its ROLIE feeds when it has any (they carry `updated` times
 * and hash links), else from each directory's `changes.csv`, else its `index.txt`. A document
 * listed twice is kept once, with its latest time.
 */
export const listDocuments = async (
  options: CsafSourceOptions,
  metadata: ProviderMetadata,
  context: UnitContext,
): Promise<Result<Listing, UnitFailure>> => {
  const labels = new Set((options.provider.tlpLabels ?? PUBLIC_TLP).map((l) => l.toUpperCase()))
  const feeds = metadata.rolieFeeds.filter(
    (feed) => feed.tlpLabel === undefined || labels.has(feed.tlpLabel.toUpperCase()),
  )
  const lists: ListedDocument[][] = []
  const useRolie = feeds.length > 0
  for (const source of useRolie ? feeds.map((feed) => feed.url) : metadata.directories) {
    context.progress(`listing ${source}`)
    const listed = useRolie ? await readFeed(options, source) : await readDirectory(options, source)
    if (!listed.ok) return listed
    lists.push(listed.value)
  }
  return ok({ documents: dedupe(lists.flat()), distribution: useRolie ? 'ROLIE' : 'directory' })
}

const readFeed = async (
  options: CsafSourceOptions,
  url: string,
): Promise<Result<ListedDocument[], UnitFailure>> => {
  const fetched = await options.fetcher.bytes({ url, maxBytes: MAX_LISTING_BYTES })
  if (!fetched.ok) return err(fetchFailure(fetched.error))
  if (fetched.value.notModified) return ok([])
  const json = decodeJson(fetched.value.body, url)
  if (!json.ok) return json
  const parsed = parseRolieFeed(json.value, url)
  return parsed.ok ? parsed : err({ code: 'csaf/bad-feed', message: parsed.error, url })
}

const readDirectory = async (
  options: CsafSourceOptions,
  directory: string,
): Promise<Result<ListedDocument[], UnitFailure>> => {
  for (const [file, parse] of [
    ['changes.csv', parseChangesCsv],
    ['index.txt', parseIndexTxt],
  ] as const) {
    const url = `${directory}${file}`
    const fetched = await options.fetcher.bytes({ url, maxBytes: MAX_LISTING_BYTES })
    if (!fetched.ok) {
      if (fetched.error.kind === 'not-found') continue
      return err(fetchFailure(fetched.error))
    }
    if (fetched.value.notModified) return ok([])
    const text = decodeUtf8(fetched.value.body, url)
    if (!text.ok) return text
    return ok(parse(text.value, directory))
  }
  return err({
    code: 'csaf/no-listing',
    message: `${directory} has neither changes.csv nor index.txt`,
    url: directory,
  })
}

const dedupe = (documents: readonly ListedDocument[]): ListedDocument[] => {
  const byUrl = new Map<string, ListedDocument>()
  for (const document of documents) {
    const held = byUrl.get(document.url)
    if (
      held?.updated === undefined ||
      (document.updated !== undefined && isLater(document.updated, held.updated))
    ) {
      byUrl.set(document.url, held === undefined ? document : { ...held, ...document })
    }
  }
  return [...byUrl.values()]
}
