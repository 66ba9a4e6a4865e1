import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'

import { request } from '../../api/client.js'
import { feedSyncOutputOf } from '../../api/job-output.js'
import { isJobOver } from '../../api/job-polling.js'
import { useJob } from '../../api/jobs.js'
import type { JobAccepted } from '../../api/types.js'
import { useMessages } from '../../i18n/messages.js'
import { JobProgress } from '../../ui/job-progress.js'
import { ErrorBox } from '../../ui/query-state.js'
import { messages } from './messages.js'
import { ADVISORIES_KEY } from './use-advisories.js'

/**
 * Sync the advisory feeds: queue the job, follow it, then follow the re-evaluation of the
 * products it queues when advisories changed, refreshing the lists after each.
 */
export const useFeedSync = () => {
  const client = useQueryClient()
  const [syncJobId, setSyncJobId] = useState<string | null>(null)
  const start = useMutation({
    mutationFn: () => request<JobAccepted>('/jobs/feeds-sync', { method: 'POST' }),
    onSuccess: ({ jobId }) => {
      setSyncJobId(jobId)
    },
  })
  const sync = useJob(syncJobId)
  const output = feedSyncOutputOf(sync.data?.state === 'completed' ? sync.data.output : null)
  const evaluation = useJob(output.evaluationJobId)
  const syncState = sync.data?.state
  const evaluationState = evaluation.data?.state
  useEffect(() => {
    if (syncState === 'completed' || evaluationState === 'completed') {
      void client.invalidateQueries({ queryKey: ADVISORIES_KEY })
      void client.invalidateQueries({ queryKey: ['portfolio'] })
    }
  }, [client, syncState, evaluationState])
  const running =
    start.isPending ||
    (syncJobId !== null && !isJobOver(sync.data)) ||
    (output.evaluationJobId !== null && !isJobOver(evaluation.data))
  return { start, syncJobId, sync, output, evaluation, running }
}

type FeedSync = ReturnType<typeof useFeedSync>

export const FeedSyncButton = ({ feedSync }: { readonly feedSync: FeedSync }) => {
  const t = useMessages(messages)
  return (
    <button
      type="button"
      disabled={feedSync.running}
      onClick={() => {
        feedSync.start.mutate()
      }}
    >
      {t.sync}
    </button>
  )
}

/** What the sync did: its progress, each feed's outcome, then the re-evaluation's progress. */
export const FeedSyncStatus = ({ feedSync }: { readonly feedSync: FeedSync }) => {
  const t = useMessages(messages)
  const { start, syncJobId, sync, output, evaluation } = feedSync
  if (start.error !== null) return <ErrorBox error={start.error} />
  if (syncJobId === null) return null
  const done =
    sync.data?.state === 'completed' &&
    (output.evaluationJobId === null || evaluation.data?.state === 'completed')
  return (
    <section className="card advisories-sync" aria-label={t.syncing}>
      <JobProgress label={t.syncing} job={sync.data} error={sync.error} />
      {output.feeds.length > 0 && (
        <details>
          <summary>
            {t.syncedFeeds} ({output.feeds.length})
          </summary>
          <ul className="advisories-feeds">
            {output.feeds.map((feed) => (
              <li key={feed.key}>
                <code>{feed.key}</code> {feed.outcome}
                {feed.summary !== null && <span className="muted"> — {feed.summary}</span>}
                {feed.error !== null && (
                  <span className="advisories-feed-error"> — {feed.error}</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      {output.evaluationJobId !== null && (
        <JobProgress label={t.evaluating} job={evaluation.data} error={evaluation.error} />
      )}
      {done && <p className="muted">{t.syncDone}</p>}
    </section>
  )
}
