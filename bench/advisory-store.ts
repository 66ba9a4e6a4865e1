// npx tsx bench/advisory-store.ts [sizes=20000,200000] [runs=3]
// B4a/B4b (performance-notes.md section 9): loading generated OSV advisories (npm, PyPI,
// crates.io, Go) until they can be matched.
// - ours, cold: `feeds sync --mirror` (osv/<Ecosystem>/all.zip → NDJSON partitions, each with
//   its `match-index.bin`), then openAdvisoryStore + store.matchIndex();
// - ours, warm: openAdvisoryStore + store.matchIndex() on the synced store (the stored index is
//   opened lazily: header and key tables only);
// - ours, warm + first scan: the same, then one 10k-component SBOM scanned (bodies of the keys
//   met and matched records are read then);
// - ours, full read (the path before the stored index): read every record, buildAdvisoryIndex.
// Correctness gate: the stored index's scan equals the full-read scan (same matches, evidence
// and advisory records, in order; sha-256 over them). A mismatch exits 1.
// - floor: inflate, CRC-32 and JSON.parse of every entry of the zips in one thread, nothing kept:
//   less than any cold build from OSV's own files can do (B4a's target is set against the peer,
//   which reads NDJSON already unpacked).
// - peer, cold = warm: @renovatebot/osv-offline-db 3.0.12 building its name → offsets map over
//   the same records as NDJSON (it rebuilds in every process).
// Every measurement runs in its own child process (same loader for both sides), so peak RSS
// (kernel high-water mark, and memoryUsage sampled every 10 ms) belongs to that step alone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { writeCorpusFiles, type CorpusFiles } from './support/corpus-files.js'
import { median, megabytes, ms, ratio, runChild } from './support/measure.js'
import { CORPUS_ECOSYSTEMS, generateOsvCorpus } from './support/osv-corpus.js'
import { generateComponents, scanTargetsOf } from './support/sbom-components.js'
import type { StepResult } from './support/store-steps.js'

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'store-steps.ts')
const sizes = (process.argv[2] ?? '20000,200000').split(',').map(Number)
const runs = Number(process.argv[3] ?? 3)

const runStep = (...args: Parameters<typeof runChild>): StepResult =>
  runChild(...args) as StepResult

const repeat = (count: number, step: (run: number) => StepResult): StepResult[] =>
  Array.from({ length: count }, (_, run) => step(run))

const summary = (results: readonly StepResult[]) => ({
  total: median(results.map((result) => result.ms)),
  min: Math.min(...results.map((result) => result.ms)),
  sampled: Math.max(...results.map((result) => result.sampledPeak)),
  baseline: median(results.map((result) => result.baselineRss)),
  retained: median(results.map((result) => result.retainedRss)),
  parts: results[0]?.parts ?? {},
  digests: new Set(results.map((result) => result.digest)),
  matches: results[0]?.matches ?? 0,
})

const measureSize = (size: number, scratch: string) => {
  const folder = path.join(scratch, String(size))
  const corpus = generateOsvCorpus(size)
  const files: CorpusFiles = writeCorpusFiles(corpus, folder)
  const targetsFile = path.join(folder, 'targets.json')
  writeFileSync(targetsFile, JSON.stringify(scanTargetsOf(generateComponents(corpus, 10_000))))
  const dataDir = (run: number) => path.join(folder, `store-${String(run)}`)
  const peerEnv = { OSV_OFFLINE_ROOT_DIR: files.peerRoot, OSV_OFFLINE_DISABLE_DOWNLOAD: 'true' }
  const peer = repeat(runs, () => runStep(SCRIPT, ['peer'], peerEnv))
  const cold = repeat(runs, (run) =>
    runStep(SCRIPT, ['ours-cold', files.mirror, dataDir(run), CORPUS_ECOSYSTEMS.join(',')]),
  )
  const warm = repeat(runs, () => runStep(SCRIPT, ['ours-warm', dataDir(0)]))
  const scan = repeat(runs, () => runStep(SCRIPT, ['ours-warm-scan', dataDir(0), targetsFile]))
  const full = repeat(runs, () => runStep(SCRIPT, ['ours-full', dataDir(0), targetsFile]))
  const floor = repeat(runs, () =>
    runStep(SCRIPT, ['floor-zip', files.mirror, CORPUS_ECOSYSTEMS.join(',')]),
  )
  const idle = runStep(SCRIPT, ['idle'])
  return {
    files,
    peer: summary(peer),
    cold: summary(cold),
    warm: summary(warm),
    scan: summary(scan),
    full: summary(full),
    floor: summary(floor),
    idle,
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), 'medcyber-advisory-store-'))
try {
  for (const size of sizes) {
    const { files, peer, cold, warm, scan, full, floor, idle } = measureSize(size, scratch)
    const agree =
      scan.digests.size === 1 &&
      full.digests.size === 1 &&
      [...scan.digests][0] === [...full.digests][0] &&
      scan.matches > 0
    console.log(
      `\n## B4a/B4b: ${size.toLocaleString('en')} advisories (${megabytes(files.ndjsonBytes)} MB NDJSON, ${megabytes(files.zipBytes)} MB of OSV zips), median of ${String(runs)} child processes\n`,
    )
    console.log(
      "| step | median ms | min ms | peak RSS MB (sampled) | peak above idle child MB | RSS after load, GC'd MB | peer ms / this ms |",
    )
    console.log('|---|---|---|---|---|---|---|')
    const row = (label: string, result: ReturnType<typeof summary>) => {
      console.log(
        `| ${label} | ${ms(result.total)} | ${ms(result.min)} | ${megabytes(result.sampled)} | ${megabytes(result.sampled - idle.sampledPeak)} | ${megabytes(result.retained)} | ${ratio(peer.total, result.total)} |`,
      )
    }
    row('peer osv-offline-db 3.0.12: build name → offsets index (cold = warm)', peer)
    const parts = (result: ReturnType<typeof summary>) => {
      for (const [part, value] of Object.entries(result.parts))
        console.log(`| &nbsp;&nbsp;of which ${part} | ${ms(value)} | | | | | |`)
    }
    row('ours cold: feeds sync --mirror + open + store.matchIndex()', cold)
    parts(cold)
    row(
      'floor of any build from the zips: inflate + CRC-32 + JSON.parse of every entry, one thread',
      floor,
    )
    row('ours warm: openAdvisoryStore + store.matchIndex() (stored index, lazy)', warm)
    parts(warm)
    row('ours warm + first scan of a 10k-component SBOM', scan)
    parts(scan)
    row('ours, full read (before): open + read NDJSON + buildAdvisoryIndex', full)
    parts(full)
    console.log(
      `| idle child (Node + tsx loader, imports of both sides) | | | ${megabytes(idle.sampledPeak)} | 0 | ${megabytes(idle.retainedRss)} | |`,
    )
    console.log(
      `\nCorrectness gate: ${agree ? 'PASS' : 'FAIL'}: the stored index's scan ${agree ? 'equals' : 'DIFFERS FROM'} the full-read scan (${String(scan.matches)} matches; sha-256 of matches, evidence and records).`,
    )
    if (!agree) process.exitCode = 1
    console.log(
      `\nTargets: cold ≤ ${size >= 200_000 ? '2 s' : '0.25 s'} and ≥ 2× the peer; warm ≤ 20 ms at 200k (≥ 200× the peer); resident memory ≤ 1 GiB (issue 5; performance-notes.md's B4a row asks ≤ 150 MB at 200k).`,
    )
  }
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
