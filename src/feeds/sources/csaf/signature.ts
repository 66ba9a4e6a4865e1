/**
 * Checking a CSAF document's detached OpenPGP signature (`.asc`). No OpenPGP implementation is
 * installed in this project, and writing one is out of the question, so the default verifier
 * answers `not-verified`: the document is accepted on its hash and the result says the
 * signature was not verified. A real verifier (an OpenPGP library, or `gpg --verify` against
 * the configured keys) plugs in here without touching the sync.
 */
export const SIGNATURE_CHECKS = ['valid', 'invalid', 'not-verified'] as const
export type SignatureCheck = (typeof SIGNATURE_CHECKS)[number]

export type SignatureVerifier = (input: {
  readonly document: Uint8Array
  readonly signature: Uint8Array
  /** The OpenPGP public keys configured for this provider (files or fingerprints). */
  readonly keys: readonly string[]
  readonly url: string
}) => Promise<SignatureCheck>

export const notVerified: SignatureVerifier = () => Promise.resolve('not-verified')
