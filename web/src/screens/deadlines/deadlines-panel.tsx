import { Link } from 'react-router'

import { useMessages } from '../../i18n/messages.js'
import { QueryState } from '../../ui/query-state.js'
import { useClocks } from './clock-queries.js'
import { ClockList } from './clock-list.js'
import { messages } from './messages.js'
import './deadlines.css'

const PANEL_SIZE = 5

/** The portfolio's panel: the open and missed clocks due first, and a link to all of them. */
export const DeadlinesPanel = () => {
  const t = useMessages(messages)
  const clocks = useClocks({ state: 'pending', limit: PANEL_SIZE })
  return (
    <section className="card deadlines-panel" aria-labelledby="deadlines-panel-title">
      <h2 id="deadlines-panel-title">{t.panelTitle}</h2>
      <QueryState query={clocks}>
        {(page) => (
          <>
            <ClockList clocks={page.items} withEvidence={false} />
            <p>
              <Link to="/deadlines">
                {page.total > page.items.length
                  ? `${t.showAll} (${t.more(page.total - page.items.length)})`
                  : t.showAll}
              </Link>
            </p>
          </>
        )}
      </QueryState>
    </section>
  )
}
