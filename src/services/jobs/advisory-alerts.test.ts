import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { exampleFiles, recordingQueue } from '../../../test/support/job-fixtures.js'
import { realMirror } from '../../../test/support/real-mirror.js'
import { storeDialects, type TestStore } from '../../../test/support/store-dialects.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import { NOTIFICATION_SETTINGS_KEY } from '../../core/index.js'
import {
  importModel,
  listAdvisoryAlerts,
  listNotifications,
  writeSetting,
  type Store,
} from '../../store/index.js'
import { feedsSyncHandler } from './feeds-sync.js'
import { portfolioEvaluateHandler, type PortfolioEvaluation } from './portfolio-evaluate.js'

const FLEET = 'infusion-pump-fleet'
const CONTEXT = { jobId: 'test-job' }
/** Carried over from the model's triage, with a risk evaluation for release 3.2.4. */
const DIRTY_COW = 'CVE-2016-5195@linux-kernel-4-1'

let dataDir: string
beforeAll(async () => {
  dataDir = tempDir('alert-advisories')
  const { queue } = recordingQueue()
  await feedsSyncHandler({
    queue,
    dataDir,
    plan: { sources: ['osv', 'nvd', 'kev'], mirror: realMirror() },
  })({}, CONTEXT)
}, 120_000)

describe.each(storeDialects)('advisory alerts of portfolio-evaluate on $name', (dialect) => {
  let opened: TestStore
  let store: Store
  let clock: Date
  let recorded: ReturnType<typeof recordingQueue>

  beforeEach(async () => {
    clock = new Date('2026-06-01T10:00:00.000Z')
    opened = await dialect.open({ now: () => clock })
    store = opened.store
    recorded = recordingQueue()
    const imported = await importModel(store, FLEET, exampleFiles(FLEET), {
      actor: 'alice',
      reason: null,
      expectedRevision: 0,
    })
    if (!imported.ok) throw new Error(imported.error.message)
    await writeSetting(store.db, {
      key: NOTIFICATION_SETTINGS_KEY,
      value: {
        email: { smtpUrl: null, security: 'starttls', from: null, recipients: [] },
        webhooks: [{ id: 'chat', url: 'https://chat.example.com/hooks/abc' }],
        reminderLeadDays: [7, 1],
      },
      at: clock.toISOString(),
      actor: 'admin',
    })
  })
  afterEach(async () => {
    await opened.dispose()
  })

  const evaluate = async () =>
    (await portfolioEvaluateHandler({ store, dataDir, queue: recorded.queue })(
      { productId: FLEET },
      CONTEXT,
    )) as PortfolioEvaluation

  /** As if a feed sync had just brought these findings: they leave the table. */
  const forget = async (release: string, findingIds: readonly string[]) => {
    await store.db
      .deleteFrom('findings')
      .where('product_id', '=', FLEET)
      .where('release', '=', release)
      .where('finding_id', 'in', findingIds)
      .execute()
  }

  it('raises no alert on the first evaluation, then one per new finding with one digest', async () => {
    const first = await evaluate()
    expect(first.findings).toBeGreaterThan(0)
    expect(first).toMatchObject({ alerts: 0, notifications: 0 })
    expect(await listAdvisoryAlerts(store.db, { limit: 100 })).toEqual([])
    expect(recorded.sent).toEqual([])

    const untriaged = await store.db
      .selectFrom('findings')
      .select('finding_id')
      .where('product_id', '=', FLEET)
      .where('release', '=', '4.1.2')
      .where('vex_status', '=', 'untriaged')
      .orderBy('finding_id')
      .executeTakeFirstOrThrow()
    await forget('4.1.2', [untriaged.finding_id])
    await forget('3.2.4', [DIRTY_COW])
    clock = new Date('2026-06-02T10:00:00.000Z')
    const second = await evaluate()
    expect(second).toMatchObject({ added: 2, alerts: 2, notifications: 1 })
    expect(recorded.sent).toEqual([
      { name: 'notifications-send', data: { requestedBy: 'portfolio-evaluate' } },
    ])

    const alerts = await listAdvisoryAlerts(store.db, { productIds: [FLEET], limit: 100 })
    const byFinding = new Map(alerts.map((alert) => [alert.findingId, alert]))
    const dirtyCow = byFinding.get(DIRTY_COW)
    expect(dirtyCow).toMatchObject({
      release: '3.2.4',
      vulnerability: 'CVE-2016-5195',
      component: 'linux-kernel-4-1',
      kev: true,
      state: 'open',
      createdAt: '2026-06-02T10:00:00.000Z',
      // The model's triage carries over; its risk evaluation re-opens.
      suggestedStatus: 'affected',
      linkedRisks: [`${DIRTY_COW}#3.2.4`],
    })
    expect(dirtyCow?.reasoning[0]).toBe(
      'CISA lists CVE-2016-5195 as exploited in the wild since 2022-03-03.',
    )
    const fresh = byFinding.get(untriaged.finding_id)
    expect(fresh?.release).toBe('4.1.2')
    expect(['under_investigation', 'not_affected']).toContain(fresh?.suggestedStatus)
    expect(fresh?.reasoning.length).toBeGreaterThan(1)
    expect(fresh?.linkedRisks).toEqual([])

    const [digest] = await listNotifications(store.db, { kind: 'advisory-alert' })
    expect(digest).toMatchObject({
      channel: 'webhook',
      recipient: 'https://chat.example.com/hooks/abc',
      productId: FLEET,
      state: 'pending',
    })
    expect(digest?.subject).toMatch(/^2 new advisories affect .+ 3\.2\.4, 4\.1\.2$/)
    expect(digest?.text).toContain(`- CVE-2016-5195 in linux-kernel-4-1 (3.2.4)`)
    expect(digest?.data['alerts']).toHaveLength(2)
  }, 120_000)

  it('alerts a finding once per release, however often it comes back', async () => {
    await evaluate()
    await forget('3.2.4', [DIRTY_COW])
    expect(await evaluate()).toMatchObject({ alerts: 1, notifications: 1 })
    expect(await evaluate()).toMatchObject({ added: 0, alerts: 0, notifications: 0 })
    await forget('3.2.4', [DIRTY_COW])
    expect(await evaluate()).toMatchObject({ added: 1, alerts: 0, notifications: 0 })
    expect(await listAdvisoryAlerts(store.db, { limit: 100 })).toHaveLength(1)
    expect(await listNotifications(store.db)).toHaveLength(1)
  }, 120_000)

  it('raises no alerts for a release added to the model: its first evaluation is its baseline', async () => {
    await evaluate()
    const edited = exampleFiles(FLEET).map((file) =>
      file.path === 'supply-chain.yaml'
        ? {
            ...file,
            text: file.text.replace(
              'releases:\n',
              [
                'releases:',
                "  - version: '4.1.3'",
                "    date: '2026-05-20'",
                '    changeType: security-patch',
                "    milestones: { endOfLife: '2031-12-31', endOfSupport: '2034-12-31' }",
                '    components: [linux-kernel-4-1, glibc-2-34, openssl-1-1-1n]',
                '',
              ].join('\n'),
            ),
          }
        : file,
    )
    const reimported = await importModel(store, FLEET, edited, {
      actor: 'alice',
      reason: null,
      expectedRevision: 1,
    })
    if (!reimported.ok) throw new Error(reimported.error.message)
    const evaluation = await evaluate()
    expect(evaluation.added).toBeGreaterThan(0)
    expect(evaluation).toMatchObject({ alerts: 0, notifications: 0 })
  }, 120_000)
})
