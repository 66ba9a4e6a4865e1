import { err, ok } from '../../src/core/index.js'
import type { FileReader } from '../../src/formats/index.js'

/** A FileReader over an in-memory folder, so format tests need no disk. */
export const memoryReader = (files: Readonly<Record<string, string | Uint8Array>>): FileReader => ({
  read(path, maxBytes) {
    const content = files[path]
    if (content === undefined)
      return Promise.resolve(err({ code: 'not-found', message: `${path} does not exist` }))
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
    if (bytes.length > maxBytes) {
      return Promise.resolve(err({ code: 'too-large', message: `${path} is too large` }))
    }
    return Promise.resolve(ok(bytes))
  },
})
