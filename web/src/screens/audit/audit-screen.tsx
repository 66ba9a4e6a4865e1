import { useInfiniteQuery, useMutation } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'

import { request } from '../../api/client.js'
import type { AuditChainCheck, AuditEvent, Page as ListPage } from '../../api/types.js'
import { termOf } from '../../i18n/common.js'
import { useFormatDateTime } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable, type Column } from '../../ui/data-table.js'
import { LoadMore } from '../../ui/load-more.js'
import { Page } from '../../ui/page.js'
import { ErrorBox, QueryState } from '../../ui/query-state.js'
import { SidePanel } from '../../ui/side-panel.js'
import { AuditFilterForm } from './audit-filters.js'
import {
  auditQuery,
  distinctValues,
  nextBefore,
  NO_AUDIT_FILTERS,
  productOfSubject,
  stateText,
  type AuditFilters,
} from './audit-query.js'
import { messages } from './messages.js'
import './audit.css'

const PAGE_SIZE = 200

const Subject = ({ subject }: { readonly subject: string }) => {
  const t = useMessages(messages)
  const productId = productOfSubject(subject)
  return productId === undefined ? (
    <>{subject}</>
  ) : (
    <Link
      to={`/products/${encodeURIComponent(productId)}/model`}
      title={t.openProduct}
      onClick={(event) => {
        event.stopPropagation()
      }}
    >
      {subject}
    </Link>
  )
}

const useColumns = (): Column<AuditEvent>[] => {
  const t = useMessages(messages)
  const formatDateTime = useFormatDateTime()
  return [
    { id: 'seq', header: t.seq, cell: (e) => e.seq, text: () => t.seqTitle, width: '3.5rem' },
    {
      id: 'when',
      header: t.when,
      cell: (e) => formatDateTime(e.at),
      text: (e) => e.at,
      width: '10.5rem',
    },
    {
      id: 'actor',
      header: t.actor,
      cell: (e) => e.actor,
      text: (e) => e.actor,
      width: 'minmax(6rem, 0.7fr)',
    },
    {
      id: 'action',
      header: t.action,
      cell: (e) => <code>{e.action}</code>,
      text: (e) => e.action,
      width: 'minmax(14rem, 1.3fr)',
    },
    {
      id: 'subject',
      header: t.subject,
      cell: (e) => <Subject subject={e.subject} />,
      text: (e) => e.subject,
      width: 'minmax(8rem, 1.5fr)',
    },
    {
      id: 'reason',
      header: t.reason,
      cell: (e) => e.reason ?? '',
      text: (e) => e.reason ?? '',
      width: 'minmax(8rem, 2fr)',
    },
  ]
}

const ChainResult = ({ check }: { readonly check: AuditChainCheck }) => {
  const t = useMessages(messages)
  if (check.ok) {
    return (
      <div className="audit-chain audit-chain-ok" role="status">
        <p>{t.intact(check.count)}</p>
        <p className="audit-head">
          {t.head} <code>{check.head}</code>
        </p>
      </div>
    )
  }
  const seq =
    check.seq === null ? `${check.at} ${t.unknownSeq}` : `#${String(check.seq)} (${check.at})`
  return (
    <div className="audit-chain audit-chain-broken" role="alert">
      <p>{t.broken(seq, termOf(t, 'problem', check.problem))}</p>
    </div>
  )
}

const EventPanel = ({
  event,
  onClose,
}: {
  readonly event: AuditEvent
  readonly onClose: () => void
}) => {
  const t = useMessages(messages)
  const formatDateTime = useFormatDateTime()
  const before = stateText(event.before)
  const after = stateText(event.after)
  return (
    <SidePanel title={t.eventTitle(event.seq)} onClose={onClose}>
      <dl className="facts">
        <dt>{t.when}</dt>
        <dd>{formatDateTime(event.at)}</dd>
        <dt>{t.actor}</dt>
        <dd>{event.actor}</dd>
        <dt>{t.action}</dt>
        <dd>
          <code>{event.action}</code>
        </dd>
        <dt>{t.subject}</dt>
        <dd>
          <Subject subject={event.subject} />
        </dd>
        <dt>{t.reason}</dt>
        <dd>{event.reason ?? t.nothing}</dd>
        <dt>{t.hash}</dt>
        <dd>
          <code className="audit-hash">{event.hash}</code>
        </dd>
      </dl>
      <h3>{t.before}</h3>
      {before === undefined ? (
        <p className="muted">{t.nothing}</p>
      ) : (
        <pre className="audit-state">{before}</pre>
      )}
      <h3>{t.after}</h3>
      {after === undefined ? (
        <p className="muted">{t.nothing}</p>
      ) : (
        <pre className="audit-state">{after}</pre>
      )}
    </SidePanel>
  )
}

/** The whole audit trail, newest first, filtered as the route allows; and a check of its chain. */
export const AuditScreen = () => {
  const t = useMessages(messages)
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS)
  const [active, setActive] = useState<string | null>(null)
  const events = useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam }) =>
      request<ListPage<AuditEvent>>(`/audit${auditQuery(filters, pageParam, PAGE_SIZE)}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => nextBefore(last, PAGE_SIZE),
  })
  const verify = useMutation({ mutationFn: () => request<AuditChainCheck>('/audit/verify') })
  const columns = useColumns()
  const loaded = useMemo(
    () => events.data?.pages.flatMap((page) => page.items) ?? [],
    [events.data],
  )
  const total = events.data?.pages[0]?.total ?? 0
  const selected = loaded.find((event) => event.id === active)
  return (
    <Page
      title={t.title}
      toolbar={
        <button
          type="button"
          disabled={verify.isPending}
          onClick={() => {
            verify.mutate()
          }}
        >
          {verify.isPending ? t.verifying : t.verify}
        </button>
      }
    >
      <p className="muted audit-lead">{t.lead}</p>
      {verify.data !== undefined && <ChainResult check={verify.data} />}
      {verify.error !== null && <ErrorBox error={verify.error} />}
      <AuditFilterForm
        applied={filters}
        onApply={(next) => {
          setActive(null)
          setFilters(next)
        }}
        actors={distinctValues(loaded, 'actor')}
        actions={distinctValues(loaded, 'action')}
      />
      <QueryState query={events}>
        {() =>
          loaded.length === 0 ? (
            <p className="muted">{t.none}</p>
          ) : (
            <div className={selected === undefined ? undefined : 'split'}>
              <div className="audit-list">
                <DataTable
                  label={t.events}
                  rows={loaded}
                  columns={columns}
                  rowKey={(e) => e.id}
                  activeKey={active}
                  onOpen={(e) => {
                    setActive(e.id)
                  }}
                  height="calc(100vh - 20rem)"
                />
                <LoadMore
                  summary={t.shown(loaded.length, total)}
                  more={events.hasNextPage}
                  label={t.loadMore}
                  loading={events.isFetchingNextPage}
                  onMore={() => void events.fetchNextPage()}
                />
              </div>
              {selected !== undefined && (
                <EventPanel
                  key={selected.id}
                  event={selected}
                  onClose={() => {
                    setActive(null)
                  }}
                />
              )}
            </div>
          )
        }
      </QueryState>
    </Page>
  )
}
