import { Type, type Static } from '@sinclair/typebox'

import {
  addDays,
  clockStatus,
  isCalendarDate,
  NOTIFICATION_SETTINGS_KEY,
  notificationSettingsOf,
  reminderStage,
  reminderStageKey,
  type CalendarDate,
  type ReminderStage,
} from '../../core/index.js'
import type { JobHandler, JobQueue } from '../../jobs/index.js'
import {
  enqueueNotification,
  pendingClocksDueBy,
  readSetting,
  type ClockListing,
  type Store,
} from '../../store/index.js'
import { checkJobData, JobError } from './job-data.js'

/** One reminder run at a time, however many schedules and people ask for one. */
export const DEADLINE_REMINDERS_SINGLETON = 'deadline-reminders'

export const DeadlineRemindersData = Type.Object(
  {
    /** Username of whoever asked, or `schedule`. */
    requestedBy: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
)
export type DeadlineRemindersData = Static<typeof DeadlineRemindersData>

export interface DeadlineReminder {
  readonly clockId: string
  readonly productId: string
  readonly kind: string
  readonly due: CalendarDate
  /** `lead-7`, `lead-1` or `overdue`. */
  readonly stage: string
  readonly dedupeKey: string
  /** Outbox rows written now: 0 when every recipient already had this reminder. */
  readonly notifications: number
}

export interface DeadlineReminderRun {
  readonly today: CalendarDate
  readonly leadDays: readonly number[]
  /** Clocks not met nor withdrawn and due within the longest lead (or overdue). */
  readonly checked: number
  readonly reminders: readonly DeadlineReminder[]
  /** Ids of the outbox rows written, for the delivery job. */
  readonly notificationIds: readonly string[]
}

/** The key that makes one reminder per clock and stage, however often the job runs. */
export const reminderDedupeKey = (clockId: string, stage: ReminderStage): string =>
  `deadline-reminder:${clockId}:${reminderStageKey(stage)}`

const when = (daysRemaining: number): string => {
  if (daysRemaining < 0) return `overdue by ${String(-daysRemaining)} day(s)`
  if (daysRemaining === 0) return 'due today'
  return daysRemaining === 1 ? 'due tomorrow' : `due in ${String(daysRemaining)} days`
}

const reminderOf = (clock: ClockListing, today: CalendarDate, stage: ReminderStage) => {
  const { daysRemaining } = clockStatus({ due: clock.due }, today)
  const subject = `[${clock.productName}] ${when(daysRemaining)}: ${clock.title}`
  const text = [
    `${clock.title} — ${when(daysRemaining)} (${clock.due}).`,
    `Product: ${clock.productName} (${clock.productId}), release ${clock.release}`,
    `Subject: ${clock.subject}`,
    `Started: ${clock.startedOn}; due: ${clock.due}`,
    `Source: ${clock.source.document}, ${clock.source.clause}`,
    'Record the evidence of meeting it in medcyber (Deadlines) once it is done.',
  ].join('\n')
  const data = {
    event: 'deadline-reminder',
    clockId: clock.id,
    productId: clock.productId,
    productName: clock.productName,
    release: clock.release,
    subject: clock.subject,
    kind: clock.kind,
    title: clock.title,
    startedOn: clock.startedOn,
    due: clock.due,
    daysRemaining,
    stage: reminderStageKey(stage),
    source: clock.source,
  }
  return { subject, text, data }
}

export interface DeadlineRemindersOptions {
  /** The day judged on; default today (UTC) by the store's clock. */
  readonly today?: CalendarDate
}

/**
 * Puts a reminder in the notification outbox for every clock, not met nor withdrawn, that is
 * within one of the configured lead days (`notifications.reminderLeadDays`) or past due. Each
 * (clock, stage) has its own dedupe key, so running twice a day, or after a restart, reminds
 * once per stage.
 */
export const runDeadlineReminders = async (
  store: Store,
  options: DeadlineRemindersOptions = {},
): Promise<DeadlineReminderRun> => {
  const today = options.today ?? store.now().toISOString().slice(0, 10)
  if (!isCalendarDate(today)) throw new JobError('jobs/bad-data', `${today} is not a date`)
  const settings = notificationSettingsOf(await readSetting(store.db, NOTIFICATION_SETTINGS_KEY))
  const leadDays = [...settings.reminderLeadDays].sort((a, b) => b - a)
  const clocks = await pendingClocksDueBy(store, addDays(today, Math.max(0, ...leadDays)))
  const reminders: DeadlineReminder[] = []
  const notificationIds: string[] = []
  const at = store.now().toISOString()
  for (const clock of clocks) {
    const stage = reminderStage({ due: clock.due }, today, leadDays)
    if (stage === undefined) continue
    const dedupeKey = reminderDedupeKey(clock.id, stage)
    const { ids } = await enqueueNotification(store.db, {
      kind: 'deadline-reminder',
      ...reminderOf(clock, today, stage),
      dedupeKey,
      productId: clock.productId,
      at,
    })
    notificationIds.push(...ids)
    reminders.push({
      clockId: clock.id,
      productId: clock.productId,
      kind: clock.kind,
      due: clock.due,
      stage: reminderStageKey(stage),
      dedupeKey,
      notifications: ids.length,
    })
  }
  return { today, leadDays, checked: clocks.length, reminders, notificationIds }
}

export interface DeadlineRemindersDeps {
  readonly store: Store
  /** Called after every run with the outbox rows it wrote, to deliver what is pending. */
  readonly deliver?: (notificationIds: readonly string[]) => Promise<void>
}

/** The `deadline-reminders` job: a run as `runDeadlineReminders`, then delivery of what it wrote. */
export const deadlineRemindersHandler =
  (deps: DeadlineRemindersDeps): JobHandler =>
  async (data) => {
    checkJobData(DeadlineRemindersData, data, 'deadline-reminders')
    const run = await runDeadlineReminders(deps.store)
    // Delivery is asked for even when this run wrote nothing: messages whose earlier delivery
    // job gave up are still pending in the outbox, and the daily run sweeps them up.
    if (deps.deliver !== undefined) await deps.deliver(run.notificationIds)
    return {
      today: run.today,
      checked: run.checked,
      reminders: run.reminders.length,
      notifications: run.notificationIds.length,
    }
  }

const HOUR_MS = 3_600_000
/** The first run waits this long: a server started for a moment (a test, a check) sends nothing. */
const FIRST_RUN_AFTER_MS = 60_000

/**
 * Asks for a reminder run a minute after start and then every `hours` (default daily), so a
 * server restarted every night still reminds. Every process may run a schedule: the singleton
 * key folds their requests into one job, and the dedupe keys make a second run remind nobody
 * twice. Returns how to stop it.
 */
export const scheduleDeadlineReminders = (
  queue: JobQueue,
  onError: (error: unknown) => void,
  hours = 24,
): (() => void) => {
  const send = () => {
    queue
      .send(
        'deadline-reminders',
        { requestedBy: 'schedule' },
        { singletonKey: DEADLINE_REMINDERS_SINGLETON },
      )
      .catch(onError)
  }
  const first = setTimeout(send, FIRST_RUN_AFTER_MS)
  const timer = setInterval(send, hours * HOUR_MS)
  // The schedule alone must not keep a stopping process alive.
  first.unref()
  timer.unref()
  return () => {
    clearTimeout(first)
    clearInterval(timer)
  }
}
