import path from 'node:path'

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { exampleFiles, recordingQueue } from '../../../test/support/job-fixtures.js'
import { EXAMPLES_DIR } from '../../../test/support/model-folders.js'
import { realMirror } from '../../../test/support/real-mirror.js'
import { storeDialects, type TestStore } from '../../../test/support/store-dialects.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import type { CliIo } from '../../cli/cli-io.js'
import { scanCommand } from '../../cli/commands/scan.js'
import { nodeIo } from '../../cli/node-io.js'
import type { JobData, JobName } from '../../jobs/index.js'
import { importModel, type Store } from '../../store/index.js'
import { feedsSyncHandler, type FeedsSyncOutput } from './feeds-sync.js'
import { portfolioEvaluateHandler, type PortfolioEvaluation } from './portfolio-evaluate.js'

const FLEET = 'infusion-pump-fleet'
const PLANNING = 'radiotherapy-planning'
const CONTEXT = { jobId: 'test-job' }

let dataDir: string
let mirror: string
let firstSync: FeedsSyncOutput
let firstSyncSent: { name: JobName; data: JobData }[]
beforeAll(async () => {
  dataDir = tempDir('job-advisories')
  mirror = realMirror()
  const { queue, sent } = recordingQueue()
  const sync = feedsSyncHandler({
    queue,
    dataDir,
    plan: { sources: ['osv', 'nvd', 'kev'], mirror },
  })
  firstSync = (await sync({ requestedBy: 'alice' }, CONTEXT)) as FeedsSyncOutput
  firstSyncSent = sent
}, 120_000)

describe('feeds-sync job', () => {
  it('syncs into the data dir and queues an evaluation of every product when advisories changed', () => {
    expect(firstSync.previousGeneration).toBeNull()
    expect(firstSync.generation).not.toBeNull()
    expect(firstSync.evaluationJobId).toBe('job-1')
    expect(firstSyncSent).toEqual([{ name: 'portfolio-evaluate', data: {} }])
    expect(firstSync.feeds.map((feed) => feed.key)).toEqual(
      expect.arrayContaining(['osv/Maven', 'nvd/cves', 'kev/catalog']),
    )
    expect(firstSync.feeds.every((feed) => feed.outcome === 'updated')).toBe(true)
  })

  it('queues nothing when a sync leaves the advisories as they were', async () => {
    const { queue, sent } = recordingQueue()
    const output = (await feedsSyncHandler({
      queue,
      dataDir,
      plan: { sources: ['kev'], mirror },
    })({}, CONTEXT)) as FeedsSyncOutput
    expect(output).toMatchObject({
      previousGeneration: firstSync.generation,
      generation: firstSync.generation,
      evaluationJobId: null,
    })
    expect(output.feeds.map((feed) => feed.outcome)).toEqual(['unchanged'])
    expect(sent).toEqual([])
  }, 60_000)

  it('fails, naming the feeds, when every feed failed', async () => {
    const { queue, sent } = recordingQueue()
    const run = feedsSyncHandler({
      queue,
      dataDir: tempDir('job-advisories-empty'),
      plan: { sources: ['kev'], mirror: tempDir('empty-mirror') },
    })
    await expect(run({}, CONTEXT)).rejects.toThrow(
      /^every feed failed: kev\/catalog: .*the mirror has no file/,
    )
    expect(sent).toEqual([])
  })

  it('refuses job data it does not know', async () => {
    const { queue } = recordingQueue()
    await expect(feedsSyncHandler({ queue, dataDir })({ mirror: '/etc' }, CONTEXT)).rejects.toThrow(
      'not feeds-sync job data',
    )
  })
})

const capture = () => {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    ...nodeIo(),
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
  }
  return { io, out: () => stdout, err: () => stderr }
}

/** What `medcyber scan --release` reports for the example folder: the oracle for the rows. */
const scanned = async (name: string, release: string) => {
  const { io, out, err } = capture()
  const code = await scanCommand(io, path.join(EXAMPLES_DIR, name), {
    json: true,
    dataDir,
    release,
  })
  if (code !== 0) throw new Error(err())
  return (JSON.parse(out()) as { findings: { id: string; status: string; kev: boolean }[] })
    .findings
}

describe.each(storeDialects)('portfolio-evaluate job on $name', (dialect) => {
  describe('findings table', () => {
    let opened: TestStore
    let store: Store
    let clock: Date
    const by = { actor: 'alice', reason: null }

    beforeEach(async () => {
      clock = new Date('2026-06-01T10:00:00.000Z')
      opened = await dialect.open({ now: () => clock })
      store = opened.store
      for (const name of [FLEET, PLANNING]) {
        const imported = await importModel(store, name, exampleFiles(name), {
          ...by,
          expectedRevision: 0,
        })
        if (!imported.ok) throw new Error(imported.error.message)
      }
    })
    afterEach(async () => {
      await opened.dispose()
    })

    const evaluate = async (data: JobData = {}) =>
      (await portfolioEvaluateHandler({ store, dataDir })(data, CONTEXT)) as PortfolioEvaluation

    const rowsOf = (productId: string) =>
      store.db
        .selectFrom('findings')
        .selectAll()
        .where('product_id', '=', productId)
        .orderBy('release')
        .orderBy('finding_id')
        .execute()

    it('writes the findings of every release as medcyber scan --release finds them', async () => {
      const evaluation = await evaluate()
      const rows = await rowsOf(FLEET)
      const planning = await rowsOf(PLANNING)
      expect(evaluation).toMatchObject({
        generation: firstSync.generation,
        products: 2,
        findings: rows.length + planning.length,
        added: rows.length + planning.length,
        removed: 0,
        skipped: [],
      })
      expect(evaluation.releases).toBe(
        new Set([...rows, ...planning].map((r) => r.product_id + r.release)).size,
      )
      for (const release of ['3.2.4', '4.1.2']) {
        const expected = await scanned(FLEET, release)
        expect(expected.length).toBeGreaterThan(0)
        const own = rows.filter((row) => row.release === release)
        expect(own.map((row) => [row.finding_id, row.vex_status, row.kev])).toEqual(
          expected
            .map((finding) => [finding.id, finding.status, finding.kev ? 1 : 0])
            .sort(([a], [b]) => String(a).localeCompare(String(b))),
        )
      }
      expect(
        rows.find(
          (row) => row.release === '3.2.4' && row.finding_id === 'CVE-2021-44228@log4j-core-2-14',
        ),
      ).toMatchObject({
        vulnerability: 'CVE-2021-44228',
        component: 'log4j-core-2-14',
        severity: 'Critical',
        cvss_score: 10,
        kev: 1,
        vex_status: 'affected',
        first_seen: clock.toISOString(),
        evaluated_at: clock.toISOString(),
        advisory_generation: firstSync.generation,
      })
      const log4shell = rows.find((row) => row.finding_id === 'CVE-2021-44228@log4j-core-2-14')
      expect(JSON.parse(log4shell?.aliases ?? '[]')).toContain('GHSA-jfh8-c2jp-5v3q')
      expect(rows.filter((row) => row.kev === 1).length).toBeGreaterThan(1)
    }, 60_000)

    it('keeps first_seen of findings still there and removes those no longer found', async () => {
      const firstAt = clock.toISOString()
      await evaluate({ productId: FLEET })
      const before = await rowsOf(FLEET)
      const log4j = before.filter(
        (row) => row.release === '3.2.4' && row.component === 'log4j-core-2-14',
      )
      expect(log4j.length).toBeGreaterThan(0)
      // Release 3.2.4 no longer ships Log4j 2.14 in the model.
      const edited = exampleFiles(FLEET).map((file) =>
        file.path === 'supply-chain.yaml'
          ? { ...file, text: file.text.replace('      - log4j-core-2-14\n', '') }
          : file,
      )
      const reimported = await importModel(store, FLEET, edited, { ...by, expectedRevision: 1 })
      expect(reimported.ok).toBe(true)
      clock = new Date('2026-06-02T10:00:00.000Z')
      const second = await evaluate({ productId: FLEET })
      const after = await rowsOf(FLEET)
      expect(second).toMatchObject({
        products: 1,
        findings: before.length - log4j.length,
        added: 0,
        removed: log4j.length,
      })
      expect(after.map((row) => [row.release, row.finding_id])).toEqual(
        before.filter((row) => !log4j.includes(row)).map((row) => [row.release, row.finding_id]),
      )
      for (const row of after) {
        expect(row.first_seen).toBe(firstAt)
        expect(row.evaluated_at).toBe(clock.toISOString())
      }
      expect(await rowsOf(PLANNING)).toEqual([])
    }, 60_000)

    it('fails with a message for an unknown product or an empty advisory store', async () => {
      await expect(evaluate({ productId: 'no-such-device' })).rejects.toThrow(
        'no product no-such-device',
      )
      const empty = portfolioEvaluateHandler({ store, dataDir: tempDir('no-advisories') })
      await expect(empty({}, CONTEXT)).rejects.toThrow(/is empty; run a feed sync first$/)
      expect(await rowsOf(FLEET)).toEqual([])
    })
  })
})
