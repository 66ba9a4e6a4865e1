import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { createNdjsonWriter, readLines } from './ndjson.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const scratchFile = (): string => {
  const folder = mkdtempSync(path.join(tmpdir(), 'medcyber-ndjson-'))
  folders.push(folder)
  return path.join(folder, 'records.ndjson')
}

describe('the NDJSON writer', () => {
  it('places every line at the byte offset it reported, across flushes and oversized lines', async () => {
    // Multi-byte text (Japanese, an emoji) so that bytes and characters differ, lines of many
    // sizes so that some end exactly around a flush, and lines larger than the write buffer.
    const lines = Array.from({ length: 4_000 }, (_, at) =>
      JSON.stringify({
        id: `CVE-2026-${String(at)}`,
        summary: `${'輸液ポンプの脆弱性 🩺 '.repeat(at % 97)}${'x'.repeat((at * 7919) % 1_000)}`,
      }),
    )
    lines.splice(1_000, 0, JSON.stringify({ id: 'big', text: 'ß'.repeat(600_000) }))
    lines.splice(2_500, 0, JSON.stringify({ id: 'bigger', text: 'a'.repeat(2_000_000) }))
    const file = scratchFile()
    const writer = await createNdjsonWriter(file)
    const offsets: number[] = []
    for (const line of lines) {
      offsets.push(writer.bytes())
      await writer.writeLine(line)
    }
    const written = writer.bytes()
    expect(await writer.close()).toBe(lines.length)

    const content = readFileSync(file)
    expect(content.length).toBe(written)
    expect(content.toString('utf8')).toBe(lines.map((line) => `${line}\n`).join(''))
    lines.forEach((line, at) => {
      const start = offsets[at] ?? -1
      const length = Buffer.byteLength(line)
      expect(content.toString('utf8', start, start + length)).toBe(line)
      expect(content[start + length]).toBe(0x0a)
    })
    const read: string[] = []
    for await (const line of readLines(file)) read.push(line)
    expect(read).toEqual(lines)
  })

  it('writes values as one JSON line each', async () => {
    const file = scratchFile()
    const writer = await createNdjsonWriter(file)
    await writer.write({ id: 'GHSA-1', aliases: ['CVE-2026-1'] })
    await writer.write({ id: 'GHSA-2', summary: 'two\nlines' })
    expect(await writer.close()).toBe(2)
    expect(readFileSync(file, 'utf8')).toBe(
      '{"id":"GHSA-1","aliases":["CVE-2026-1"]}\n{"id":"GHSA-2","summary":"two\\nlines"}\n',
    )
  })
})
