import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link } from 'react-router'

import { request } from '../../api/client.js'
import { useSession } from '../../app/session.js'
import { common, termOf } from '../../i18n/common.js'
import { useFormatDateTime } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { ErrorBox } from '../../ui/query-state.js'
import type { Alert } from './alert-types.js'
import { messages } from './messages.js'

export const ALERTS_KEY = 'alerts'

const severityTone = (severity: string | null): 'bad' | 'warn' | 'neutral' =>
  severity === 'Critical' || severity === 'High'
    ? 'bad'
    : severity === 'Medium'
      ? 'warn'
      : 'neutral'

const Acknowledge = ({ alert }: { readonly alert: Alert }) => {
  const t = useMessages(messages)
  const client = useQueryClient()
  const acknowledge = useMutation({
    mutationFn: () =>
      request<Alert>(`/alerts/${encodeURIComponent(alert.id)}/acknowledge`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [ALERTS_KEY] }),
  })
  return (
    <>
      <button
        type="button"
        disabled={acknowledge.isPending}
        onClick={() => {
          acknowledge.mutate()
        }}
      >
        {acknowledge.isPending ? t.acknowledging : t.acknowledge}
      </button>
      {acknowledge.error !== null && <ErrorBox error={acknowledge.error} />}
    </>
  )
}

/** One alert: what was found where, the suggested triage with its reasons, the risks it re-opens. */
export const AlertCard = ({ alert }: { readonly alert: Alert }) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const formatDateTime = useFormatDateTime()
  const { can } = useSession()
  const findings = `/products/${encodeURIComponent(alert.productId)}/findings`
  return (
    <article className="alert-card" aria-labelledby={`alert-${alert.id}`}>
      <header>
        <h2 id={`alert-${alert.id}`}>
          {alert.vulnerability}{' '}
          <span className="alert-where">{t.inRelease(alert.productId, alert.release)}</span>
        </h2>
        <div className="alert-badges">
          <Badge tone={severityTone(alert.severity)}>{alert.severity ?? t.noScore}</Badge>
          {alert.kev && <Badge tone="bad">{t.kev}</Badge>}
          {alert.epss !== null && <Badge>{t.epss(alert.epss.toFixed(3))}</Badge>}
        </div>
      </header>
      <dl className="alert-facts">
        <dt>{t.component}</dt>
        <dd>
          <code>{alert.component}</code>
        </dd>
        <dt>{t.raised}</dt>
        <dd>{formatDateTime(alert.createdAt)}</dd>
        <dt>{t.suggested}</dt>
        <dd>
          <Badge tone={alert.suggestedStatus === 'not_affected' ? 'good' : 'info'}>
            {termOf(c, 'vex', alert.suggestedStatus)}
          </Badge>
          {alert.suggestedJustification !== null && (
            <code className="alert-justification">{alert.suggestedJustification}</code>
          )}
        </dd>
        <dt>{t.linkedRisks}</dt>
        <dd>
          {alert.linkedRisks.length === 0 ? (
            t.noLinkedRisks
          ) : (
            <ul className="alert-risks">
              {alert.linkedRisks.map((risk) => (
                <li key={risk}>
                  <code>{risk}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <h3>{t.reasoning}</h3>
      <ul className="alert-reasoning">
        {alert.reasoning.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <footer className="alert-actions">
        <Link to={findings}>{t.openFindings}</Link>
        {alert.state === 'open'
          ? can('finding:triage', alert.productId) && <Acknowledge alert={alert} />
          : t.acknowledgedBy(alert.acknowledgedBy ?? '', formatDateTime(alert.acknowledgedAt))}
      </footer>
    </article>
  )
}
