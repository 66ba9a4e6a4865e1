import { jobStateOf, jobStep } from '../api/job-polling.js'
import type { JobStatus } from '../api/types.js'
import { defineMessages, useMessages } from '../i18n/messages.js'
import { Badge } from './page.js'
import { ErrorBox } from './query-state.js'

const jobMessages = defineMessages({
  en: {
    progress: 'Progress',
    queued: 'Queued: waiting for a worker',
    active: 'Running',
    completed: 'Done',
    failed: 'Failed',
    asking: 'Asking the server…',
  },
  ja: {
    progress: '進捗',
    queued: '待機中: ワーカーの空きを待っています',
    active: '実行中',
    completed: '完了',
    failed: '失敗',
    asking: 'サーバーに問い合わせ中…',
  },
})

const TONES = { queued: 'neutral', active: 'info', completed: 'good', failed: 'bad' } as const

/** A background job's state as words and a bar; the job's own error when it failed. */
export const JobProgress = ({
  label,
  job,
  error,
}: {
  readonly label: string
  readonly job: JobStatus | undefined
  readonly error: unknown
}) => {
  const t = useMessages(jobMessages)
  const step = jobStep(job)
  const state = job === undefined ? undefined : jobStateOf(job)
  return (
    <div className="job-progress" role="status" aria-live="polite">
      <div className="job-progress-line">
        <span>{label}</span>
        {job === undefined ? (
          <span className="muted">{t.asking}</span>
        ) : (
          <Badge tone={state === undefined ? 'neutral' : TONES[state]}>
            {state === undefined ? job.state : t[state]}
          </Badge>
        )}
      </div>
      {job?.state !== 'completed' && job?.state !== 'failed' && (
        // Indeterminate while the worker runs: the server gives no percentage.
        <progress aria-label={t.progress} max={3} {...(step === 2 ? {} : { value: step })} />
      )}
      {job?.state === 'failed' && job.error !== null && <ErrorBox error={new Error(job.error)} />}
      {error !== null && error !== undefined && <ErrorBox error={error} />}
    </div>
  )
}
