import { Link, useNavigate } from 'react-router'

import type { PortfolioProduct } from '../../api/types.js'
import { common, termOf } from '../../i18n/common.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable, type Column } from '../../ui/data-table.js'
import { Badge } from '../../ui/page.js'
import { messages } from './messages.js'
import { isMissed, nextEndOfSupport, releasesNewestFirst } from './portfolio-summary.js'
import { productLink } from './product-card.js'

const countCell = (value: number | null, tone: 'bad' | 'warn' | 'info') =>
  value === null ? (
    '—'
  ) : value > 0 ? (
    <Badge tone={tone}>{value}</Badge>
  ) : (
    <span className="muted">0</span>
  )

/** Every product on one line each: for portfolios too large to scan as cards. */
export const PortfolioTable = ({
  products,
  today,
}: {
  readonly products: readonly PortfolioProduct[]
  readonly today: string
}) => {
  const t = useMessages(messages)
  const tc = useMessages(common)
  const formatDate = useFormatDate()
  const navigate = useNavigate()
  const releaseText = (product: PortfolioProduct) =>
    releasesNewestFirst(product.releases)
      .map((release) => `${release.version} ${termOf(tc, 'phase', release.supportPhase)}`)
      .join(' · ')
  const nextEos = (product: PortfolioProduct) => {
    const next = nextEndOfSupport(product, today)
    return next === undefined ? '—' : `${next.version}: ${formatDate(next.endOfSupport)}`
  }
  const columns: Column<PortfolioProduct>[] = [
    {
      id: 'product',
      header: t.product,
      cell: (p) => (
        <Link
          to={productLink(p.id, 'model')}
          onClick={(event) => {
            event.stopPropagation()
          }}
        >
          {p.name}
        </Link>
      ),
      text: (p) => p.name,
      width: 'minmax(10rem, 2fr)',
    },
    {
      id: 'releases',
      header: t.releases,
      cell: releaseText,
      text: releaseText,
      width: 'minmax(8rem, 1.8fr)',
    },
    { id: 'eos', header: t.nextEos, cell: nextEos, text: nextEos, width: '11.5rem' },
    {
      id: 'uncontrolled',
      header: t.uncontrolled,
      cell: (p) => countCell(p.risks?.uncontrolled ?? null, 'bad'),
      width: '8.5rem',
    },
    {
      id: 'unacceptable',
      header: t.unacceptable,
      cell: (p) => countCell(p.risks?.unacceptable ?? null, 'bad'),
      width: '7.5rem',
    },
    {
      id: 'missed',
      header: t.missed,
      cell: (p) => countCell(p.deadlines.filter(isMissed).length, 'bad'),
      width: '5rem',
    },
    {
      id: 'near',
      header: t.near,
      cell: (p) => countCell(p.deadlines.filter((d) => !isMissed(d)).length, 'warn'),
      width: '6rem',
    },
    {
      id: 'findings',
      header: t.openFindings,
      cell: (p) => countCell(p.findings.open, 'warn'),
      width: '7rem',
    },
    { id: 'kev', header: t.kev, cell: (p) => countCell(p.findings.kev, 'bad'), width: '3.5rem' },
    {
      id: 'new',
      header: t.newFindings,
      cell: (p) => countCell(p.findings.newSinceLastVisit, 'info'),
      width: '3.5rem',
    },
  ]
  return (
    <DataTable
      label={t.title}
      rows={products}
      columns={columns}
      rowKey={(p) => p.id}
      onOpen={(p) => void navigate(productLink(p.id, 'model'))}
      height="calc(100vh - 20rem)"
    />
  )
}
