import { createHash } from 'node:crypto'

import {
  err,
  exposureByRelease,
  ok,
  type CalendarDate,
  type InstalledBaseEntry,
  type ReleaseExposure,
  type Result,
} from '../core/index.js'
import { parseInstalledBaseCsv, type InstalledBaseCsvProblem } from '../formats/index.js'
import {
  productReleaseVersions,
  readInstalledBase,
  replaceInstalledBase,
  type Store,
} from '../store/index.js'

export type InstalledBaseProblem =
  | { readonly code: 'installed-base/unknown-product'; readonly message: string }
  | {
      readonly code: 'installed-base/invalid-csv'
      readonly message: string
      readonly problems: readonly InstalledBaseCsvProblem[]
    }

/** A product's installed base with, per release, who runs it on the day. */
export interface InstalledBaseView {
  readonly date: CalendarDate
  /** When the current installed base was imported; null when none was. */
  readonly importedAt: string | null
  readonly entries: readonly InstalledBaseEntry[]
  readonly exposure: readonly ReleaseExposure[]
}

const releasesOf = productReleaseVersions

export const installedBaseView = async (
  store: Store,
  productId: string,
  date: CalendarDate,
): Promise<Result<InstalledBaseView, InstalledBaseProblem>> => {
  const releases = await releasesOf(store, productId)
  if (releases === undefined) return unknownProduct(productId)
  const { importedAt, entries } = await readInstalledBase(store, productId)
  // Releases the model no longer lists still show while someone runs them.
  const known = new Set(releases)
  const extra = [...new Set(entries.map((entry) => entry.release))].filter((v) => !known.has(v))
  return ok({
    date,
    importedAt,
    entries,
    exposure: exposureByRelease(entries, date, [...releases, ...extra]),
  })
}

/**
 * Replaces the product's installed base with a CSV file's rows, all or nothing: any problem in
 * the file refuses the whole import, with every problem's line and column.
 */
export const importInstalledBase = async (
  store: Store,
  request: {
    readonly productId: string
    readonly csv: string
    readonly actor: string
    readonly reason: string | null
  },
): Promise<
  Result<
    { readonly rows: number; readonly replaced: number; readonly importedAt: string },
    InstalledBaseProblem
  >
> => {
  const releases = await releasesOf(store, request.productId)
  if (releases === undefined) return unknownProduct(request.productId)
  const parsed = parseInstalledBaseCsv(request.csv, new Set(releases))
  if (!parsed.ok) {
    return err({
      code: 'installed-base/invalid-csv',
      message: `the installed-base file has ${String(parsed.problems.length)} problem(s); nothing was imported`,
      problems: parsed.problems,
    })
  }
  const saved = await replaceInstalledBase(store, {
    productId: request.productId,
    entries: parsed.entries.map((item) => ({ line: item.line, entry: item.entry })),
    actor: request.actor,
    reason: request.reason,
    source: {
      sha256: createHash('sha256').update(request.csv, 'utf8').digest('hex'),
      bytes: Buffer.byteLength(request.csv, 'utf8'),
    },
  })
  return ok(saved)
}

const unknownProduct = (productId: string) =>
  err({
    code: 'installed-base/unknown-product' as const,
    message: `product ${productId} not found`,
  })
