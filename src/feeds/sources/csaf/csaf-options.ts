import type { Advisory, Issue, Result } from '../../../core/index.js'
import type { Fetcher } from '../../fetcher.js'
import type { SignatureVerifier } from './signature.js'

/**
 * CSAF 2.0 document → advisory. Written in `formats/advisories/csaf-document.ts`
 * (`csafDocumentToAdvisory`) and injected, so this feed does not depend on its progress.
 */
export type CsafConverter = (json: unknown) => Result<Advisory, readonly Issue[]>

export interface CsafProviderConfig {
  /** The provider's `provider-metadata.json` URL, or its domain (read at `/.well-known/csaf/`). */
  readonly url: string
  /** OpenPGP public keys to check signatures with; without them signatures are not fetched. */
  readonly publicKeys?: readonly string[]
  /** ROLIE feeds read, by TLP label (default WHITE and CLEAR: the public ones). */
  readonly tlpLabels?: readonly string[]
}

export interface CsafSourceOptions {
  readonly provider: CsafProviderConfig
  readonly fetcher: Fetcher
  readonly convert: CsafConverter
  readonly verifySignature?: SignatureVerifier
  readonly maxDocumentBytes?: number
}
