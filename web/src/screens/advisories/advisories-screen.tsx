import { useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'

import type { Advisory } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { useFormatDate, useFormatDateTime } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable, type Column } from '../../ui/data-table.js'
import { LoadMore } from '../../ui/load-more.js'
import { Badge, Page } from '../../ui/page.js'
import { ErrorBox, QueryState } from '../../ui/query-state.js'
import { SearchField } from '../../ui/search-field.js'
import { AdvisoryPanel } from './advisory-panel.js'
import {
  affectedSummary,
  epssPercent,
  leadingNew,
  severityText,
  severityTone,
} from './advisory-view.js'
import { FeedSyncButton, FeedSyncStatus, useFeedSync } from './feed-sync.js'
import { messages } from './messages.js'
import { useAdvisories, useMarkAdvisoriesSeen, type AdvisoryQuery } from './use-advisories.js'
import './advisories.css'

/** Typing in the search box asks the server once the typing pauses. */
const useDebounced = (value: string, delay = 300): string => {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value)
    }, delay)
    return () => {
      clearTimeout(timer)
    }
  }, [value, delay])
  return settled
}

const useColumns = (): Column<Advisory>[] => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  return [
    {
      id: 'new',
      header: t.isNew,
      cell: (a) => (a.isNew ? <Badge tone="info">{t.isNew}</Badge> : null),
      width: '4rem',
    },
    {
      id: 'vulnerability',
      header: t.vulnerability,
      cell: (a) => a.vulnerability,
      text: (a) => [a.vulnerability, ...a.aliases].join(', '),
      width: 'minmax(9rem, 1.3fr)',
    },
    {
      id: 'severity',
      header: t.severity,
      cell: (a) => <Badge tone={severityTone(a.severity, a.cvssScore)}>{severityText(a)}</Badge>,
      width: '8rem',
    },
    { id: 'epss', header: t.epss, cell: (a) => epssPercent(a.epss), width: '4.5rem' },
    {
      id: 'kev',
      header: t.kev,
      cell: (a) => (a.kev ? <Badge tone="bad">{t.kev}</Badge> : null),
      width: '3.5rem',
    },
    {
      id: 'affected',
      header: t.affected,
      cell: (a) => affectedSummary(a.affected),
      text: (a) => affectedSummary(a.affected),
      width: 'minmax(12rem, 3fr)',
    },
    { id: 'first', header: t.firstSeen, cell: (a) => formatDate(a.firstSeen), width: '7.5rem' },
  ]
}

const Filters = ({
  newOnly,
  onNewOnly,
  filters,
  onFilters,
}: {
  readonly newOnly: boolean
  readonly onNewOnly: (on: boolean) => void
  readonly filters: AdvisoryQuery
  readonly onFilters: (filters: AdvisoryQuery) => void
}) => {
  const t = useMessages(messages)
  return (
    <div className="toolbar advisories-filters">
      <SearchField
        label={t.search}
        value={filters.text}
        placeholder={t.searchPlaceholder}
        onChange={(text) => {
          onFilters({ ...filters, text: text })
        }}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={newOnly}
          onChange={(event) => {
            onNewOnly(event.target.checked)
          }}
        />
        {t.newOnly}
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={filters.kevOnly}
          onChange={(event) => {
            onFilters({ ...filters, kevOnly: event.target.checked })
          }}
        />
        {t.kevOnly}
      </label>
    </div>
  )
}

const EmptyState = ({
  filtered,
  newOnly,
}: {
  readonly filtered: boolean
  readonly newOnly: boolean
}) => {
  const t = useMessages(messages)
  const { can } = useSession()
  if (filtered) return <p className="muted">{t.noMatch}</p>
  if (newOnly) return <p className="muted">{t.noneNew}</p>
  return (
    <div className="notice" role="status">
      <p>{t.nothingYet}</p>
      <p>{can('jobs:run') ? t.nothingYetCanSync : t.nothingYetAsk}</p>
    </div>
  )
}

/** Advisories across the user's products: what is new since they last looked, and where it hits. */
export const AdvisoriesScreen = () => {
  const t = useMessages(messages)
  const formatDateTime = useFormatDateTime()
  const { can } = useSession()
  const [searchParams] = useSearchParams()
  const [newOnly, setNewOnly] = useState(searchParams.get('new') === '1')
  const [filters, setFilters] = useState<AdvisoryQuery>({ kevOnly: false, text: '' })
  const text = useDebounced(filters.text)
  const advisories = useAdvisories({ kevOnly: filters.kevOnly, text })
  const markSeen = useMarkAdvisoriesSeen()
  const feedSync = useFeedSync()
  const [active, setActive] = useState<string | null>(null)
  const columns = useColumns()

  const loaded = useMemo(
    () => advisories.data?.pages.flatMap((page) => page.items) ?? [],
    [advisories.data],
  )
  const first = advisories.data?.pages[0]
  const total = first?.total ?? 0
  const fresh = leadingNew(loaded, total)
  const rows = newOnly ? loaded.slice(0, fresh.count) : loaded
  const canLoadMore = advisories.hasNextPage && (!newOnly || fresh.more)
  const selected = rows.find((advisory) => advisory.vulnerability === active)

  return (
    <Page
      title={t.title}
      toolbar={
        <>
          <button
            type="button"
            disabled={markSeen.isPending}
            onClick={() => {
              markSeen.mutate()
            }}
          >
            {markSeen.isPending ? t.markingSeen : t.markSeen}
          </button>
          {can('jobs:run') && <FeedSyncButton feedSync={feedSync} />}
        </>
      }
    >
      <p className="muted advisories-lead">
        {t.lead}{' '}
        {first !== undefined &&
          (first.since === null ? t.neverSeen : t.seenSince(formatDateTime(first.since)))}
      </p>
      {markSeen.error !== null && <ErrorBox error={markSeen.error} />}
      <FeedSyncStatus feedSync={feedSync} />
      <Filters newOnly={newOnly} onNewOnly={setNewOnly} filters={filters} onFilters={setFilters} />
      <QueryState query={advisories}>
        {() =>
          rows.length === 0 && !canLoadMore ? (
            <EmptyState filtered={filters.kevOnly || text.trim() !== ''} newOnly={newOnly} />
          ) : (
            <div className={selected === undefined ? undefined : 'split'}>
              <div className="advisories-list">
                <DataTable
                  label={t.title}
                  rows={rows}
                  columns={columns}
                  rowKey={(a) => a.vulnerability}
                  activeKey={active}
                  onOpen={(a) => {
                    setActive(a.vulnerability)
                  }}
                  height="calc(100vh - 19rem)"
                />
                <LoadMore
                  summary={`${t.shown(loaded.length, total)} · ${t.newCount(fresh.count, fresh.more)}`}
                  more={canLoadMore}
                  label={t.loadMore}
                  loading={advisories.isFetchingNextPage}
                  onMore={() => void advisories.fetchNextPage()}
                />
              </div>
              {selected !== undefined && (
                <AdvisoryPanel
                  key={selected.vulnerability}
                  advisory={selected}
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
