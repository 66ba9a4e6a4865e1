import type { Fetcher } from '../../fetcher.js'
import { describeFetchError } from '../../http/fetch-error.js'
import type { UnitFailure, UnitWarning } from '../../sync/sync-unit.js'
import { decodeUtf8, fetchFailure } from '../unit-helpers.js'
import type { ListedDocument } from './document-listing.js'
import { digestOf, parseHashFile } from './integrity.js'
import type { SignatureCheck, SignatureVerifier } from './signature.js'

export interface DocumentCheckOptions {
  readonly fetcher: Fetcher
  readonly keys: readonly string[]
  readonly verifySignature: SignatureVerifier
  readonly maxDocumentBytes: number
  /** The time of the sync, for key expiry. */
  readonly date: Date
}

/** How an accepted document's signature fared. */
export type SignatureOutcome =
  Exclude<SignatureCheck, { kind: 'refused' }> | { kind: 'not-checked' }

export type DocumentCheck =
  | {
      readonly kind: 'accepted'
      readonly body: Uint8Array
      readonly signature: SignatureOutcome
      readonly warnings: readonly UnitWarning[]
    }
  | { readonly kind: 'refused'; readonly retry: boolean; readonly warnings: readonly UnitWarning[] }
  | { readonly kind: 'failure'; readonly failure: UnitFailure }

const SMALL_FILE_BYTES = 64 << 10
/** An armored signature is under 2 KiB even with a 4096-bit RSA key; a larger file is not one. */
export const MAX_SIGNATURE_BYTES = 64 << 10
const NOT_CHECKED: SignatureOutcome = { kind: 'not-checked' }

const refused = (retry: boolean, warning: UnitWarning): DocumentCheck => ({
  kind: 'refused',
  retry,
  warnings: [warning],
})

/**
 * Fetches one listed document and checks it: the published hash must match (a document
 * without any hash file is accepted with a warning). Where keys are configured, a missing,
 * oversized or failing signature fails the whole provider: unlike a stale hash file, it is
 * what an attacker who controls the server would produce, and the store must not move on it.
 */
export const checkDocument = async (
  options: DocumentCheckOptions,
  document: ListedDocument,
): Promise<DocumentCheck> => {
  const { url } = document
  const fetched = await options.fetcher.bytes({ url, maxBytes: options.maxDocumentBytes })
  if (!fetched.ok) {
    const { kind } = fetched.error
    return kind === 'not-found' || kind === 'too-large'
      ? refused(false, {
          code: 'csaf/document-unavailable',
          message: describeFetchError(fetched.error),
          subject: url,
        })
      : { kind: 'failure', failure: fetchFailure(fetched.error) }
  }
  if (fetched.value.notModified) {
    return refused(false, {
      code: 'csaf/document-unavailable',
      message: `${url}: 304 unasked`,
      subject: url,
    })
  }
  const body = fetched.value.body
  const hash = await checkHash(options.fetcher, document, body)
  if (hash.kind !== 'accepted') return hash
  const signature = await checkSignature(options, document, body)
  if (signature.kind !== 'accepted') return signature
  return { ...signature, warnings: [...hash.warnings, ...signature.warnings] }
}

const hashCandidates = (document: ListedDocument): readonly string[] =>
  document.hashUrls.length > 0
    ? [...document.hashUrls].sort(
        (a, b) => Number(b.endsWith('.sha512')) - Number(a.endsWith('.sha512')),
      )
    : [`${document.url}.sha512`, `${document.url}.sha256`]

const checkHash = async (
  fetcher: Fetcher,
  document: ListedDocument,
  body: Uint8Array,
): Promise<DocumentCheck> => {
  const { url } = document
  for (const hashUrl of hashCandidates(document)) {
    const fetched = await fetcher.bytes({ url: hashUrl, maxBytes: SMALL_FILE_BYTES })
    if (!fetched.ok) {
      if (fetched.error.kind === 'not-found') continue
      return { kind: 'failure', failure: fetchFailure(fetched.error) }
    }
    if (fetched.value.notModified) continue
    const text = decodeUtf8(fetched.value.body, hashUrl)
    const published = text.ok ? parseHashFile(text.value) : undefined
    if (published === undefined) {
      return refused(true, {
        code: 'csaf/bad-hash-file',
        message: `${hashUrl} holds no SHA-256 or SHA-512 digest`,
        subject: url,
      })
    }
    if (digestOf(published.algorithm, body) !== published.digest) {
      return refused(true, {
        code: 'csaf/bad-hash',
        message: `${url}: its ${published.algorithm.toUpperCase()} does not match ${hashUrl}; document refused`,
        subject: url,
      })
    }
    return { kind: 'accepted', body, signature: NOT_CHECKED, warnings: [] }
  }
  return {
    kind: 'accepted',
    body,
    signature: NOT_CHECKED,
    warnings: [
      { code: 'csaf/no-hash', message: `${url}: no .sha512 or .sha256 is published`, subject: url },
    ],
  }
}

const failure = (code: string, message: string, url: string): DocumentCheck => ({
  kind: 'failure',
  failure: { code, message, url },
})

const checkSignature = async (
  options: DocumentCheckOptions,
  document: ListedDocument,
  body: Uint8Array,
): Promise<DocumentCheck> => {
  const { url } = document
  if (options.keys.length === 0) {
    return { kind: 'accepted', body, signature: NOT_CHECKED, warnings: [] }
  }
  const signatureUrl = document.signatureUrl ?? `${url}.asc`
  const fetched = await options.fetcher.bytes({ url: signatureUrl, maxBytes: MAX_SIGNATURE_BYTES })
  if (!fetched.ok) {
    switch (fetched.error.kind) {
      case 'not-found':
        return failure(
          'csaf/no-signature',
          `${url}: missing signature: ${signatureUrl} does not exist`,
          url,
        )
      case 'too-large':
        return failure(
          'csaf/signature-too-large',
          `${url}: its signature ${signatureUrl} is larger than ${String(MAX_SIGNATURE_BYTES >> 10)} KiB; refused unread`,
          url,
        )
      default:
        return { kind: 'failure', failure: fetchFailure(fetched.error) }
    }
  }
  if (fetched.value.notModified) {
    return failure(
      'csaf/no-signature',
      `${url}: missing signature: ${signatureUrl} answered 304 unasked`,
      url,
    )
  }
  const check = await options.verifySignature({
    document: body,
    signature: fetched.value.body,
    keys: options.keys,
    url,
    date: options.date,
  })
  if (check.kind === 'refused') {
    return failure(
      `csaf/${check.problem}`,
      `${url}: its signature ${signatureUrl} ${check.detail}`,
      url,
    )
  }
  return { kind: 'accepted', body, signature: check, warnings: [] }
}
