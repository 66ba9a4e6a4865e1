import { err, ok, type Result } from '../../../core/index.js'
import { asList, isRecord, resolveUrl } from './json-links.js'

export interface RolieFeedRef {
  readonly url: string
  /** `WHITE`, `GREEN`, `AMBER`, `RED`, `UNLABELED` (CSAF 2.0), `CLEAR` (2.1). */
  readonly tlpLabel?: string
}

/** What a sync needs from a CSAF `provider-metadata.json` (CSAF 2.0 §7.1.7). */
export interface ProviderMetadata {
  readonly publisher?: string
  readonly role?: string
  readonly rolieFeeds: readonly RolieFeedRef[]
  /** `directory_url`s: folders holding `index.txt` and `changes.csv`. */
  readonly directories: readonly string[]
  /** `public_openpgp_keys`: the keys the provider signs with (§7.1.20), fingerprints upper-case. */
  readonly openpgpKeys: readonly OpenpgpKeyRef[]
}

export interface OpenpgpKeyRef {
  readonly url: string
  readonly fingerprint?: string
}

export const parseProviderMetadata = (
  json: unknown,
  metadataUrl: string,
): Result<ProviderMetadata, string> => {
  if (!isRecord(json)) return err('provider-metadata.json is not a JSON object')
  if (!Array.isArray(json['distributions'])) {
    return err('provider-metadata.json has no distributions')
  }
  const distributions = asList(json['distributions']).filter(isRecord)
  const directories = distributions.flatMap((distribution) => {
    const directory = resolveUrl(distribution['directory_url'], metadataUrl)
    if (directory === undefined) return []
    return [directory.endsWith('/') ? directory : `${directory}/`]
  })
  const rolieFeeds = distributions.flatMap((distribution) => feedsOf(distribution, metadataUrl))
  if (rolieFeeds.length === 0 && directories.length === 0) {
    return err('provider-metadata.json names neither a ROLIE feed nor a directory_url')
  }
  const publisher = isRecord(json['publisher']) ? json['publisher']['name'] : undefined
  const role = json['role']
  return ok({
    rolieFeeds,
    directories,
    openpgpKeys: keysOf(json['public_openpgp_keys'], metadataUrl),
    ...(typeof publisher === 'string' ? { publisher } : {}),
    ...(typeof role === 'string' ? { role } : {}),
  })
}

const feedsOf = (distribution: Record<string, unknown>, metadataUrl: string): RolieFeedRef[] => {
  const rolie = distribution['rolie']
  return asList(isRecord(rolie) ? rolie['feeds'] : undefined)
    .filter(isRecord)
    .flatMap((feed) => {
      const url = resolveUrl(feed['url'], metadataUrl)
      const label = feed['tlp_label']
      if (url === undefined) return []
      return [{ url, ...(typeof label === 'string' ? { tlpLabel: label } : {}) }]
    })
}

const keysOf = (value: unknown, metadataUrl: string): OpenpgpKeyRef[] =>
  asList(value)
    .filter(isRecord)
    .flatMap((key) => {
      const url = resolveUrl(key['url'], metadataUrl)
      const fingerprint = key['fingerprint']
      if (url === undefined) return []
      return [
        {
          url,
          ...(typeof fingerprint === 'string' && /^[0-9a-fA-F]{40,}$/.test(fingerprint)
            ? { fingerprint: fingerprint.toUpperCase() }
            : {}),
        },
      ]
    })

/** A provider given by domain (`example.com`) is read at its well-known place. */
export const providerMetadataUrl = (provider: string): string =>
  /^https?:\/\//.test(provider)
    ? provider
    : `https://${provider.replace(/\/+$/, '')}/.well-known/csaf/provider-metadata.json`
