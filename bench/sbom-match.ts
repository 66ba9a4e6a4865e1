// npx tsx bench/sbom-match.ts [advisories=200000] [components=10000]
// B5 (performance-notes.md section 9): one 10k-component SBOM (purl on 95 %, CPE on 20 %)
// against 200k generated OSV advisories (npm, PyPI, crates.io, Go). The peer is
// @renovatebot/osv-offline-db 3 with the version checks its caller must write (semver,
// @renovatebot/pep440); ours is findAdvisoryMatches on an index built once, with the version
// index per package key (the default: explicit versions hashed, ranges cut into pieces of the
// version line) and, for comparison, with every entry's predicate asked one by one (the path it
// replaced). Indexes are built before timing: this measures matching only (B4a/B4b measure
// loading); the version index of a package key is built on its first lookup, which the first
// (cold) scan pays and is reported on its own.
//
// Correctness gate: all paths must return the same (component, advisory) pairs; GIT ranges
// are skipped by both, explicit `versions` lists are honoured by both. A mismatch exits 1.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import {
  buildAdvisoryIndex,
  compileAffected,
  findAdvisoryMatches,
  purlIdentity,
} from '../src/core/index.js'
import type { Advisory } from '../src/core/index.js'
import { osvRecordToAdvisory } from '../src/formats/advisories/osv-record.js'
import { writeCorpusFiles } from './support/corpus-files.js'
import { median, ms, quantile, ratio } from './support/measure.js'
import { generateOsvCorpus, type OsvCorpus } from './support/osv-corpus.js'
import { peerMatches } from './support/peer-matching.js'
import { generateComponents, scanTargetsOf } from './support/sbom-components.js'

const RUNS = 9
const advisoryCount = Number(process.argv[2] ?? 200_000)
const componentCount = Number(process.argv[3] ?? 10_000)

const advisoriesOf = (corpus: OsvCorpus): Advisory[] =>
  [...corpus.records.values()].flat().map((record) => {
    const read = osvRecordToAdvisory(record)
    if (!read.ok) throw new Error(`generated record ${record.id} does not read`)
    return read.value
  })

// No forced GC between runs: after a full collection of this multi-GB heap, V8 sweeps it
// concurrently and lazily, and a 30 ms run pays for that sweep (measured: a forced gc() before
// each run tripled our times at 200k, median 35 → 107 ms, against a peer run of ~1.4 s).
// Neither side is forced.
const timeRuns = async (work: () => unknown): Promise<number[]> => {
  await work()
  const samples: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  return samples
}

const difference = (a: readonly string[], b: ReadonlySet<string>) => a.filter((x) => !b.has(x))

const scratch = mkdtempSync(path.join(tmpdir(), 'medcyber-sbom-match-'))
try {
  // The generated corpus (JSON records) is dropped once written and converted: each side then
  // holds only what it needs, and ours is measured before the peer's data is loaded, so that
  // neither pays for the other's heap in garbage collection.
  const prepare = () => {
    const corpus = generateOsvCorpus(advisoryCount)
    return {
      files: writeCorpusFiles(corpus, scratch, { zip: false }),
      advisories: advisoriesOf(corpus),
      components: generateComponents(corpus, componentCount),
    }
  }
  const { files, advisories, components } = prepare()
  const index = buildAdvisoryIndex(advisories)
  const targets = scanTargetsOf(components)

  const pairsOf = (matches: ReturnType<typeof findAdvisoryMatches>) =>
    matches.map((match) => `${match.target.id}\u0000${match.advisory.id}`)
  // Timed on its own: the matches (advisory, component, evidence) are our result, as the pairs
  // are the peer path's; turning them into the gate's pairs is timed as a row of its own.
  const ours = () => pairsOf(findAdvisoryMatches(index, targets))
  const coldStarted = performance.now()
  const firstPairs = ours()
  const coldMs = performance.now() - coldStarted
  const ourSamples = await timeRuns(() => findAdvisoryMatches(index, targets))
  const withPairsSamples = await timeRuns(ours)
  // Where our time goes: purl parsing (packageurl-js, once per target per scan) and the CPE path.
  const purls = targets.flatMap((target) => (target.purl === undefined ? [] : [target.purl]))
  const purlSamples = await timeRuns(() => purls.map(purlIdentity))
  const cpeOnly = targets.map(({ purl: _purl, ...rest }) => rest)
  const cpeSamples = await timeRuns(() => findAdvisoryMatches(index, cpeOnly))

  const perEntryIndex = buildAdvisoryIndex(
    advisories,
    (affected) => compileAffected(affected).isAffected,
  )
  const perEntry = () => pairsOf(findAdvisoryMatches(perEntryIndex, targets))
  const perEntrySamples = await timeRuns(() => findAdvisoryMatches(perEntryIndex, targets))
  const samePerEntry = JSON.stringify(perEntry()) === JSON.stringify(firstPairs)

  process.env['OSV_OFFLINE_ROOT_DIR'] = files.peerRoot
  process.env['OSV_OFFLINE_DISABLE_DOWNLOAD'] = 'true'
  // Imported after the environment is set: the peer reads its root folder at class definition.
  const { OsvOfflineDb } = await import('@renovatebot/osv-offline-db')
  const db = OsvOfflineDb.create()
  let peer = { pairs: [] as string[], checks: 0 }
  const peerSamples = await timeRuns(async () => {
    peer = await peerMatches(db, components)
  })
  db[Symbol.dispose]()

  const ourPairs = new Set(ours())
  const peerPairs = new Set(peer.pairs)
  const onlyOurs = difference([...ourPairs], peerPairs)
  const onlyPeer = difference([...peerPairs], ourPairs)
  const agree = onlyOurs.length === 0 && onlyPeer.length === 0 && ourPairs.size > 0 && samePerEntry
  const withPurl = components.filter((component) => component.purl !== undefined).length
  const matched = new Set([...ourPairs].map((pair) => pair.split('\u0000')[0])).size

  console.log(
    `\n## B5: match one SBOM (${String(componentCount)} components, ${String(withPurl)} with purl) against ${String(advisoryCount)} advisories\n`,
  )
  console.log(
    `${String(ourPairs.size)} (component, advisory) pairs on ${String(matched)} components; the peer made ${String(peer.checks)} version checks per run. Wall time over ${String(RUNS)} runs after one warm-up.\n`,
  )
  console.log(
    '| path | p50 ms | p95 ms | min ms | components/s (p50) | peer p50 / this p50 | target |',
  )
  console.log('|---|---|---|---|---|---|---|')
  const row = (label: string, samples: readonly number[], target: string) => {
    const p50 = median(samples)
    const perSecond = Math.round((componentCount / p50) * 1000).toLocaleString('en')
    console.log(
      `| ${label} | ${ms(p50)} | ${ms(quantile(samples, 0.95))} | ${ms(Math.min(...samples))} | ${perSecond} | ${ratio(median(peerSamples), p50)} | ${target} |`,
    )
  }
  row('osv-offline-db 3.0.12 query per component + semver/pep440 checks', peerSamples, '')
  row(
    'medcyber findAdvisoryMatches, version index per package key (warm)',
    ourSamples,
    '≤ 15 ms p50, ≤ 30 ms p95, ≥ 50× (notes: ≥ 80×)',
  )
  row(
    'medcyber, the same and then the matches as (component, advisory) pairs',
    withPairsSamples,
    '',
  )
  row('medcyber, first scan (builds the version index of each key it meets)', [coldMs], '')
  row('medcyber, every entry asked one by one (the path replaced)', perEntrySamples, '')
  row('&nbsp;&nbsp;of which purlIdentity (packageurl-js parse) of every purl', purlSamples, '')
  row(
    '&nbsp;&nbsp;of which the CPE path (targets without purls; no CPE advisories here)',
    cpeSamples,
    '',
  )
  console.log(
    `\nCorrectness gate: ${agree ? 'PASS' : 'FAIL'}: same pairs on all paths (only ours ${String(onlyOurs.length)}, only the peer ${String(onlyPeer.length)}; version index ${samePerEntry ? 'equals' : 'DIFFERS FROM'} the per-entry path, in order).`,
  )
  for (const pair of [...onlyOurs.slice(0, 5), ...onlyPeer.slice(0, 5)])
    console.log(`  ${pair.replace('\u0000', ' ')}`)
  if (!agree) process.exitCode = 1
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
