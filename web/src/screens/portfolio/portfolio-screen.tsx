import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'

import { query, request } from '../../api/client.js'
import type { AdvisoryList, Portfolio } from '../../api/types.js'
import { termOf } from '../../i18n/common.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { Page } from '../../ui/page.js'
import { leadingNew } from '../advisories/index.js'
import { DeadlinesPanel } from '../deadlines/index.js'
import { QueryState } from '../../ui/query-state.js'
import { SearchField } from '../../ui/search-field.js'
import { messages } from './messages.js'
import {
  addDays,
  arrangeProducts,
  NOTICE_AHEAD_DAYS,
  PORTFOLIO_ORDERS,
  summarizePortfolio,
  type PortfolioFilters,
  type PortfolioOrder,
} from './portfolio-summary.js'
import { PortfolioTable } from './portfolio-table.js'
import { ProductCard } from './product-card.js'
import './portfolio.css'

export const PORTFOLIO_KEY = ['portfolio'] as const

/** Beyond this many products the table is the better first view; the user can switch. */
const CARDS_UP_TO = 24

type View = 'cards' | 'table'

// Enough to count what is new since a usual visit; beyond it the tile says "100+".
const NEW_ADVISORIES_PAGE = 100

/**
 * How many advisories are new to the user. The list comes most recently first seen first, so
 * the new ones lead it; the route's total counts every advisory, new or not.
 */
const useNewAdvisories = () =>
  useQuery({
    queryKey: ['advisories', 'new-count'],
    queryFn: async () => {
      const page = await request<AdvisoryList>(
        `/advisories${query({ limit: NEW_ADVISORIES_PAGE })}`,
      )
      const fresh = leadingNew(page.items, page.total)
      return `${String(fresh.count)}${fresh.more ? '+' : ''}`
    },
  })

const Summary = ({ portfolio }: { readonly portfolio: Portfolio }) => {
  const t = useMessages(messages)
  const summary = summarizePortfolio(portfolio.products)
  const newAdvisories = useNewAdvisories()
  const stat = (label: string, value: number | string, tone?: 'bad' | 'warn' | 'info') => (
    <div
      className={`stat portfolio-stat${tone !== undefined && String(value) !== '0' ? ` portfolio-stat-${tone}` : ''}`}
    >
      <strong>{value}</strong>
      <span>{label}</span>
    </div>
  )
  return (
    <section className="card portfolio-summary" aria-label={t.summary}>
      <div className="stats">
        {stat(t.statProducts, summary.products)}
        {stat(t.statUncontrolled, summary.uncontrolled, 'bad')}
        {stat(t.statUnacceptable, summary.unacceptable, 'bad')}
        {stat(t.statMissed, summary.deadlinesMissed, 'bad')}
        {stat(t.statNear, summary.deadlinesNear, 'warn')}
        {stat(t.statOpenFindings, summary.openFindings)}
        {stat(t.statKev, summary.kev, 'bad')}
        <Link to="/advisories?new=1" className="portfolio-stat-link">
          {stat(t.statNewAdvisories, newAdvisories.data ?? '…', 'info')}
        </Link>
        {summary.unevaluated > 0 && stat(t.statUnevaluated, summary.unevaluated, 'warn')}
      </div>
    </section>
  )
}

const Controls = ({
  filters,
  onFilters,
  view,
  onView,
}: {
  readonly filters: PortfolioFilters
  readonly onFilters: (filters: PortfolioFilters) => void
  readonly view: View
  readonly onView: (view: View) => void
}) => {
  const t = useMessages(messages)
  return (
    <>
      <SearchField
        label={t.filterLabel}
        value={filters.text}
        placeholder={t.filterPlaceholder}
        onChange={(text) => {
          onFilters({ ...filters, text: text })
        }}
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={filters.attentionOnly}
          onChange={(event) => {
            onFilters({ ...filters, attentionOnly: event.target.checked })
          }}
        />
        {t.attentionOnly}
      </label>
      <label>
        {t.order}
        <select
          value={filters.order}
          onChange={(event) => {
            onFilters({ ...filters, order: event.target.value as PortfolioOrder })
          }}
        >
          {PORTFOLIO_ORDERS.map((order) => (
            <option key={order} value={order}>
              {termOf(t, 'order', order)}
            </option>
          ))}
        </select>
      </label>
      <div role="group" aria-label={t.view} className="portfolio-view-switch">
        {(['cards', 'table'] as const).map((option) => (
          <button
            key={option}
            type="button"
            aria-pressed={view === option}
            onClick={() => {
              onView(option)
            }}
          >
            {option === 'cards' ? t.cards : t.table}
          </button>
        ))}
      </div>
    </>
  )
}

const PortfolioView = ({ portfolio }: { readonly portfolio: Portfolio }) => {
  const t = useMessages(messages)
  const [filters, setFilters] = useState<PortfolioFilters>({
    text: '',
    attentionOnly: false,
    order: 'attention',
  })
  const [chosenView, setView] = useState<View | undefined>(undefined)
  const view = chosenView ?? (portfolio.products.length > CARDS_UP_TO ? 'table' : 'cards')
  const products = useMemo(
    () => arrangeProducts(portfolio.products, filters),
    [portfolio.products, filters],
  )
  const inAYear = addDays(portfolio.date, NOTICE_AHEAD_DAYS)
  if (portfolio.products.length === 0) return <p className="notice">{t.noProducts}</p>
  return (
    <>
      <Summary portfolio={portfolio} />
      <DeadlinesPanel />
      <div className="toolbar portfolio-controls">
        <Controls filters={filters} onFilters={setFilters} view={view} onView={setView} />
        <span className="muted" aria-live="polite">
          {t.shown(products.length, portfolio.products.length)}
        </span>
      </div>
      {products.length === 0 ? (
        <p className="muted">{t.noMatch}</p>
      ) : view === 'table' ? (
        <PortfolioTable products={products} today={portfolio.date} />
      ) : (
        <div className="cards portfolio-cards">
          {products.map((product) => (
            <ProductCard
              key={product.id}
              product={product}
              today={portfolio.date}
              inAYear={inAYear}
            />
          ))}
        </div>
      )}
    </>
  )
}

/** The home page: every product's support, risks, deadlines and new advisories at a glance. */
export const PortfolioScreen = () => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const portfolio = useQuery({
    queryKey: PORTFOLIO_KEY,
    queryFn: () => request<Portfolio>('/portfolio'),
  })
  return (
    <Page
      title={t.title}
      toolbar={
        portfolio.data !== undefined && (
          <span className="muted">{t.asOf(formatDate(portfolio.data.date))}</span>
        )
      }
    >
      <QueryState query={portfolio}>{(data) => <PortfolioView portfolio={data} />}</QueryState>
    </Page>
  )
}
