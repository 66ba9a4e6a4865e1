import type { PortfolioProduct } from '../../api/types.js'

type Deadline = PortfolioProduct['deadlines'][number]

/** A regulatory deadline is missed once its day has passed (or the register says so). */
export const isMissed = (deadline: Deadline): boolean =>
  deadline.daysRemaining < 0 || deadline.state === 'missed'

export interface PortfolioSummary {
  readonly products: number
  readonly uncontrolled: number
  readonly unacceptable: number
  readonly deadlinesMissed: number
  readonly deadlinesNear: number
  readonly openFindings: number
  readonly kev: number
  /** Products whose model is invalid, so their risk register cannot be evaluated. */
  readonly unevaluated: number
}

/** The numbers across every product shown at the top of the portfolio. */
export const summarizePortfolio = (products: readonly PortfolioProduct[]): PortfolioSummary => {
  let summary: PortfolioSummary = {
    products: products.length,
    uncontrolled: 0,
    unacceptable: 0,
    deadlinesMissed: 0,
    deadlinesNear: 0,
    openFindings: 0,
    kev: 0,
    unevaluated: 0,
  }
  for (const product of products) {
    const missed = product.deadlines.filter(isMissed).length
    summary = {
      ...summary,
      uncontrolled: summary.uncontrolled + (product.risks?.uncontrolled ?? 0),
      unacceptable: summary.unacceptable + (product.risks?.unacceptable ?? 0),
      deadlinesMissed: summary.deadlinesMissed + missed,
      deadlinesNear: summary.deadlinesNear + product.deadlines.length - missed,
      openFindings: summary.openFindings + product.findings.open,
      kev: summary.kev + product.findings.kev,
      unevaluated: summary.unevaluated + (product.risks === null ? 1 : 0),
    }
  }
  return summary
}

/** Most urgent first: missed before near, then fewest days left. */
export const deadlinesByUrgency = (deadlines: readonly Deadline[]): readonly Deadline[] =>
  [...deadlines].sort(
    (a, b) =>
      Number(isMissed(b)) - Number(isMissed(a)) ||
      a.daysRemaining - b.daysRemaining ||
      a.title.localeCompare(b.title),
  )

/**
 * How much a product needs someone now, as a tuple compared left to right: missed deadlines,
 * known exploited findings, uncontrolled risks, unacceptable risks, near deadlines, new findings.
 */
export const attentionOf = (product: PortfolioProduct): readonly number[] => {
  const missed = product.deadlines.filter(isMissed).length
  return [
    missed,
    product.findings.kev,
    product.risks?.uncontrolled ?? 0,
    product.risks?.unacceptable ?? 0,
    product.deadlines.length - missed,
    product.findings.newSinceLastVisit,
  ]
}

export const needsAttention = (product: PortfolioProduct): boolean =>
  !product.modelValid ||
  attentionOf(product)
    .slice(0, 5)
    .some((count) => count > 0)

const compareTuples = (a: readonly number[], b: readonly number[]): number => {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (b[index] ?? 0) - (a[index] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

export const PORTFOLIO_ORDERS = ['attention', 'name'] as const
export type PortfolioOrder = (typeof PORTFOLIO_ORDERS)[number]

export interface PortfolioFilters {
  /** Part of the product's name or id, ignoring case. */
  readonly text: string
  readonly attentionOnly: boolean
  readonly order: PortfolioOrder
}

/** The products the filters let through, in the order asked for (ties by name). */
export const arrangeProducts = (
  products: readonly PortfolioProduct[],
  filters: PortfolioFilters,
): readonly PortfolioProduct[] => {
  const needle = filters.text.trim().toLowerCase()
  const byName = (a: PortfolioProduct, b: PortfolioProduct) =>
    a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  return products
    .filter(
      (product) =>
        (needle === '' ||
          product.name.toLowerCase().includes(needle) ||
          product.id.toLowerCase().includes(needle)) &&
        (!filters.attentionOnly || needsAttention(product)),
    )
    .sort((a, b) =>
      filters.order === 'attention'
        ? compareTuples(attentionOf(a), attentionOf(b)) || byName(a, b)
        : byName(a, b),
    )
}

/** The release whose end of support comes first among those not yet ended, for the table view. */
export const nextEndOfSupport = (
  product: PortfolioProduct,
  today: string,
): PortfolioProduct['releases'][number] | undefined =>
  product.releases
    .filter((release) => release.endOfSupport !== null && release.endOfSupport > today)
    .sort((a, b) => (a.endOfSupport ?? '').localeCompare(b.endOfSupport ?? ''))[0]

export type NoticeState = 'not-yet' | 'due-within-a-year' | 'overdue'

/**
 * Where a release stands with its end-of-support notice (IMDRF N70: customers are told at least
 * two years ahead): nothing to say without a notice date or once support has ended.
 */
export const noticeStateOn = (
  release: PortfolioProduct['releases'][number],
  today: string,
  inAYear: string,
): NoticeState | undefined => {
  const due = release.endOfSupportNoticeDue
  if (due === null || (release.endOfSupport !== null && release.endOfSupport <= today)) {
    return undefined
  }
  if (due < today) return 'overdue'
  return due <= inAYear ? 'due-within-a-year' : 'not-yet'
}

/** Newest release first: the ones still supported are the ones people ask about. */
export const releasesNewestFirst = (
  releases: readonly PortfolioProduct['releases'][number][],
): readonly PortfolioProduct['releases'][number][] =>
  [...releases].sort(
    (a, b) => b.releasedAt.localeCompare(a.releasedAt) || b.version.localeCompare(a.version),
  )

/** The same window as the lifecycle route's notice state: due within 365 days counts as near. */
export const NOTICE_AHEAD_DAYS = 365

/** A YYYY-MM-DD date `days` later. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10)
