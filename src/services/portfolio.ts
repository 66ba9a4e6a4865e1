import type { CalendarDate, RiskEntry, RiskRegister } from '../core/index.js'
import {
  countFindingsByProduct,
  listProducts,
  type FindingCounts,
  type ProductListing,
  type Store,
} from '../store/index.js'
import { releaseLifecyclesOn, type ReleaseLifecycle } from './lifecycle-overview.js'
import { analyseProduct } from './product-analysis.js'

/** Deadlines this close (or missed) are shown on the portfolio. */
const DEADLINE_WINDOW_DAYS = 30
/** Deadline states that settle the obligation. */
const MET_STATES: ReadonlySet<string> = new Set(['met', 'met-late'])
/** Products are listed in pages of this size, the largest the store hands out in one go. */
const LISTING_PAGE = 500

export interface PortfolioRequest {
  /** Only the products this user holds a role on (every one with a role on `*`). */
  readonly userId: string
  /** The day support phases, risks and deadlines are judged on. */
  readonly date: CalendarDate
  /** Findings first seen after this instant count as new; all of them when null. */
  readonly seenAt: string | null
}

/** A regulatory deadline of a risk that is missed or near and not yet met. */
export interface PortfolioDeadline {
  readonly riskId: string
  readonly riskTitle: string
  /** The releases the risk's assessment is scoped to, comma-separated; null for every release. */
  readonly release: string | null
  readonly id: string
  readonly title: string
  readonly due: CalendarDate
  readonly state: string
  readonly daysRemaining: number
}

export type PortfolioRelease = Pick<
  ReleaseLifecycle,
  'version' | 'releasedAt' | 'supportPhase' | 'endOfLife' | 'endOfSupport' | 'endOfSupportNoticeDue'
>

export interface PortfolioProduct {
  readonly id: string
  readonly name: string
  readonly revision: number
  readonly modelValid: boolean
  readonly releases: readonly PortfolioRelease[]
  /** Null when the model does not load: there is no register to count. */
  readonly risks: {
    readonly evaluated: number
    readonly uncontrolled: number
    readonly unacceptable: number
    readonly acceptanceLapsed: number
  } | null
  readonly deadlines: readonly PortfolioDeadline[]
  readonly findings: {
    readonly open: number
    readonly kev: number
    readonly newSinceLastVisit: number
  }
}

export interface Portfolio {
  readonly date: CalendarDate
  readonly advisoriesSeenAt: string | null
  readonly products: readonly PortfolioProduct[]
}

const visibleProducts = async (store: Store, userId: string): Promise<ProductListing[]> => {
  const products: ProductListing[] = []
  for (;;) {
    const page = await listProducts(store, {
      visibleTo: userId,
      limit: LISTING_PAGE,
      offset: products.length,
    })
    products.push(...page.items)
    if (page.items.length === 0 || products.length >= page.total) return products
  }
}

const deadlinesOf = (entry: RiskEntry): PortfolioDeadline[] =>
  entry.deadlines
    .filter(
      (deadline) =>
        !MET_STATES.has(deadline.status.state) &&
        deadline.status.daysRemaining <= DEADLINE_WINDOW_DAYS,
    )
    .map((deadline) => ({
      riskId: entry.id,
      riskTitle: entry.title,
      release: entry.releases === undefined ? null : entry.releases.join(', '),
      id: deadline.id,
      title: deadline.title,
      due: deadline.due,
      state: deadline.status.state,
      daysRemaining: deadline.status.daysRemaining,
    }))

/** Missed and near deadlines of the register, the earliest due first. */
const nearDeadlines = (register: RiskRegister): PortfolioDeadline[] =>
  register.entries
    .flatMap(deadlinesOf)
    .sort(
      (a, b) =>
        a.daysRemaining - b.daysRemaining ||
        (a.riskId < b.riskId ? -1 : a.riskId > b.riskId ? 1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )

const NO_FINDINGS: FindingCounts = { open: 0, kev: 0, newSince: 0 }

const productOn = async (
  store: Store,
  listing: ProductListing,
  date: CalendarDate,
  counts: FindingCounts,
): Promise<PortfolioProduct | undefined> => {
  const analysis = await analyseProduct(store, listing.id, { date })
  // Removed between listing and analysing: no longer part of the portfolio.
  if (!analysis.ok && analysis.error.code === 'not-found') return undefined
  const findings = { open: counts.open, kev: counts.kev, newSinceLastVisit: counts.newSince }
  if (!analysis.ok) {
    const { id, name, revision } = listing
    return {
      id,
      name,
      revision,
      modelValid: false,
      releases: [],
      risks: null,
      deadlines: [],
      findings,
    }
  }
  const { register, model, revision, productName } = analysis.value
  const { summary } = register
  return {
    id: listing.id,
    name: productName,
    revision,
    modelValid: true,
    releases: releaseLifecyclesOn(model, date).map((release) => ({
      version: release.version,
      releasedAt: release.releasedAt,
      supportPhase: release.supportPhase,
      endOfLife: release.endOfLife,
      endOfSupport: release.endOfSupport,
      endOfSupportNoticeDue: release.endOfSupportNoticeDue,
    })),
    risks: {
      evaluated: summary.evaluated,
      uncontrolled: summary.uncontrolled,
      unacceptable: summary.unacceptable,
      acceptanceLapsed: summary.acceptanceLapsed,
    },
    deadlines: nearDeadlines(register),
    findings,
  }
}

/**
 * Every product the user may read, as the portfolio shows it on a day: each release's support
 * phase and end-of-support notice date, the risk register's counts, deadlines missed or due
 * within 30 days, and the open, known exploited and new findings.
 */
export const portfolioOn = async (store: Store, request: PortfolioRequest): Promise<Portfolio> => {
  const listings = await visibleProducts(store, request.userId)
  const counts = await countFindingsByProduct(
    store,
    listings.map((listing) => listing.id),
    request.seenAt,
  )
  const products: PortfolioProduct[] = []
  for (const listing of listings) {
    const product = await productOn(
      store,
      listing,
      request.date,
      counts.get(listing.id) ?? NO_FINDINGS,
    )
    if (product !== undefined) products.push(product)
  }
  return { date: request.date, advisoriesSeenAt: request.seenAt, products }
}
