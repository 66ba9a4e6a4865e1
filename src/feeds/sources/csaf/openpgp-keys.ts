import { open } from 'node:fs/promises'

import { readKeys, type Key, type PublicKey } from 'openpgp'

import { err, ok, type Result } from '../../../core/index.js'
import type { UnitFailure } from '../../sync/sync-unit.js'

/** A public key with its certifications is a few KiB; more is not a key file. */
export const MAX_KEY_FILE_BYTES = 1 << 20

const keyFailure = (file: string, why: string): UnitFailure => ({
  code: 'csaf/bad-key',
  message: `the OpenPGP key file ${file} ${why}`,
})

/**
 * The OpenPGP public keys in the configured files (armored or binary; a file may hold
 * several). A file that cannot be read, is too large, holds no key or holds a private key
 * fails the provider: signatures cannot be checked as configured.
 */
export const loadPublicKeys = async (
  files: readonly string[],
  maxBytes = MAX_KEY_FILE_BYTES,
): Promise<Result<readonly PublicKey[], UnitFailure>> => {
  const keys: PublicKey[] = []
  for (const file of files) {
    const bytes = await readBounded(file, maxBytes)
    if (!bytes.ok) return err(keyFailure(file, bytes.error))
    const parsed = await parseKeys(bytes.value)
    if (!parsed.ok) return err(keyFailure(file, parsed.error))
    if (parsed.value.some((key) => key.isPrivate())) {
      return err(keyFailure(file, 'holds a private key; configure the public key only'))
    }
    keys.push(...parsed.value.map((key) => key.toPublic()))
  }
  return ok(keys)
}

const readBounded = async (file: string, maxBytes: number): Promise<Result<Uint8Array, string>> => {
  let handle
  try {
    handle = await open(file, 'r')
  } catch (error) {
    return err(`cannot be read (${error instanceof Error ? error.message : String(error)})`)
  }
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) {
      return err(`is larger than ${String(maxBytes)} bytes (${String(size)})`)
    }
    // Read one byte more than allowed: a file that grew since stat is still caught.
    const buffer = new Uint8Array(maxBytes + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead > maxBytes) return err(`is larger than ${String(maxBytes)} bytes`)
    return ok(buffer.subarray(0, bytesRead))
  } finally {
    await handle.close()
  }
}

const ARMOR = '-----BEGIN PGP'

const parseKeys = async (bytes: Uint8Array): Promise<Result<readonly Key[], string>> => {
  const text = new TextDecoder().decode(bytes)
  try {
    const keys = text.includes(ARMOR)
      ? await readKeys({ armoredKeys: text })
      : await readKeys({ binaryKeys: bytes })
    return keys.length === 0 ? err('holds no OpenPGP key') : ok(keys)
  } catch (error) {
    return err(
      `holds no readable OpenPGP key (${error instanceof Error ? error.message : String(error)})`,
    )
  }
}
