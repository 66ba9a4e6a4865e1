import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'

import { query, request } from '../../api/client.js'
import type { Page as ListPage } from '../../api/types.js'
import { useFormatDateTime } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable, type Column } from '../../ui/data-table.js'
import { Badge, Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import { DisclosurePanel, stateLabel } from './disclosure-panel.js'
import { messages } from './messages.js'
import type { DisclosureReport } from './types.js'
import './disclosures.css'

const STATES = [
  'received',
  'acknowledged',
  'triaging',
  'accepted',
  'rejected',
  'duplicate',
  'remediating',
  'published',
  'closed',
] as const

const useColumns = (): Column<DisclosureReport>[] => {
  const t = useMessages(messages)
  const formatDateTime = useFormatDateTime()
  return [
    {
      id: 'received',
      header: t.received,
      cell: (r) => formatDateTime(r.receivedAt),
      text: (r) => r.receivedAt,
      width: '10.5rem',
    },
    { id: 'state', header: t.state, cell: (r) => stateLabel(t, r.state), width: '8rem' },
    {
      id: 'title',
      header: t.reportTitle,
      cell: (r) => r.title,
      text: (r) => r.title,
      width: '2fr',
    },
    { id: 'product', header: t.product, cell: (r) => r.productId ?? r.productText, width: '1fr' },
    {
      id: 'due',
      header: t.acknowledgeDue,
      cell: (r) =>
        r.acknowledgementOverdue ? (
          <Badge tone="bad">{`${r.acknowledgeDue} ${t.overdue}`}</Badge>
        ) : (
          r.acknowledgeDue
        ),
      text: (r) => r.acknowledgeDue,
      width: '10rem',
    },
  ]
}

/** The private triage queue of vulnerability reports, with one report's panel beside it. */
export const DisclosuresScreen = () => {
  const t = useMessages(messages)
  const columns = useColumns()
  const [state, setState] = useState('')
  const [overdue, setOverdue] = useState(false)
  const [active, setActive] = useState<string | null>(null)
  const list = useQuery({
    queryKey: ['disclosures', 'list', state, overdue],
    queryFn: () =>
      request<ListPage<DisclosureReport>>(
        `/disclosures${query({ state, overdue: overdue ? true : undefined, limit: 500 })}`,
      ),
  })
  const toolbar = (
    <>
      <label>
        {t.state}{' '}
        <select
          value={state}
          onChange={(event) => {
            setState(event.target.value)
          }}
        >
          <option value="">{t.allStates}</option>
          {STATES.map((item) => (
            <option key={item} value={item}>
              {stateLabel(t, item)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={overdue}
          onChange={(event) => {
            setOverdue(event.target.checked)
          }}
        />{' '}
        {t.overdueOnly}
      </label>
    </>
  )
  return (
    <Page title={t.title} toolbar={toolbar}>
      <QueryState query={list}>
        {(page) => (
          <DataTable
            label={t.title}
            rows={page.items}
            columns={columns}
            rowKey={(r) => r.id}
            activeKey={active}
            onOpen={(r) => {
              setActive(r.id)
            }}
          />
        )}
      </QueryState>
      {active !== null && (
        <DisclosurePanel
          id={active}
          onClose={() => {
            setActive(null)
          }}
        />
      )}
    </Page>
  )
}
