import { useQueryClient } from '@tanstack/react-query'

import { useSession } from '../../app/session.js'
import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { ErrorBox } from '../../ui/query-state.js'
import { useJobChain } from './job-chain.js'
import { messages } from './messages.js'

/**
 * The empty state: no findings until the advisory feeds are synced and the product evaluated.
 * Whoever may run jobs can start the sync here and watch it through to the findings.
 */
export const NoFindings = ({ productId }: { readonly productId: string }) => {
  const t = useMessages(messages)
  const { can } = useSession()
  const client = useQueryClient()
  const chain = useJobChain(productId, () => {
    void client.invalidateQueries({ queryKey: ['product', productId] })
  })
  const running = chain.phase === 'sync' || chain.phase === 'evaluate'
  return (
    <div className="card findings-empty">
      <h2>{t.noFindings}</h2>
      <p>{t.noFindingsHint}</p>
      {can('jobs:run', '*') ? (
        <button type="button" className="primary" disabled={running} onClick={chain.sync}>
          {t.syncFeeds}
        </button>
      ) : (
        <p className="muted">{t.askAdmin}</p>
      )}
      {running && (
        <p role="status" aria-live="polite">
          {chain.phase === 'sync' ? t.syncing : t.evaluatingStep}:{' '}
          {chain.job === undefined ? t.job_queued : termOf(t, 'job', chain.job.state)}
        </p>
      )}
      {chain.phase === 'done' && <p role="status">{t.evaluated}</p>}
      {chain.error !== null && <ErrorBox error={chain.error} />}
    </div>
  )
}
