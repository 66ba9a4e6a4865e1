import { useState } from 'react'

import { useMessages } from '../../i18n/messages.js'
import { Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import { CLOCK_STATE_FILTERS, useClocks, type ClockStateFilter } from './clock-queries.js'
import { ClockList } from './clock-list.js'
import { messages } from './messages.js'
import './deadlines.css'

// The route's largest page: a portfolio rarely has this many clocks open at once.
const LIMIT = 500

/** Every clock across the products the user may read, with evidence recorded in place. */
export const DeadlinesScreen = () => {
  const t = useMessages(messages)
  const [state, setState] = useState<ClockStateFilter>('pending')
  const clocks = useClocks({ state, limit: LIMIT })
  return (
    <Page
      title={t.title}
      toolbar={
        <label>
          {t.state}{' '}
          <select
            value={state}
            onChange={(event) => {
              setState(event.target.value as ClockStateFilter)
            }}
          >
            {CLOCK_STATE_FILTERS.map((value) => (
              <option key={value} value={value}>
                {t[`state_${value}`]}
              </option>
            ))}
          </select>
        </label>
      }
    >
      <p className="muted">{t.intro}</p>
      <QueryState query={clocks}>
        {(page) => <ClockList clocks={page.items} withEvidence />}
      </QueryState>
    </Page>
  )
}
