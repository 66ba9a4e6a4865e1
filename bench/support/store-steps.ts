// One measured step of bench/advisory-store.ts, run as `node --import tsx store-steps.ts <step>`
// so that its peak RSS is its own. Prints one JSON line (StepResult).
import { buildAdvisoryIndex, compileAffected, type Advisory } from '../../src/core/index.js'
import { run } from '../../src/cli/main.js'
import { nodeIo } from '../../src/cli/node-io.js'
import { openAdvisoryStore } from '../../src/feeds/index.js'
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
}

const quietIo = { ...nodeIo(), stdout: () => undefined, stderr: () => undefined }

const openAndIndex = async (dataDir: string) => {
  const store = await openAdvisoryStore(dataDir)
  const opened = performance.now()
  const advisories: Advisory[] = []
  for await (const advisory of store.advisories('osv')) advisories.push(advisory)
  const read = performance.now()
  const index = buildAdvisoryIndex(advisories, (affected) => compileAffected(affected).isAffected)
  return { index, opened, read }
}

const sync = async (mirror: string, dataDir: string, ecosystems: string) => {
  const argv = ['feeds', 'sync', '--mirror', mirror, '--data-dir', dataDir, '--source', 'osv']
  const code = await run([...argv, '--ecosystem', ...ecosystems.split(',')], quietIo)
  if (code !== 0) throw new Error(`feeds sync exited ${String(code)}`)
}

type Step = () => Promise<{ keep: unknown; parts: Record<string, number>; count: number }>

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
      const { index, read } = await openAndIndex(dataDir)
      const end = performance.now()
      const parts = {
        'sync (zip → NDJSON)': synced - started,
        'open + read NDJSON': read - synced,
        buildAdvisoryIndex: end - read,
      }
      return { keep: index, parts, count: index.size }
    },
  'ours-warm':
    ([dataDir = '']) =>
    async () => {
      const started = performance.now()
      const { index, opened, read } = await openAndIndex(dataDir)
      const end = performance.now()
      const parts = {
        openAdvisoryStore: opened - started,
        'read NDJSON': read - opened,
        buildAdvisoryIndex: end - read,
      }
      return { keep: index, parts, count: index.size }
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
const { keep, parts, count } = await step(args)()
const elapsed = performance.now() - started
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
}
console.log(JSON.stringify(result))
if (keep === undefined) process.exitCode = 0
process.exit(0)
