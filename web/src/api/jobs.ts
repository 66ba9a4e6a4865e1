import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'

import { request } from './client.js'
import { followJobs, jobAnswered, NO_JOBS, pollInterval, type JobWait } from './job-polling.js'
import type { JobStatus } from './types.js'

/** A background job's status, asked for again until it is over; nothing without an id. */
export const useJob = (jobId: string | null) =>
  useQuery({
    queryKey: ['job', jobId],
    queryFn: ({ signal }) =>
      request<JobStatus>(`/jobs/${encodeURIComponent(jobId ?? '')}`, { signal }),
    enabled: jobId !== null,
    refetchInterval: (query) => pollInterval(query.state.data, Date.now()),
    staleTime: 0,
  })

/**
 * Jobs followed one after the other (each save queues its own) until every one is over; then
 * `onAllOver` runs with the ones that failed. Asking about them in turn keeps it to one request
 * at a time however many were queued.
 */
export const useJobsInTurn = (onAllOver: (failed: readonly JobStatus[]) => void) => {
  const [wait, setWait] = useState<JobWait>(NO_JOBS)
  const job = useJob(wait.waiting[0] ?? null)
  const allOver = useRef(onAllOver)
  useEffect(() => {
    allOver.current = onAllOver
  }, [onAllOver])

  useEffect(() => {
    if (job.data === undefined) return
    const next = jobAnswered(wait, job.data)
    if (next === null) return
    setWait(next)
    if (next.waiting.length === 0) allOver.current(next.failed)
  }, [job.data, wait])

  const follow = useCallback((jobIds: readonly string[]) => {
    if (jobIds.length > 0) setWait((current) => followJobs(current, jobIds))
  }, [])

  return {
    follow,
    /** How many jobs are still to finish. */
    pending: wait.waiting.length,
    /** The job asked about now. */
    job: job.data,
    failed: wait.failed,
    error: job.error,
  }
}
