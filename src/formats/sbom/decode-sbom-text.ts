import { isAscii } from 'node:buffer'

import { ok, type Result } from '../../core/index.js'
import { decodeText } from '../files/decode-text.js'

/**
 * `decodeText`, with a shortcut for ASCII files (most SBOMs): ASCII is valid UTF-8 and decodes
 * to the same text byte for byte, and Node makes it a string about four times faster than a
 * validating UTF-8 decoder (2 against 8 ms for a 10k-component SBOM). Same verdicts: a file
 * with a NUL byte, or any byte outside ASCII, takes `decodeText`.
 */
export const decodeSbomText = (bytes: Uint8Array): Result<string, string> => {
  if (!isAscii(bytes)) return decodeText(bytes)
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return buffer.indexOf(0) === -1 ? ok(buffer.toString('ascii')) : decodeText(bytes)
}
