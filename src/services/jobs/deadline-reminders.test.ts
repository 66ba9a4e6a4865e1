import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import { stringify } from 'yaml'

import { deadlinesForDecision } from '../../core/index.js'
import {
  importModel,
  listNotifications,
  recordClockEvidence,
  recordRiskDecision,
  writeSetting,
  type Store,
} from '../../store/index.js'
import { minimalModel } from '../../../test/support/minimal-model.js'
import { storeDialects, type TestStore } from '../../../test/support/store-dialects.js'
import type { JobQueue } from '../../jobs/index.js'
import {
  deadlineRemindersHandler,
  runDeadlineReminders,
  scheduleDeadlineReminders,
} from './deadline-reminders.js'

const settings = (reminderLeadDays: number[]) => ({
  email: {
    smtpUrl: 'smtp://127.0.0.1:2525',
    security: 'none',
    from: 'medcyber@example.com',
    recipients: ['psirt@example.com'],
  },
  webhooks: [{ id: 'chat', url: 'http://127.0.0.1:9/hook' }],
  reminderLeadDays,
})

describe.each(storeDialects)('deadline reminders on $name', (dialect) => {
  let opened: TestStore
  let store: Store
  let communicationId: string

  const stagesOn = async (today: string) =>
    (await runDeadlineReminders(store, { today })).reminders.map((reminder) => [
      reminder.kind,
      reminder.stage,
      reminder.notifications,
    ])

  beforeAll(async () => {
    opened = await dialect.open({ now: () => new Date('2026-03-02T10:00:00Z') })
    store = opened.store
    const imported = await importModel(
      store,
      'pump',
      [{ path: 'medcyber.yaml', text: stringify({ ...minimalModel(), sboms: [] }) }],
      { expectedRevision: 0, actor: 'test', reason: null },
    )
    expect(imported.ok).toBe(true)
    const decided = await recordRiskDecision(store, {
      productId: 'pump',
      release: '1.0',
      subject: 'CVE-2024-0001@freertos',
      decision: 'uncontrolled',
      rationale: 'test',
      learnedOn: '2026-03-02',
      learnedFrom: 'request',
      actor: 'alice',
      modelRevision: 1,
      // Communicate by 1 April; remediate and patch by 1 May.
      deadlines: deadlinesForDecision('uncontrolled', '2026-03-02'),
    })
    communicationId = decided.started[0]!.id
    expect(decided.started[0]?.kind).toBe('fda-uncontrolled-risk-communication')
  }, 60_000)
  afterAll(async () => {
    await opened.dispose()
  })

  test('without recipients the stage is found but nothing is written', async () => {
    const run = await runDeadlineReminders(store, { today: '2026-03-30' })
    expect(run.leadDays).toEqual([7, 1])
    expect(run.reminders.map((reminder) => [reminder.stage, reminder.notifications])).toEqual([
      ['lead-7', 0],
    ])
    expect(await listNotifications(store.db)).toEqual([])
  })

  test('one reminder per clock, stage and recipient, however often it runs', async () => {
    await writeSetting(store.db, {
      key: 'notifications',
      value: settings([7, 1]),
      at: '2026-03-02T10:00:00Z',
      actor: 'admin',
    })
    expect(await stagesOn('2026-03-24')).toEqual([])
    expect(await stagesOn('2026-03-25')).toEqual([
      ['fda-uncontrolled-risk-communication', 'lead-7', 2],
    ])
    expect(await stagesOn('2026-03-25')).toEqual([
      ['fda-uncontrolled-risk-communication', 'lead-7', 0],
    ])
    expect(await stagesOn('2026-03-30')).toEqual([
      ['fda-uncontrolled-risk-communication', 'lead-7', 0],
    ])
    expect(await stagesOn('2026-03-31')).toEqual([
      ['fda-uncontrolled-risk-communication', 'lead-1', 2],
    ])
    expect(await stagesOn('2026-04-01')).toEqual([
      ['fda-uncontrolled-risk-communication', 'lead-1', 0],
    ])
    expect(await stagesOn('2026-04-02')).toEqual([
      ['fda-uncontrolled-risk-communication', 'overdue', 2],
    ])
    const rows = await listNotifications(store.db, { kind: 'deadline-reminder' })
    expect(rows.map((row) => [row.channel, row.dedupeKey])).toEqual(
      expect.arrayContaining([
        ['email', `deadline-reminder:${communicationId}:lead-7`],
        ['webhook', `deadline-reminder:${communicationId}:lead-7`],
        ['email', `deadline-reminder:${communicationId}:lead-1`],
        ['webhook', `deadline-reminder:${communicationId}:lead-1`],
        ['email', `deadline-reminder:${communicationId}:overdue`],
        ['webhook', `deadline-reminder:${communicationId}:overdue`],
      ]),
    )
    expect(rows).toHaveLength(6)
    const week = rows.find((row) => row.dedupeKey.endsWith(':lead-7'))
    expect(week?.subject).toBe(
      '[pump] due in 7 days: Communicate the vulnerability to customers and users, identify interim compensating controls and develop a remediation plan',
    )
    expect(week?.text).toContain('Section VII.B')
    expect(week?.data).toMatchObject({
      clockId: communicationId,
      due: '2026-04-01',
      stage: 'lead-7',
    })
  })

  test('the configured lead days decide the stages', async () => {
    await writeSetting(store.db, {
      key: 'notifications',
      value: settings([30, 14]),
      at: '2026-03-02T10:00:00Z',
      actor: 'admin',
    })
    // The 60-day remediation and the out-of-cycle patch are due 1 May; the 30-day notice is due
    // today, within the new 14-day stage it had no reminder for.
    expect(await stagesOn('2026-04-01')).toEqual([
      ['fda-uncontrolled-risk-communication', 'lead-14', 2],
      ['fda-524b-out-of-cycle-patch', 'lead-30', 2],
      ['fda-uncontrolled-risk-remediation', 'lead-30', 2],
    ])
    expect((await stagesOn('2026-04-17')).map(([kind, stage]) => [kind, stage])).toEqual([
      ['fda-uncontrolled-risk-communication', 'overdue'],
      ['fda-524b-out-of-cycle-patch', 'lead-14'],
      ['fda-uncontrolled-risk-remediation', 'lead-14'],
    ])
  })

  test('a met clock is reminded of no more', async () => {
    const met = await recordClockEvidence(store, {
      productId: 'pump',
      clockId: communicationId,
      on: '2026-04-03',
      note: 'Notice sent',
      actor: 'alice',
    })
    expect(met.ok).toBe(true)
    expect((await stagesOn('2026-04-20')).map(([kind]) => kind)).toEqual([
      'fda-524b-out-of-cycle-patch',
      'fda-uncontrolled-risk-remediation',
    ])
  })

  test('the job checks its data and asks for delivery after every run', async () => {
    const delivered: (readonly string[])[] = []
    const handler = deadlineRemindersHandler({
      store,
      deliver: (ids) => {
        delivered.push(ids)
        return Promise.resolve()
      },
    })
    await expect(handler({ requestedBy: 7 }, { jobId: 'j1' })).rejects.toThrow(/requestedBy/)
    // The store's clock says 2 March: nothing is near.
    expect(await handler({ requestedBy: 'schedule' }, { jobId: 'j2' })).toMatchObject({
      reminders: 0,
      notifications: 0,
    })
    // Even a run that wrote nothing sweeps up messages an earlier delivery job gave up on.
    expect(delivered).toEqual([[]])
  })
})

describe('scheduleDeadlineReminders', () => {
  test('asks for one run a minute after start, then daily, folded into one job', () => {
    vi.useFakeTimers()
    try {
      const sent: unknown[] = []
      const queue = {
        send: (...args: unknown[]) => {
          sent.push(args)
          return Promise.resolve('id')
        },
      } as unknown as JobQueue
      const stop = scheduleDeadlineReminders(queue, () => undefined)
      vi.advanceTimersByTime(59_000)
      expect(sent).toEqual([])
      vi.advanceTimersByTime(1_000)
      expect(sent).toEqual([
        ['deadline-reminders', { requestedBy: 'schedule' }, { singletonKey: 'deadline-reminders' }],
      ])
      vi.advanceTimersByTime(24 * 3_600_000)
      expect(sent).toHaveLength(2)
      stop()
      vi.advanceTimersByTime(48 * 3_600_000)
      expect(sent).toHaveLength(2)
    } finally {
      vi.useRealTimers()
    }
  })
})
