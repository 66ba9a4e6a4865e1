import path from 'node:path'

import { err, ok, type Advisory, type Result } from '../../../core/index.js'
import { isLater } from '../../store/instant.js'
import { describeCounts, upsertRecords } from '../../store/merge-records.js'
import { LAYOUT } from '../../store/store-layout.js'
import type {
  SyncUnit,
  UnitContext,
  UnitFailure,
  UnitResult,
  UnitWarning,
} from '../../sync/sync-unit.js'
import { decodeJson, describeIssues, fetchFailure, WarningList } from '../unit-helpers.js'
import { forEachLimited } from '../work-pool.js'
import { listDocuments } from './list-documents.js'
import { checkDocument, type DocumentCheck, type DocumentCheckOptions } from './check-document.js'
import type { ListedDocument } from './document-listing.js'
import { parseProviderMetadata, providerMetadataUrl } from './provider-metadata.js'
import { providerVerifier } from './provider-verifier.js'
import type { SignatureVerifier } from './signature.js'
import type { CsafConverter, CsafSourceOptions } from './csaf-options.js'

const DOCUMENTS_AT_ONCE = 4

type Outcome = Result<UnitResult, UnitFailure>

/** The partition name of a provider: its host, plus the path when not at the well-known place. */
export const csafPartitionOf = (provider: string): string => {
  const url = new URL(providerMetadataUrl(provider))
  return url.pathname === '/.well-known/csaf/provider-metadata.json'
    ? url.host
    : `${url.host}${url.pathname}`
}

/**
 * One CSAF provider: reads its metadata, lists documents from its ROLIE feeds (or its
 * directory's `changes.csv`, else `index.txt`), fetches those changed since the last sync,
 * checks each against its published SHA-512/SHA-256 (and OpenPGP signature, where keys are
 * configured), and merges the accepted ones. A document whose hash does not match is refused,
 * named in the warnings and tried again at the next sync; a network failure, or a signature
 * that is missing or does not verify, fails the unit and leaves the store as it was.
 */
export const csafUnit = (options: CsafSourceOptions): SyncUnit => ({
  source: 'csaf',
  partition: csafPartitionOf(options.provider.url),
  run: async (context) => {
    const metadataUrl = providerMetadataUrl(options.provider.url)
    context.progress(`reading ${metadataUrl}`)
    const fetched = await options.fetcher.bytes({ url: metadataUrl, maxBytes: 4 << 20 })
    if (!fetched.ok) return err(fetchFailure(fetched.error))
    if (fetched.value.notModified) return ok({ kind: 'unchanged', warnings: [] })
    const json = decodeJson(fetched.value.body, metadataUrl)
    if (!json.ok) return json
    const metadata = parseProviderMetadata(json.value, metadataUrl)
    if (!metadata.ok) {
      return err({
        code: 'csaf/bad-metadata',
        message: `${metadataUrl}: ${metadata.error}`,
        url: metadataUrl,
      })
    }
    const verifier = await providerVerifier(options, metadata.value, metadataUrl)
    if (!verifier.ok) return verifier
    const listing = await listDocuments(options, metadata.value, context)
    if (!listing.ok) return listing
    return syncDocuments(options, context, metadataUrl, listing.value, verifier.value)
  },
})

const syncDocuments = async (
  options: CsafSourceOptions,
  context: UnitContext,
  origin: string,
  listing: { readonly documents: readonly ListedDocument[]; readonly distribution: string },
  verifier: { readonly verify: SignatureVerifier; readonly warnings: readonly UnitWarning[] },
): Promise<Outcome> => {
  const previous = context.previous?.state
  const retry = new Set(previous?.retry ?? [])
  const wanted = listing.documents.filter(
    (document) =>
      retry.has(document.url) ||
      previous?.cursor === undefined ||
      document.updated === undefined ||
      isLater(document.updated, previous.cursor),
  )
  if (wanted.length === 0) {
    context.progress('no changed documents')
    return ok({ kind: 'unchanged', warnings: verifier.warnings })
  }
  context.progress(`fetching ${String(wanted.length)} documents (${listing.distribution})`)
  const fetched = await fetchDocuments(options, wanted, {
    verify: verifier.verify,
    date: new Date(context.now()),
    warnings: verifier.warnings,
  })
  if (!fetched.ok) return fetched
  const { accepted, refused, warnings, signatures } = fetched.value
  const counts = await upsertRecords(
    context.previous === undefined ? undefined : path.join(context.previous.folder, LAYOUT.records),
    accepted,
    path.join(context.target, LAYOUT.records),
  )
  const cursor = newestUpdate(listing.documents, previous?.cursor)
  return ok({
    kind: 'written',
    state: {
      source: 'csaf',
      partition: csafPartitionOf(options.provider.url),
      syncedAt: context.now(),
      origin,
      records: counts.records,
      withdrawn: counts.withdrawn,
      ...(cursor === undefined ? {} : { cursor }),
      ...(refused.length === 0 ? {} : { retry: refused }),
      facts: { distribution: listing.distribution, signatures },
    },
    summary: `${describeCounts(counts)}${refused.length === 0 ? '' : `; ${String(refused.length)} documents refused`}`,
    warnings,
  })
}

const newestUpdate = (
  documents: readonly ListedDocument[],
  cursor: string | undefined,
): string | undefined =>
  documents.reduce<string | undefined>(
    (newest, document) =>
      document.updated !== undefined && (newest === undefined || isLater(document.updated, newest))
        ? document.updated
        : newest,
    cursor,
  )

interface FetchedDocuments {
  readonly accepted: Map<string, Advisory>
  /** URLs refused for a failed check, tried again next time. */
  readonly refused: string[]
  readonly warnings: readonly UnitWarning[]
  /**
   * How signatures fared: `not checked` (no keys), `verified with key <fingerprint>`, or
   * `not verified` (a verifier that could not tell).
   */
  readonly signatures: string
}

const fetchDocuments = async (
  options: CsafSourceOptions,
  documents: readonly ListedDocument[],
  signatures: {
    readonly verify: SignatureVerifier
    readonly date: Date
    readonly warnings: readonly UnitWarning[]
  },
): Promise<Result<FetchedDocuments, UnitFailure>> => {
  const keys = options.provider.publicKeys ?? []
  const checkOptions: DocumentCheckOptions = {
    fetcher: options.fetcher,
    keys,
    verifySignature: signatures.verify,
    maxDocumentBytes: options.maxDocumentBytes ?? 64 << 20,
    date: signatures.date,
  }
  // Checked concurrently, reported in listing order: the same provider gives the same result.
  const checks: DocumentCheck[] = []
  await forEachLimited(documents, DOCUMENTS_AT_ONCE, async (document, index) => {
    const checked = await checkDocument(checkOptions, document)
    checks[index] = checked
    return checked.kind !== 'failure'
  })
  // The first failing document in listing order, whichever finished first.
  const failure = checks.find(
    (check: DocumentCheck | undefined): check is Extract<DocumentCheck, { kind: 'failure' }> =>
      check?.kind === 'failure',
  )
  if (failure !== undefined) return err(failure.failure)
  return ok(collect(options.convert, documents, checks, keys.length > 0, signatures.warnings))
}

const collect = (
  convert: CsafConverter,
  documents: readonly ListedDocument[],
  checks: readonly DocumentCheck[],
  withKeys: boolean,
  earlier: readonly UnitWarning[],
): FetchedDocuments => {
  const accepted = new Map<string, Advisory>()
  const refused: string[] = []
  const warnings = new WarningList()
  for (const warning of earlier) warnings.add(warning)
  let unverified = 0
  const fingerprints = new Set<string>()
  documents.forEach((document, index) => {
    const checked = checks[index]
    if (checked === undefined || checked.kind === 'failure') return
    for (const warning of checked.warnings) warnings.add(warning)
    if (checked.kind === 'refused') {
      if (checked.retry) refused.push(document.url)
      return
    }
    if (checked.signature.kind === 'not-verified') unverified += 1
    if (checked.signature.kind === 'verified') fingerprints.add(checked.signature.fingerprint)
    const converted = convertDocument(convert, checked.body, document.url)
    if (converted.ok) accepted.set(converted.value.id, converted.value)
    else warnings.add(converted.error)
  })
  const signatures = describeSignatures(withKeys, unverified, fingerprints)
  return { accepted, refused: refused.sort(), warnings: warnings.list(), signatures }
}

const convertDocument = (convert: CsafConverter, body: Uint8Array, url: string) => {
  const json = decodeJson(body, url)
  if (!json.ok)
    return err({ code: 'csaf/invalid-document', message: json.error.message, subject: url })
  const converted = convert(json.value)
  return converted.ok
    ? converted
    : err({
        code: 'csaf/invalid-document',
        message: `${url}: ${describeIssues(converted.error)}`,
        subject: url,
      })
}

const describeSignatures = (
  withKeys: boolean,
  unverified: number,
  fingerprints: ReadonlySet<string>,
): string => {
  if (!withKeys) return 'not checked'
  if (unverified > 0) return 'not verified'
  const keys = [...fingerprints].sort()
  if (keys.length === 0) return 'no signed document accepted'
  return `verified with ${keys.length === 1 ? 'key' : 'keys'} ${keys.join(', ')}`
}
