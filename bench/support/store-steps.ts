// One measured step of bench/advisory-store.ts, run as `node --import tsx store-steps.ts <step>`
// so that its peak RSS is its own. Prints one JSON line (StepResult).
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'

import {
  buildAdvisoryIndex,
  findAdvisoryMatches,
  type Advisory,
  type AdvisoryIndex,
  type ScanTarget,
} from '../../src/core/index.js'
import { run } from '../../src/cli/main.js'
import { nodeIo } from '../../src/cli/node-io.js'
import { openAdvisoryStore } from '../../src/feeds/index.js'
import { DEFAULT_OSV_LIMITS } from '../../src/feeds/sources/osv/osv-source.js'
import { readZipJsonEntries } from '../../src/feeds/sources/osv/osv-zip.js'
import { startRssSampling } from './measure.js'

export interface StepResult {
  readonly ms: number
  readonly parts: Readonly<Record<string, number>>
  readonly maxRss: number
  readonly sampledPeak: number
  /** RSS when the step began (Node, loader and both sides' modules loaded). */
  readonly baselineRss: number
  /** RSS after the step with its result still referenced, after a full GC. */
  readonly retainedRss: number
  readonly count: number
  /** For steps that scan: the matches, and a digest of (component, advisory, evidence) in order. */
  readonly matches?: number
  readonly digest?: string
}

const quietIo = { ...nodeIo(), stdout: () => undefined, stderr: () => undefined }

/** The path `scan` took before the stored index: read every record, compile every range. */
const openAndIndex = async (dataDir: string) => {
  const store = await openAdvisoryStore(dataDir)
  const opened = performance.now()
  const advisories: Advisory[] = []
  for await (const advisory of store.advisories('osv')) advisories.push(advisory)
  const read = performance.now()
  const index = buildAdvisoryIndex(advisories)
  return { index, opened, read }
}

/** The stored matching index (`match-index.bin` of each partition), opened lazily. */
const openStoredIndex = async (dataDir: string) => {
  const store = await openAdvisoryStore(dataDir)
  const opened = performance.now()
  const { index, readInFull } = await store.matchIndex(['osv'])
  if (readInFull.length > 0) throw new Error(`no usable match index in ${readInFull.join(', ')}`)
  return { index, opened }
}

const scanDigest = (index: AdvisoryIndex, targetsFile: string) => {
  const targets = JSON.parse(readFileSync(targetsFile, 'utf8')) as ScanTarget[]
  const started = performance.now()
  const matches = findAdvisoryMatches(index, targets)
  const ms = performance.now() - started
  const hash = createHash('sha256')
  for (const match of matches) {
    hash.update(`${match.target.id}\u0000${match.advisory.id}\u0000${match.evidence.detail}\n`)
    // The record itself too: the stored index reads it back by offset.
    hash.update(JSON.stringify(match.advisory))
  }
  return { ms, matches: matches.length, digest: hash.digest('hex') }
}

const sync = async (mirror: string, dataDir: string, ecosystems: string) => {
  const argv = ['feeds', 'sync', '--mirror', mirror, '--data-dir', dataDir, '--source', 'osv']
  const code = await run([...argv, '--ecosystem', ...ecosystems.split(',')], quietIo)
  if (code !== 0) throw new Error(`feeds sync exited ${String(code)}`)
}

type Step = () => Promise<{
  keep: unknown
  parts: Record<string, number>
  count: number
  matches?: number
  digest?: string
  /** Time inside the step that is reported as a part but not in its total. */
  excluded?: number
}>

const steps: Readonly<Record<string, (args: readonly string[]) => Step>> = {
  idle: () => () => Promise.resolve({ keep: undefined, parts: {}, count: 0 }),
  peer: () => async () => {
    const { OsvOfflineDb, ecosystems } = await import('@renovatebot/osv-offline-db')
    const db = OsvOfflineDb.create()
    // The peer loads an ecosystem on its first query; a name no record has keeps reads out.
    for (const ecosystem of ecosystems) await db.query(ecosystem, '\u0000none')
    return { keep: db, parts: {}, count: 0 }
  },
  'ours-cold':
    ([mirror = '', dataDir = '', ecosystems = '']) =>
    async () => {
      const started = performance.now()
      await sync(mirror, dataDir, ecosystems)
      const synced = performance.now()
      const { index } = await openStoredIndex(dataDir)
      const end = performance.now()
      const parts = {
        'sync (zip → NDJSON + match-index.bin)': synced - started,
        'open store + stored index': end - synced,
      }
      return { keep: index, parts, count: 0 }
    },
  // A floor, not a path of ours: what any build from the OSV zips must at least do (inflate,
  // CRC-32 and JSON.parse of every entry), in one thread, keeping nothing.
  'floor-zip':
    ([mirror = '', ecosystems = '']) =>
    async () => {
      let count = 0
      let bytes = 0
      for (const ecosystem of ecosystems.split(',')) {
        const file = path.join(mirror, 'osv', ecosystem, 'all.zip')
        for await (const entry of readZipJsonEntries(file, DEFAULT_OSV_LIMITS.zip)) {
          if ('problem' in entry) throw new Error(`${file}: ${entry.name}: ${entry.problem}`)
          count += 1
          bytes += entry.name.length
        }
      }
      return { keep: bytes, parts: {}, count }
    },
  'ours-warm':
    ([dataDir = '']) =>
    async () => {
      const started = performance.now()
      const { index, opened } = await openStoredIndex(dataDir)
      const end = performance.now()
      const parts = { openAdvisoryStore: opened - started, 'store.matchIndex()': end - opened }
      return { keep: index, parts, count: 0 }
    },
  // Not part of the open: the first scan of a 10k-component SBOM on the freshly opened stored
  // index (reads the bodies of the keys it meets and the matched records), with its digest.
  'ours-warm-scan':
    ([dataDir = '', targetsFile = '']) =>
    async () => {
      const started = performance.now()
      const { index } = await openStoredIndex(dataDir)
      const opened = performance.now()
      const scan = scanDigest(index, targetsFile)
      const parts = { 'open store + stored index': opened - started, 'first scan': scan.ms }
      return { keep: index, parts, count: index.size, matches: scan.matches, digest: scan.digest }
    },
  'ours-full':
    ([dataDir = '', targetsFile = '']) =>
    async () => {
      const started = performance.now()
      const { index, opened, read } = await openAndIndex(dataDir)
      const built = performance.now()
      const scan = scanDigest(index, targetsFile)
      const parts = {
        openAdvisoryStore: opened - started,
        'read NDJSON': read - opened,
        buildAdvisoryIndex: built - read,
        'first scan (not in the total)': scan.ms,
      }
      return {
        keep: index,
        parts,
        count: index.size,
        matches: scan.matches,
        digest: scan.digest,
        excluded: scan.ms,
      }
    },
}

const [name = '', ...args] = process.argv.slice(2)
const step = steps[name]
if (step === undefined) throw new Error(`unknown step ${name}`)
// Loaded up front for every step, so the baselines of both sides are alike.
await import('@renovatebot/osv-offline-db')
const collect = (globalThis as { gc?: () => void }).gc
collect?.()
const baselineRss = process.memoryUsage.rss()
const stop = startRssSampling()
const started = performance.now()
const { keep, parts, count, matches, digest, excluded } = await step(args)()
const elapsed = performance.now() - started - (excluded ?? 0)
const { sampledPeak, maxRss } = stop()
collect?.()
const retainedRss = process.memoryUsage.rss()
const result: StepResult = {
  ms: elapsed,
  parts,
  maxRss,
  sampledPeak,
  baselineRss,
  retainedRss,
  count,
  ...(matches === undefined ? {} : { matches }),
  ...(digest === undefined ? {} : { digest }),
}
console.log(JSON.stringify(result))
if (keep === undefined) process.exitCode = 0
process.exit(0)
