import type { JobQueue } from '../../jobs/index.js'

/** One feed sync at a time, however many servers, workers and people ask for one. */
export const FEEDS_SYNC_SINGLETON = 'feeds-sync'

/**
 * Asks for a feed sync every `hours` (NVD and KEV change daily; CISA asks for prompt action on
 * KEV entries). Every process may run a schedule: the singleton key folds their requests into
 * one job. Returns how to stop it.
 */
export const scheduleFeedSync = (
  queue: JobQueue,
  hours: number,
  onError: (error: unknown) => void,
): (() => void) => {
  const timer = setInterval(() => {
    queue
      .send('feeds-sync', { requestedBy: 'schedule' }, { singletonKey: FEEDS_SYNC_SINGLETON })
      .catch(onError)
  }, hours * 3_600_000)
  // The schedule alone must not keep a stopping process alive.
  timer.unref()
  return () => {
    clearInterval(timer)
  }
}
