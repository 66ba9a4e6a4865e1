import { Link } from 'react-router'

import type { PortfolioProduct } from '../../api/types.js'
import { common, termOf } from '../../i18n/common.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { phaseTone } from '../lifecycle/index.js'
import { messages } from './messages.js'
import {
  deadlinesByUrgency,
  isMissed,
  noticeStateOn,
  releasesNewestFirst,
} from './portfolio-summary.js'

const RELEASES_SHOWN = 3
const DEADLINES_SHOWN = 3

export const productLink = (productId: string, tab: string): string =>
  `/products/${encodeURIComponent(productId)}/${tab}`

type Release = PortfolioProduct['releases'][number]
type Deadline = PortfolioProduct['deadlines'][number]

const NOTICE_TONES = { 'not-yet': 'neutral', 'due-within-a-year': 'warn', overdue: 'bad' } as const

const ReleaseLine = ({
  release,
  today,
  inAYear,
}: {
  readonly release: Release
  readonly today: string
  readonly inAYear: string
}) => {
  const t = useMessages(messages)
  const tc = useMessages(common)
  const formatDate = useFormatDate()
  const notice = noticeStateOn(release, today, inAYear)
  return (
    <li>
      <span className="portfolio-version" title={release.version}>
        {release.version}
      </span>
      <Badge tone={phaseTone(release.supportPhase)}>
        {termOf(tc, 'phase', release.supportPhase)}
      </Badge>
      {release.endOfSupport !== null && (
        <span className="muted">{t.eosOn(formatDate(release.endOfSupport))}</span>
      )}
      {notice !== undefined && release.endOfSupportNoticeDue !== null && (
        <Badge tone={NOTICE_TONES[notice]}>
          <span title={t.noticeBy(formatDate(release.endOfSupportNoticeDue))}>
            {termOf(t, 'notice', notice)} · {formatDate(release.endOfSupportNoticeDue)}
          </span>
        </Badge>
      )}
    </li>
  )
}

const DeadlineLine = ({
  productId,
  deadline,
}: {
  readonly productId: string
  readonly deadline: Deadline
}) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const missed = isMissed(deadline)
  return (
    <li>
      <Link
        to={productLink(productId, 'risks')}
        title={`${deadline.title} — ${deadline.riskTitle}`}
      >
        {deadline.title}
      </Link>
      <span className="portfolio-deadline-risk muted" title={deadline.riskTitle}>
        {deadline.riskTitle}
      </span>
      <span className="portfolio-deadline-due">
        {formatDate(deadline.due)}{' '}
        <Badge tone={missed ? 'bad' : 'warn'}>
          {missed
            ? t.daysOverdue(Math.abs(deadline.daysRemaining))
            : t.daysLeft(deadline.daysRemaining)}
        </Badge>
      </span>
    </li>
  )
}

const Count = ({
  label,
  value,
  alarm,
  title,
}: {
  readonly label: string
  readonly value: number | null
  readonly alarm: 'bad' | 'warn' | 'info'
  readonly title?: string
}) => {
  const t = useMessages(messages)
  const lit = value !== null && value > 0
  return (
    <div className={`portfolio-count${lit ? ` portfolio-count-${alarm}` : ''}`} title={title}>
      <dt>{label}</dt>
      <dd>{value === null ? t.notEvaluated : value}</dd>
    </div>
  )
}

/** One product at a glance: releases and their support, risks, deadlines and findings. */
export const ProductCard = ({
  product,
  today,
  inAYear,
}: {
  readonly product: PortfolioProduct
  readonly today: string
  readonly inAYear: string
}) => {
  const t = useMessages(messages)
  const headingId = `portfolio-${product.id}`
  const deadlines = deadlinesByUrgency(product.deadlines)
  const releases = releasesNewestFirst(product.releases)
  return (
    <article className="card portfolio-card" aria-labelledby={headingId}>
      <header className="portfolio-card-head">
        <h2 id={headingId} className="portfolio-card-title">
          <Link to={productLink(product.id, 'model')} title={product.name}>
            {product.name}
          </Link>
        </h2>
        {!product.modelValid && <Badge tone="bad">{t.modelInvalid}</Badge>}
      </header>
      <dl className="portfolio-counts">
        <Count label={t.uncontrolled} value={product.risks?.uncontrolled ?? null} alarm="bad" />
        <Count label={t.unacceptable} value={product.risks?.unacceptable ?? null} alarm="bad" />
        <Count label={t.openFindings} value={product.findings.open} alarm="warn" />
        <Count label={t.kev} value={product.findings.kev} alarm="bad" title={t.kevTitle} />
        <Count
          label={t.newFindings}
          value={product.findings.newSinceLastVisit}
          alarm="info"
          title={t.newFindingsTitle}
        />
      </dl>
      {product.risks !== null && product.risks.acceptanceLapsed > 0 && (
        <p>
          <Badge tone="warn">{t.acceptanceLapsed(product.risks.acceptanceLapsed)}</Badge>
        </p>
      )}
      <h3>{t.releases}</h3>
      {product.releases.length === 0 ? (
        <p className="muted">{t.noReleases}</p>
      ) : (
        <ul className="portfolio-releases">
          {releases.slice(0, RELEASES_SHOWN).map((release) => (
            <ReleaseLine key={release.version} release={release} today={today} inAYear={inAYear} />
          ))}
          {product.releases.length > RELEASES_SHOWN && (
            <li>
              <Link to={productLink(product.id, 'lifecycle')}>
                {t.moreReleases(product.releases.length - RELEASES_SHOWN)}
              </Link>
            </li>
          )}
        </ul>
      )}
      <h3>{t.deadlines}</h3>
      {deadlines.length === 0 ? (
        <p className="muted">{t.noDeadlines}</p>
      ) : (
        <ul className="portfolio-deadlines">
          {deadlines.slice(0, DEADLINES_SHOWN).map((deadline) => (
            <DeadlineLine
              key={`${deadline.riskId} ${deadline.id} ${deadline.release ?? ''}`}
              productId={product.id}
              deadline={deadline}
            />
          ))}
          {deadlines.length > DEADLINES_SHOWN && (
            <li>
              <Link to={productLink(product.id, 'risks')}>
                {t.moreDeadlines(deadlines.length - DEADLINES_SHOWN)}
              </Link>
            </li>
          )}
        </ul>
      )}
    </article>
  )
}
