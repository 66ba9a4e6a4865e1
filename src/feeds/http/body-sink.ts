import { open, rm, type FileHandle } from 'node:fs/promises'

/** Where a response body goes while it streams in. */
export interface BodySink<T> {
  readonly write: (chunk: Uint8Array) => Promise<void>
  readonly finish: () => Promise<T>
  /** Drops what was received (a failed or refused download leaves nothing behind). */
  readonly abandon: () => Promise<void>
}

export const memorySink = (): BodySink<Uint8Array> => {
  const chunks: Uint8Array[] = []
  return {
    write: (chunk) => {
      chunks.push(chunk)
      return Promise.resolve()
    },
    finish: () => Promise.resolve(new Uint8Array(Buffer.concat(chunks))),
    abandon: () => {
      chunks.length = 0
      return Promise.resolve()
    },
  }
}

/** Streams into a new file, flushed to disk before `finish` returns its path. */
export const fileSink = async (file: string): Promise<BodySink<string>> => {
  const handle: FileHandle = await open(file, 'w')
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await handle.close()
  }
  return {
    write: async (chunk) => {
      await handle.write(chunk)
    },
    finish: async () => {
      await handle.sync()
      await close()
      return file
    },
    abandon: async () => {
      await close()
      await rm(file, { force: true })
    },
  }
}
