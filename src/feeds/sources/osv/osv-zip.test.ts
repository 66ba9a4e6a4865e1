import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { pypaAllZip, pypaRecords } from '../../../../test/support/feed-fixtures.js'
import { tempDir } from '../../../../test/support/temp-dir.js'
import { buildZip, type ZipInput } from '../../../../test/support/zip-writer.js'
import { ArchiveError, readZipJsonEntries, type ZipLimits } from './osv-zip.js'

const LIMITS: ZipLimits = { maxEntries: 10_000, maxEntryBytes: 1 << 20, maxTotalBytes: 64 << 20 }

const writeZip = (contents: Buffer): string => {
  const file = path.join(tempDir('osv-zip'), 'all.zip')
  writeFileSync(file, contents)
  return file
}

const readAll = async (file: string, limits = LIMITS) => {
  const entries = []
  for await (const entry of readZipJsonEntries(file, limits)) entries.push(entry)
  return entries
}

const failureOf = async (file: string, limits = LIMITS): Promise<string> => {
  try {
    await readAll(file, limits)
    return 'no failure'
  } catch (error) {
    return error instanceof ArchiveError ? error.code : `unexpected: ${String(error)}`
  }
}

const hasUnzip = spawnSync('unzip', ['-v']).status === 0

describe('readZipJsonEntries', () => {
  it('reads every record of a PyPI all.zip built from the real PyPA data', async () => {
    const file = writeZip(pypaAllZip())
    if (hasUnzip) {
      // Info-ZIP's own check that the test archive is a well-formed zip.
      expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toContain('No errors')
    }
    const entries = await readAll(file)
    expect(entries).toHaveLength(pypaRecords().length)
    const first = entries[0]
    expect(
      first !== undefined && 'json' in first ? (first.json as { id: string }).id : undefined,
    ).toBe(pypaRecords()[0]?.id)
  })

  it('refuses a truncated archive', async () => {
    const whole = pypaAllZip(pypaRecords().slice(0, 50))
    expect(await failureOf(writeZip(whole.subarray(0, whole.length >> 1)))).toBe('corrupt-archive')
    expect(await failureOf(writeZip(whole.subarray(0, whole.length - 10)))).toBe('corrupt-archive')
  })

  it('refuses an archive whose data was damaged (CRC check)', async () => {
    const whole = Buffer.from(pypaAllZip(pypaRecords().slice(0, 3)))
    whole[60] = (whole[60] ?? 0) ^ 0xff
    expect(await failureOf(writeZip(whole))).toBe('corrupt-archive')
  })

  it.each<[string, ZipInput[]]>([
    ['a parent step', [{ name: '../escape.json', data: '{}' }]],
    ['a nested parent step', [{ name: 'PyPI/../../escape.json', data: '{}' }]],
    ['an absolute path', [{ name: '/etc/escape.json', data: '{}' }]],
    ['a drive letter', [{ name: 'C:/escape.json', data: '{}' }]],
    ['a backslash', [{ name: '..\\escape.json', data: '{}' }]],
  ])('refuses an entry name with %s', async (_label, inputs) => {
    expect(await failureOf(writeZip(buildZip(inputs)))).toBe('unsafe-entry-name')
  })

  it('refuses more entries than the limit and more bytes than the total limit', async () => {
    const inputs = Array.from({ length: 20 }, (_, index) => ({
      name: `R-${String(index)}.json`,
      data: `{"n":${String(index)}}`,
    }))
    const file = writeZip(buildZip(inputs))
    expect(await failureOf(file, { ...LIMITS, maxEntries: 19 })).toBe('too-many-entries')
    expect(await failureOf(file, { ...LIMITS, maxTotalBytes: 50 })).toBe('too-large')
    expect(await readAll(file, { ...LIMITS, maxEntries: 20 })).toHaveLength(20)
  })

  it('skips and names an oversized entry or one that is not JSON, reading the rest', async () => {
    const file = writeZip(
      buildZip([
        { name: 'big.json', data: JSON.stringify({ padding: 'x'.repeat(5000) }) },
        { name: 'broken.json', data: '{"id": ' },
        { name: 'README.md', data: 'not a record' },
        { name: 'ok.json', data: '{"id":"OK-1"}' },
      ]),
    )
    const entries = await readAll(file, { ...LIMITS, maxEntryBytes: 1000 })
    expect(entries.map((entry) => [entry.name, 'problem' in entry])).toEqual([
      ['big.json', true],
      ['broken.json', true],
      ['ok.json', false],
    ])
  })
})
