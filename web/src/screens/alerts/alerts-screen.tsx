import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'

import { query, request } from '../../api/client.js'
import { useMessages } from '../../i18n/messages.js'
import { Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import { AlertCard, ALERTS_KEY } from './alert-card.js'
import type { AlertListBody } from './alert-types.js'
import { messages } from './messages.js'
import './alerts.css'

type Shown = 'open' | 'all'

/** Advisory alerts over the products the user may read, open ones first. */
export const AlertsScreen = () => {
  const t = useMessages(messages)
  const [shown, setShown] = useState<Shown>('open')
  const alerts = useQuery({
    queryKey: [ALERTS_KEY, shown],
    queryFn: ({ signal }) =>
      request<AlertListBody>(`/alerts${query({ state: shown === 'open' ? 'open' : undefined })}`, {
        signal,
      }),
  })
  return (
    <Page
      title={t.title}
      toolbar={
        <label>
          {t.show}{' '}
          <select
            value={shown}
            onChange={(event) => {
              setShown(event.target.value === 'all' ? 'all' : 'open')
            }}
          >
            <option value="open">{t.showOpen}</option>
            <option value="all">{t.showAll}</option>
          </select>
        </label>
      }
    >
      <p className="alerts-lead">{t.lead}</p>
      <QueryState query={alerts}>
        {(body) =>
          body.alerts.length === 0 ? (
            <p>{t.none}</p>
          ) : (
            <section aria-label={t.alerts} className="alerts-list">
              {body.alerts.map((alert) => (
                <AlertCard key={alert.id} alert={alert} />
              ))}
            </section>
          )
        }
      </QueryState>
    </Page>
  )
}
