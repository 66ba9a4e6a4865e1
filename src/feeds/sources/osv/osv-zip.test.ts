import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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

const readAll = async (file: string, limits = LIMITS, options: { windowBytes?: number } = {}) => {
  const entries = []
  for await (const entry of readZipJsonEntries(file, limits, options)) entries.push(entry)
  return entries
}

const failureOf = async (file: string, limits = LIMITS): Promise<string> =>
  (await failureDetails(file, limits)).code

const failureDetails = async (
  file: string,
  limits = LIMITS,
): Promise<{ code: string; message?: string; entry?: string; yielded: number }> => {
  let yielded = 0
  try {
    for await (const _entry of readZipJsonEntries(file, limits)) yielded++
    return { code: 'no failure', yielded }
  } catch (error) {
    if (!(error instanceof ArchiveError)) return { code: `unexpected: ${String(error)}`, yielded }
    return {
      code: error.code,
      message: error.message,
      ...(error.entry === undefined ? {} : { entry: error.entry }),
      yielded,
    }
  }
}

const hasUnzip = spawnSync('unzip', ['-v']).status === 0
const hasInfoZip = spawnSync('zip', ['-v']).status === 0
const hasPython = spawnSync('python3', ['--version']).status === 0

/** Where each central directory entry starts (archives without a comment, as buildZip's). */
const centralOffsets = (zip: Buffer): number[] => {
  const end = zip.length - 22
  const offsets: number[] = []
  let at = zip.readUInt32LE(end + 16)
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    offsets.push(at)
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return offsets
}

const central = (zip: Buffer, index: number): number => {
  const at = centralOffsets(zip)[index]
  if (at === undefined) throw new Error(`no central entry ${String(index)}`)
  return at
}

/** Three small records, the middle one large enough to be worth deflating. */
const threeRecords = (): Buffer =>
  Buffer.from(
    buildZip([
      { name: 'A-1.json', data: '{"id":"A-1"}' },
      { name: 'B-2.json', data: JSON.stringify({ id: 'B-2', details: 'x'.repeat(4000) }) },
      { name: 'C-3.json', data: '{"id":"C-3"}' },
    ]),
  )

/**
 * Writes the given entries with Python's zipfile to its standard output. That is a pipe, so
 * zipfile cannot seek back to fill in the local headers: every file entry gets a data
 * descriptor, as Go's archive/zip (which writes OSV's archives) gives them.
 */
const PYTHON_WRITER = `
import json, sys, zipfile
with zipfile.ZipFile(sys.stdout.buffer, 'w') as archive:
    for name, text, method in json.load(sys.stdin):
        archive.writestr(zipfile.ZipInfo(name), text, compress_type=method)
`

/** Python's own reading of an archive: name, compression method and flags of each entry. */
const PYTHON_LISTER = `
import json, sys, zipfile
print(json.dumps([[i.filename, i.compress_type, i.flag_bits] for i in zipfile.ZipFile(sys.argv[1]).infolist()]))
`

const pythonZip = (entries: readonly (readonly [string, string, 0 | 8])[]): Buffer =>
  execFileSync('python3', ['-c', PYTHON_WRITER], { input: JSON.stringify(entries) })

const roundTrip = (json: unknown): unknown => JSON.parse(JSON.stringify(json))

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

  it('reads the same records through a window smaller than one entry', async () => {
    const file = writeZip(pypaAllZip(pypaRecords().slice(0, 200)))
    const whole = await readAll(file)
    expect(whole).toHaveLength(200)
    expect(await readAll(file, LIMITS, { windowBytes: 256 })).toEqual(whole)
  })

  it.skipIf(!hasPython)(
    "reads stored and deflated entries that Python's zipfile wrote with data descriptors",
    async () => {
      const records = pypaRecords().slice(0, 6)
      const file = writeZip(
        pythonZip([
          ['PyPI/', '', 0],
          ...records.map(
            ({ id, json }, index) =>
              [`PyPI/${id}.json`, JSON.stringify(json), index % 2 === 0 ? 0 : 8] as const,
          ),
          ['PyPI/README.md', 'not a record', 8],
        ]),
      )
      const listed = JSON.parse(
        execFileSync('python3', ['-c', PYTHON_LISTER, file], { encoding: 'utf8' }),
      ) as [string, number, number][]
      const files = listed.filter(([name]) => !name.endsWith('/'))
      expect(new Set(files.map(([, method]) => method))).toEqual(new Set([0, 8]))
      expect(files.every(([, , flags]) => (flags & 0x08) !== 0)).toBe(true)

      expect(await readAll(file)).toEqual(
        records.map(({ id, json }) => ({ name: `PyPI/${id}.json`, json: roundTrip(json) })),
      )
    },
  )

  it.skipIf(!hasPython)('catches damage to a stored entry by its CRC-32', async () => {
    const zip = pythonZip([
      ['A-1.json', '{"id":"A-1","summary":"intact"}', 0],
      ['B-2.json', '{"id":"B-2","summary":"intact"}', 0],
    ])
    const file = writeZip(zip)
    expect(await readAll(file)).toHaveLength(2)
    // Still valid JSON after the change, so only the checksum can tell.
    const damaged = Buffer.from(zip)
    damaged[damaged.lastIndexOf('intact')] = 'I'.charCodeAt(0)
    expect(await failureDetails(writeZip(damaged))).toEqual({
      code: 'corrupt-archive',
      message: 'B-2.json: fails its CRC-32 check',
      entry: 'B-2.json',
      yielded: 1,
    })
  })

  it.skipIf(!hasInfoZip).each([
    ['streamed through a pipe (data descriptors)', 'zip -q -r - . | cat > "$0"', 'PK\x07\x08'],
    ['with zip64 records forced (-fz)', 'zip -q -r -fz "$0" .', 'PK\x06\x06'],
  ])('reads an archive that Info-ZIP wrote %s', async (_label, command, marker) => {
    const records = pypaRecords().slice(0, 5)
    const source = tempDir('osv-zip-source')
    mkdirSync(path.join(source, 'PyPI'))
    for (const { id, json } of records) {
      writeFileSync(path.join(source, 'PyPI', `${id}.json`), JSON.stringify(json))
    }
    writeFileSync(path.join(source, 'PyPI', 'EMPTY-0.json'), '{}')
    const file = path.join(tempDir('osv-zip'), 'all.zip')
    execFileSync('sh', ['-c', command, file], { cwd: source })
    expect(readFileSync(file).includes(marker, 0, 'latin1')).toBe(true)

    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name)
    expect((await readAll(file)).sort(byName)).toEqual(
      [
        ...records.map(({ id, json }) => ({ name: `PyPI/${id}.json`, json: roundTrip(json) })),
        { name: 'PyPI/EMPTY-0.json', json: {} },
      ].sort(byName),
    )
  })

  it.each<[string, (zip: Buffer) => Buffer | number | undefined, string, RegExp]>([
    [
      'a CRC-32 that does not match the data',
      (zip) =>
        zip.writeUInt32LE((zip.readUInt32LE(central(zip, 1) + 16) ^ 1) >>> 0, central(zip, 1) + 16),
      'corrupt-archive',
      /^B-2\.json: fails its CRC-32 check$/,
    ],
    [
      'a central directory cut short before its end record',
      (zip) => Buffer.concat([zip.subarray(0, central(zip, 2)), zip.subarray(zip.length - 22)]),
      'corrupt-archive',
      /^the central directory runs into the end record/,
    ],
    [
      'an end record counting more entries than the directory holds',
      (zip) => {
        zip.writeUInt16LE(4, zip.length - 22 + 8)
        zip.writeUInt16LE(4, zip.length - 22 + 10)
      },
      'corrupt-archive',
      /^the central directory \(162 bytes\) is too short for its 4 entries$/,
    ],
    [
      'a central entry whose name runs past the directory',
      (zip) => zip.writeUInt16LE(500, central(zip, 2) + 28),
      'corrupt-archive',
      /^the central directory ends after 2 of its 3 entries$/,
    ],
    [
      'a central directory offset past the end of the file',
      (zip) => zip.writeUInt32LE(0x7fff_0000, zip.length - 22 + 16),
      'corrupt-archive',
      /^the central directory runs into the end record/,
    ],
    [
      'an entry that inflates to more than it declares',
      (zip) => zip.writeUInt32LE(100, central(zip, 1) + 24),
      'corrupt-archive',
      /^B-2\.json: inflates to more than the 100 bytes it declares$/,
    ],
    [
      'an entry whose data overlaps the entry before it',
      (zip) => zip.writeUInt32LE(0, central(zip, 2) + 42),
      'corrupt-archive',
      /^C-3\.json: its data overlaps the entry before it$/,
    ],
    [
      'a local header that names another entry',
      (zip) => zip.write('Z', 30),
      'corrupt-archive',
      /^A-1\.json: its local header names a different entry$/,
    ],
    [
      'an unsupported compression method',
      (zip) => zip.writeUInt16LE(12, central(zip, 0) + 10),
      'unsupported-archive',
      /^A-1\.json uses compression method 12/,
    ],
    [
      'an encrypted entry',
      (zip) => zip.writeUInt16LE(zip.readUInt16LE(central(zip, 0) + 8) | 1, central(zip, 0) + 8),
      'encrypted-entry',
      /^A-1\.json is encrypted$/,
    ],
    [
      'a multi-volume end record',
      (zip) => zip.writeUInt16LE(1, zip.length - 22 + 4),
      'unsupported-archive',
      /multi-volume/,
    ],
  ])('refuses %s, saying so', async (_label, damage, code, message) => {
    expect(await readAll(writeZip(threeRecords()))).toHaveLength(3)
    const zip = threeRecords()
    const damaged = damage(zip)
    const failure = await failureDetails(writeZip(Buffer.isBuffer(damaged) ? damaged : zip))
    expect(failure.code).toBe(code)
    expect(failure.message).toMatch(message)
  })

  it('skips an entry that claims a huge size unread, and refuses claims past the total', async () => {
    const zip = threeRecords()
    zip.writeUInt32LE(0xffff_fff0, central(zip, 1) + 24)
    const file = writeZip(zip)
    expect(await readAll(file)).toEqual([
      { name: 'A-1.json', json: { id: 'A-1' } },
      { name: 'B-2.json', problem: '4294967280 bytes is too large' },
      { name: 'C-3.json', json: { id: 'C-3' } },
    ])
    // Within the entry limit, the claim alone exceeds the total: refused before any entry.
    const generous = { ...LIMITS, maxEntryBytes: 2 ** 33, maxTotalBytes: 2 ** 31 }
    expect(await failureDetails(file, generous)).toMatchObject({ code: 'too-large', yielded: 0 })
  })
})
