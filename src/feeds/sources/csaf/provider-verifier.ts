import { err, ok, type Result } from '../../../core/index.js'
import type { UnitFailure, UnitWarning } from '../../sync/sync-unit.js'
import type { CsafSourceOptions } from './csaf-options.js'
import { loadPublicKeys } from './openpgp-keys.js'
import { openpgpVerifier } from './openpgp-verifier.js'
import type { ProviderMetadata } from './provider-metadata.js'
import { notVerified, showFingerprint, type SignatureVerifier } from './signature.js'

export interface ProviderVerifier {
  readonly verify: SignatureVerifier
  /** Said once per sync, e.g. that the provider lists no key fingerprints to compare. */
  readonly warnings: readonly UnitWarning[]
}

/**
 * The signature verifier for one provider: a verifier passed in, else OpenPGP over the
 * configured key files. Configured keys must be among those the provider's metadata lists
 * (`public_openpgp_keys`), when it lists fingerprints at all: a key the provider does not
 * name is either stale configuration or someone else's key, and either needs a person.
 */
export const providerVerifier = async (
  options: CsafSourceOptions,
  metadata: ProviderMetadata,
  metadataUrl: string,
): Promise<Result<ProviderVerifier, UnitFailure>> => {
  const files = options.provider.publicKeys ?? []
  if (options.verifySignature !== undefined) {
    return ok({ verify: options.verifySignature, warnings: [] })
  }
  if (files.length === 0) return ok({ verify: notVerified, warnings: [] })
  const keys = await loadPublicKeys(files)
  if (!keys.ok) return keys
  const listed = new Set(
    metadata.openpgpKeys.flatMap((key) => (key.fingerprint === undefined ? [] : [key.fingerprint])),
  )
  const configured = keys.value.map((key) => showFingerprint(key.getFingerprint()))
  if (listed.size === 0) {
    return ok({
      verify: openpgpVerifier(keys.value),
      warnings: [
        {
          code: 'csaf/no-listed-keys',
          message: `${metadataUrl} lists no OpenPGP key fingerprints (public_openpgp_keys), so the configured keys ${configured.join(', ')} could not be compared with the provider's`,
          subject: metadataUrl,
        },
      ],
    })
  }
  const unlisted = keys.value.filter(
    (key) =>
      !key.getKeys().some((component) => listed.has(showFingerprint(component.getFingerprint()))),
  )
  if (unlisted.length > 0) {
    return err({
      code: 'csaf/unlisted-key',
      message: `the configured key ${unlisted.map((key) => showFingerprint(key.getFingerprint())).join(', ')} is not among the keys ${metadataUrl} lists (${[...listed].sort().join(', ')})`,
      url: metadataUrl,
    })
  }
  return ok({ verify: openpgpVerifier(keys.value), warnings: [] })
}
