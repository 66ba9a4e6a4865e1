import type { FeedsPlan } from '../../feeds/index.js'
import type { JobQueue } from '../../jobs/index.js'
import type { Store } from '../../store/index.js'
import type { FeedSyncEnvironment } from '../feed-sync.js'
import { queueNotificationDelivery } from '../notifications.js'
import { deadlineRemindersHandler } from './deadline-reminders.js'
import { documentsGenerateHandler } from './documents-generate.js'
import { feedsSyncHandler } from './feeds-sync.js'
import { notificationsSendHandler } from './notifications-send.js'
import { portfolioEvaluateHandler } from './portfolio-evaluate.js'

export interface JobHandlerDeps {
  readonly store: Store
  /** The advisory store's data dir; without one, feed syncs and evaluations fail saying so. */
  readonly dataDir?: string
  /** What a feed sync syncs (sources, ecosystems, CSAF providers, a mirror); default all. */
  readonly feeds?: Partial<FeedsPlan>
  readonly feedsEnvironment?: Partial<FeedSyncEnvironment>
  /** The sync's progress lines (`osv/PyPI: downloading …`). */
  readonly progress?: (line: string) => void
  /** Chromium for PDF documents (default $MEDCYBER_CHROMIUM or /usr/bin/chromium). */
  readonly chromiumPath?: string
}

/** Starts taking feed syncs, portfolio evaluations and document generation on this process. */
export const registerJobHandlers = async (queue: JobQueue, deps: JobHandlerDeps): Promise<void> => {
  await queue.work(
    'feeds-sync',
    feedsSyncHandler({
      queue,
      dataDir: deps.dataDir,
      ...(deps.feeds === undefined ? {} : { plan: deps.feeds }),
      ...(deps.feedsEnvironment === undefined ? {} : { environment: deps.feedsEnvironment }),
      ...(deps.progress === undefined ? {} : { progress: deps.progress }),
    }),
  )
  await queue.work(
    'portfolio-evaluate',
    portfolioEvaluateHandler({ store: deps.store, dataDir: deps.dataDir, queue }),
  )
  await queue.work(
    'documents-generate',
    documentsGenerateHandler({
      store: deps.store,
      ...(deps.chromiumPath === undefined ? {} : { chromiumPath: deps.chromiumPath }),
    }),
  )
  await queue.work(
    'deadline-reminders',
    deadlineRemindersHandler({
      store: deps.store,
      deliver: async () => {
        await queueNotificationDelivery(queue, 'deadline-reminders')
      },
    }),
  )
  await queue.work('notifications-send', notificationsSendHandler({ store: deps.store }))
}
