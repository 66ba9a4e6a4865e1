import { useCallback, useEffect, useRef, useState } from 'react'

import { useJob } from '../../api/jobs.js'
import { nextSyncStep } from './feed-sync-steps.js'
import { startEvaluation, startFeedSync } from './finding-queries.js'

export type ChainPhase = 'idle' | 'sync' | 'evaluate' | 'done' | 'failed'

/**
 * Follows a feed sync into the evaluation that brings this product's findings up to date,
 * polling each job; `onDone` runs when the findings are current.
 */
export const useJobChain = (productId: string, onDone: () => void) => {
  const [jobId, setJobId] = useState<string | null>(null)
  const [phase, setPhase] = useState<ChainPhase>('idle')
  const [error, setError] = useState<unknown>(null)
  const job = useJob(jobId)
  // One step per finished job, even if the effect runs again for the same answer.
  const handled = useRef<string | null>(null)
  const done = useRef(onDone)
  done.current = onDone

  const fail = useCallback((reason: unknown) => {
    setError(reason)
    setPhase('failed')
  }, [])

  const evaluate = useCallback(() => {
    setPhase('evaluate')
    setError(null)
    startEvaluation(productId).then((started) => {
      setJobId(started.jobId)
    }, fail)
  }, [productId, fail])

  useEffect(() => {
    const current = job.data
    if (current === undefined || current.id !== jobId || handled.current === current.id) return
    const step = nextSyncStep(current)
    if (step.kind === 'wait') return
    handled.current = current.id
    if (step.kind === 'watch') {
      setPhase('evaluate')
      setJobId(step.jobId)
    } else if (step.kind === 'evaluate') {
      evaluate()
    } else if (step.kind === 'done') {
      setPhase('done')
      done.current()
    } else {
      fail(new Error(step.error))
    }
  }, [job.data, jobId, evaluate, fail])

  const sync = () => {
    setPhase('sync')
    setError(null)
    startFeedSync().then((started) => {
      setJobId(started.jobId)
    }, fail)
  }

  return { phase, job: job.data, error: error ?? job.error, sync }
}
