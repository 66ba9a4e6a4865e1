import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'

export interface NdjsonWriter {
  /** One JSON value per line. */
  readonly write: (value: unknown) => Promise<void>
  /** An already serialized line, copied as is from an earlier file. */
  readonly writeLine: (line: string) => Promise<void>
  /** Bytes written so far: the offset the next line starts at. */
  readonly bytes: () => number
  /** Flushes to the disk and closes; the number of lines written. */
  readonly close: () => Promise<number>
}

const FLUSH_AT = 1 << 20

/** A buffered newline-delimited JSON writer whose `close` fsyncs the file. */
export const createNdjsonWriter = async (file: string): Promise<NdjsonWriter> => {
  const handle = await open(file, 'w')
  let buffer = ''
  let lines = 0
  let bytes = 0
  const flush = async () => {
    if (buffer === '') return
    const text = buffer
    buffer = ''
    await handle.write(text)
  }
  const writeLine = async (line: string) => {
    buffer += `${line}\n`
    lines += 1
    bytes += Buffer.byteLength(line) + 1
    if (buffer.length >= FLUSH_AT) await flush()
  }
  return {
    write: (value) => writeLine(JSON.stringify(value)),
    writeLine,
    bytes: () => bytes,
    close: async () => {
      try {
        await flush()
        await handle.sync()
      } finally {
        await handle.close()
      }
      return lines
    },
  }
}

/** The non-empty lines of a file, streamed. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  })
  try {
    for await (const line of lines) {
      if (line !== '') yield line
    }
  } finally {
    lines.close()
  }
}
