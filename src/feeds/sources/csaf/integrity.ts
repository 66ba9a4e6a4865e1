import { createHash } from 'node:crypto'

export const HASH_ALGORITHMS = ['sha256', 'sha512'] as const
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number]

/**
 * The digest in a `.sha256`/`.sha512` file (`sha512sum` output: `<hex>  <file name>`, or the
 * hex alone), with its algorithm told by its length.
 */
export const parseHashFile = (
  text: string,
): { readonly algorithm: HashAlgorithm; readonly digest: string } | undefined => {
  const digest = text.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
  if (/^[0-9a-f]{128}$/.test(digest)) return { algorithm: 'sha512', digest }
  if (/^[0-9a-f]{64}$/.test(digest)) return { algorithm: 'sha256', digest }
  return undefined
}

export const digestOf = (algorithm: HashAlgorithm, bytes: Uint8Array): string =>
  createHash(algorithm).update(bytes).digest('hex')
