/**
 * Checking a CSAF document's detached OpenPGP signature (`.asc`, CSAF 2.0 requirement 19). The
 * sync uses the OpenPGP verifier (`openpgp-verifier.ts`) over the keys configured for a
 * provider; another verifier (`gpg --verify`, a test double) can be passed in instead.
 */
export const SIGNATURE_PROBLEMS = [
  'bad-signature',
  'unknown-key',
  'expired-key',
  'revoked-key',
  'unreadable-signature',
] as const
export type SignatureProblem = (typeof SIGNATURE_PROBLEMS)[number]

export type SignatureCheck =
  /** Made over these exact bytes by the configured key with this fingerprint. */
  | { readonly kind: 'verified'; readonly fingerprint: string }
  /** `detail` says why, for people: which key signed, when it expired. */
  | { readonly kind: 'refused'; readonly problem: SignatureProblem; readonly detail: string }
  /** A verifier that cannot tell (accepted, and reported as not verified). */
  | { readonly kind: 'not-verified' }

export type SignatureVerifier = (input: {
  /** The document exactly as downloaded. */
  readonly document: Uint8Array
  readonly signature: Uint8Array
  /** The keys configured for this provider, as configured (file paths). */
  readonly keys: readonly string[]
  readonly url: string
  /** The time of the sync: a key that has expired by then is refused. */
  readonly date: Date
}) => Promise<SignatureCheck>

export const notVerified: SignatureVerifier = () => Promise.resolve({ kind: 'not-verified' })

/** Fingerprints as people compare them (gpg prints them upper-case). */
export const showFingerprint = (hex: string): string => hex.toUpperCase()
