import { mkdir, open, readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline/promises'

import { err, ok } from '../core/result.js'
import type { FileReader } from '../formats/index.js'
import type { CliIo, FileSystem } from './cli-io.js'

const nodeReader: FileReader = {
  async read(path, maxBytes) {
    try {
      const info = await stat(path)
      if (!info.isFile()) return err({ code: 'not-a-file', message: `${path} is not a file` })
      if (info.size > maxBytes) {
        return err({
          code: 'too-large',
          message: `${path} is ${String(info.size)} bytes; the limit is ${String(maxBytes)}`,
        })
      }
      // Read at most maxBytes + 1 even if the file grew after stat, so the limit holds.
      const handle = await open(path, 'r')
      try {
        const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1)
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
        if (bytesRead > maxBytes) {
          return err({
            code: 'too-large',
            message: `${path} is larger than ${String(maxBytes)} bytes`,
          })
        }
        return ok(new Uint8Array(buffer.subarray(0, bytesRead)))
      } finally {
        await handle.close()
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        return err({ code: 'not-found', message: `${path} does not exist` })
      }
      return err({
        code: 'unreadable',
        message: `${path} cannot be read (${code ?? String(error)})`,
      })
    }
  },
}

const nodeFiles: FileSystem = {
  async kindOf(path) {
    try {
      const info = await stat(path)
      return info.isDirectory() ? 'directory' : 'file'
    } catch {
      return 'missing'
    }
  },
  async writeNew(path, content) {
    await writeFile(path, content, { flag: 'wx' })
  },
  async writeFile(path, content) {
    await writeFile(path, content)
  },
  async makeDirectory(folder) {
    await mkdir(folder, { recursive: true })
  },
  async subfolders(folder) {
    const entries = await readdir(folder, { withFileTypes: true })
    return entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(folder, entry.name))
      .sort()
  },
}

export const nodeIo = (): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  reader: nodeReader,
  files: nodeFiles,
  today: () => new Date().toISOString().slice(0, 10),
  untilStopped: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => {
        resolve('SIGINT')
      })
      process.once('SIGTERM', () => {
        resolve('SIGTERM')
      })
    }),
  ask: async (question) => {
    const terminal = createInterface({ input: process.stdin, output: process.stderr })
    try {
      return await terminal.question(question)
    } catch {
      return undefined
    } finally {
      terminal.close()
    }
  },
})
