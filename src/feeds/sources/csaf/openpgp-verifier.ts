import {
  createMessage,
  readSignature,
  verify,
  type Key,
  type KeyID,
  type PublicKey,
  type Signature,
} from 'openpgp'

import {
  showFingerprint,
  type SignatureCheck,
  type SignatureProblem,
  type SignatureVerifier,
} from './signature.js'

const refused = (problem: SignatureProblem, detail: string): SignatureCheck => ({
  kind: 'refused',
  problem,
  detail,
})

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

/**
 * Verifies an ASCII-armored detached signature over the exact bytes downloaded, with the
 * provider's configured keys only. The key must be valid at the time of the sync, not just
 * when the signature claims to have been made: a signer sets that time, so a retired key
 * could otherwise still sign back-dated documents.
 */
export const openpgpVerifier =
  (keys: readonly PublicKey[]): SignatureVerifier =>
  async ({ document, signature, date }) => {
    let parsed: Signature
    try {
      parsed = await readSignature({ armoredSignature: new TextDecoder().decode(signature) })
    } catch (error) {
      return refused(
        'unreadable-signature',
        `is not an ASCII-armored OpenPGP signature (${messageOf(error)})`,
      )
    }
    const issuers = parsed.packets.map((packet) => ({
      keyID: packet.issuerKeyID,
      shown: showFingerprint(
        packet.issuerFingerprint === null
          ? packet.issuerKeyID.toHex()
          : Buffer.from(packet.issuerFingerprint).toString('hex'),
      ),
    }))
    const match = issuers
      .map((issuer) => ({ issuer, key: keys.find((key) => key.getKeys(issuer.keyID).length > 0) }))
      .find((candidate) => candidate.key !== undefined)
    if (match?.key === undefined) {
      const signers = issuers.map((issuer) => issuer.shown).join(', ')
      return refused(
        'unknown-key',
        `was made by key ${signers === '' ? '(none named)' : signers}, which is not configured`,
      )
    }
    const key = match.key
    const fingerprint = showFingerprint(key.getFingerprint())
    const unusable = await unusableKey(key, match.issuer.keyID, date, fingerprint)
    if (unusable !== undefined) return unusable
    try {
      const result = await verify({
        message: await createMessage({ binary: document }),
        signature: parsed,
        verificationKeys: [key],
        date,
        format: 'binary',
      })
      const made = result.signatures.find((entry) => entry.keyID.equals(match.issuer.keyID))
      if (made === undefined) return refused('unknown-key', `names no key of ${fingerprint}`)
      await made.verified
      return { kind: 'verified', fingerprint }
    } catch (error) {
      return refused(
        'bad-signature',
        `does not verify with key ${fingerprint} (${messageOf(error)})`,
      )
    }
  }

const unusableKey = async (
  key: Key,
  keyID: KeyID,
  date: Date,
  fingerprint: string,
): Promise<SignatureCheck | undefined> => {
  try {
    await key.getSigningKey(keyID, date)
    return undefined
  } catch (error) {
    if (await key.isRevoked(undefined, undefined, date)) {
      return refused('revoked-key', `was made by key ${fingerprint}, which is revoked`)
    }
    const expires = await key.getExpirationTime()
    if (expires instanceof Date && expires.getTime() <= date.getTime()) {
      return refused(
        'expired-key',
        `was made by key ${fingerprint}, which expired on ${expires.toISOString()}`,
      )
    }
    const subkey = key.getKeys(keyID)[0]
    const subkeyExpires = subkey === undefined ? null : await subkey.getExpirationTime()
    if (subkeyExpires instanceof Date && subkeyExpires.getTime() <= date.getTime()) {
      return refused(
        'expired-key',
        `was made by a subkey of ${fingerprint} that expired on ${subkeyExpires.toISOString()}`,
      )
    }
    return refused(
      'bad-signature',
      `was made by key ${fingerprint}, which cannot sign (${messageOf(error)})`,
    )
  }
}
