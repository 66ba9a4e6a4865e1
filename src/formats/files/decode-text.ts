import { err, ok, type Result } from '../../core/index.js'

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/** Decodes UTF-8 text, refusing binary files: a NUL byte or invalid UTF-8 means not text. */
export const decodeText = (bytes: Uint8Array): Result<string, string> => {
  if (bytes.includes(0)) return err('the file contains NUL bytes; it is binary, not text')
  try {
    return ok(decoder.decode(bytes))
  } catch {
    return err('the file is not valid UTF-8 text')
  }
}
