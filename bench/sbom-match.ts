// npx tsx --expose-gc bench/sbom-match.ts [advisories=200000] [components=10000]
// B5 (performance-notes.md section 9): one 10k-component SBOM (purl on 95 %, CPE on 20 %)
// against 200k generated OSV advisories (npm, PyPI, crates.io, Go). The peer is
// @renovatebot/osv-offline-db 3 with the version checks its caller must write (semver,
// @renovatebot/pep440); ours is findAdvisoryMatches on an index built once. Both indexes are
// built before timing: this measures matching only (B4a/B4b measure loading).
//
// Correctness gate: both paths must return the same (component, advisory) pairs; GIT ranges
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

const RUNS = 5
const advisoryCount = Number(process.argv[2] ?? 200_000)
const componentCount = Number(process.argv[3] ?? 10_000)

const advisoriesOf = (corpus: OsvCorpus): Advisory[] =>
  [...corpus.records.values()].flat().map((record) => {
    const read = osvRecordToAdvisory(record)
    if (!read.ok) throw new Error(`generated record ${record.id} does not read`)
    return read.value
  })

const timeRuns = async (work: () => unknown): Promise<number[]> => {
  const collect = (globalThis as { gc?: () => void }).gc
  await work()
  const samples: number[] = []
  for (let i = 0; i < RUNS; i += 1) {
    collect?.()
    const started = performance.now()
    await work()
    samples.push(performance.now() - started)
  }
  return samples
}

const difference = (a: readonly string[], b: ReadonlySet<string>) => a.filter((x) => !b.has(x))

const scratch = mkdtempSync(path.join(tmpdir(), 'medcyber-sbom-match-'))
try {
  const corpus = generateOsvCorpus(advisoryCount)
  const files = writeCorpusFiles(corpus, scratch, { zip: false })
  process.env['OSV_OFFLINE_ROOT_DIR'] = files.peerRoot
  process.env['OSV_OFFLINE_DISABLE_DOWNLOAD'] = 'true'
  // Imported after the environment is set: the peer reads its root folder at class definition.
  const { OsvOfflineDb } = await import('@renovatebot/osv-offline-db')
  const db = OsvOfflineDb.create()

  const index = buildAdvisoryIndex(
    advisoriesOf(corpus),
    (affected) => compileAffected(affected).isAffected,
  )
  const components = generateComponents(corpus, componentCount)
  const targets = scanTargetsOf(components)

  const ours = () =>
    findAdvisoryMatches(index, targets).map(
      (match) => `${match.target.id}\u0000${match.advisory.id}`,
    )
  const ourSamples = await timeRuns(ours)
  // Where our time goes: purl parsing (packageurl-js, once per target per scan) and the CPE path.
  const purls = targets.flatMap((target) => (target.purl === undefined ? [] : [target.purl]))
  const purlSamples = await timeRuns(() => purls.map(purlIdentity))
  const cpeOnly = targets.map(({ purl: _purl, ...rest }) => rest)
  const cpeSamples = await timeRuns(() => findAdvisoryMatches(index, cpeOnly))
  let peer = { pairs: [] as string[], checks: 0 }
  const peerSamples = await timeRuns(async () => {
    peer = await peerMatches(db, components)
  })
  db[Symbol.dispose]()

  const ourPairs = new Set(ours())
  const peerPairs = new Set(peer.pairs)
  const onlyOurs = difference([...ourPairs], peerPairs)
  const onlyPeer = difference([...peerPairs], ourPairs)
  const agree = onlyOurs.length === 0 && onlyPeer.length === 0 && ourPairs.size > 0
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
    'medcyber findAdvisoryMatches on a built index',
    ourSamples,
    '≤ 15 ms p50, ≤ 30 ms p95, ≥ 50× (notes: ≥ 80×)',
  )
  row('&nbsp;&nbsp;of which purlIdentity (packageurl-js parse) of every purl', purlSamples, '')
  row(
    '&nbsp;&nbsp;of which the CPE path (targets without purls; no CPE advisories here)',
    cpeSamples,
    '',
  )
  console.log(
    `\nCorrectness gate: ${agree ? 'PASS' : 'FAIL'}: same pairs on both paths (only ours ${String(onlyOurs.length)}, only the peer ${String(onlyPeer.length)}).`,
  )
  for (const pair of [...onlyOurs.slice(0, 5), ...onlyPeer.slice(0, 5)])
    console.log(`  ${pair.replace('\u0000', ' ')}`)
  if (!agree) process.exitCode = 1
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
