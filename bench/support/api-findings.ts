// Seeded findings for the API load benchmark: what a portfolio evaluation leaves in the
// `findings` table, shaped like real scan results (the distribution is in bench/README.md, B15).
import type { Insertable } from 'kysely'

import type { Store, StoreTables } from '../../src/store/index.js'
import { logUniform, pick } from './random.js'

/** One release of one product and the components its SBOMs list (the scan targets). */
export interface ReleaseComponents {
  readonly productId: string
  readonly release: string
  readonly components: readonly string[]
}

type FindingRow = Insertable<StoreTables['findings']>

/** Rows per insert, as the evaluation job writes them: far below both back ends' bind limits. */
const ROWS_PER_INSERT = 400
const EVALUATED_AT = '2026-11-30T06:00:00.000Z'

/** NVD-like spread: 8 % unscored; of the rest 5 % low, 35 % medium, 40 % high, 20 % critical. */
const cvssScore = (next: () => number): number | null => {
  if (next() < 0.08) return null
  const band = next()
  const [low, high] =
    band < 0.05 ? [2, 3.9] : band < 0.4 ? [4, 6.9] : band < 0.8 ? [7, 8.9] : [9, 10]
  return Math.round((low + next() * (high - low)) * 10) / 10
}

/** As the evaluation stores it: the CVSS qualitative rating of the best score. */
const ratingOf = (score: number | null): string | null =>
  score === null
    ? null
    : score >= 9
      ? 'Critical'
      : score >= 7
        ? 'High'
        : score >= 4
          ? 'Medium'
          : 'Low'

/** Most triage is still to do; of the rest, dismissals outnumber confirmed exposures. */
const vexStatus = (next: () => number): string => {
  const draw = next()
  return draw < 0.45
    ? 'untriaged'
    : draw < 0.6
      ? 'under_investigation'
      : draw < 0.72
        ? 'affected'
        : draw < 0.92
          ? 'not_affected'
          : 'fixed'
}

const WEAKNESSES = [
  'heap buffer overflow in the record parser',
  'use after free when a connection closes during the handshake',
  'integer overflow in length handling',
  'NULL pointer dereference on a malformed packet',
  'out-of-bounds read in certificate parsing',
  'improper certificate validation',
  'denial of service through unbounded recursion',
  'path traversal in the archive extractor',
  'command injection through a crafted host name',
  'timing side channel in signature verification',
] as const

const GHSA_LETTERS = [
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  'c',
  'f',
  'g',
  'h',
  'j',
  'm',
  'p',
  'q',
  'r',
  'v',
  'w',
  'x',
]

const ghsaPart = (next: () => number): string =>
  Array.from({ length: 4 }, () => pick(next, GHSA_LETTERS)).join('')

/**
 * The component a finding lands on: a few components (kernels, TLS libraries, the OS) carry
 * most findings, as in real scans; weight 1 / rank.
 */
const skewedComponent = (next: () => number, components: readonly string[]): string => {
  const weights = components.map((_, rank) => 1 / (rank + 1))
  let draw = next() * weights.reduce((sum, weight) => sum + weight, 0)
  for (const [index, weight] of weights.entries()) {
    draw -= weight
    if (draw <= 0) return components[index] ?? pick(next, components)
  }
  return pick(next, components)
}

const findingRow = (
  next: () => number,
  target: ReleaseComponents,
  vulnerability: string,
  component: string,
): FindingRow => {
  const score = cvssScore(next)
  // KEV entries are mostly high and critical: 5 % of those, 0.5 % of the rest (≈ 3 % overall).
  const kev = next() < (score !== null && score >= 7 ? 0.05 : 0.005)
  const epss = next() < 0.1 ? null : kev ? 0.3 + next() * 0.67 : 10 ** (-3.5 + 3.5 * next() ** 3)
  const firstSeen = new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 690) * 86_400_000)
  return {
    product_id: target.productId,
    release: target.release,
    finding_id: `${vulnerability}@${component}`,
    vulnerability,
    aliases: JSON.stringify(
      next() < 0.3 ? [`GHSA-${ghsaPart(next)}-${ghsaPart(next)}-${ghsaPart(next)}`] : [],
    ),
    component,
    severity: ratingOf(score),
    cvss_score: score,
    kev: kev ? 1 : 0,
    epss: epss === null ? null : Math.round(epss * 1e5) / 1e5,
    vex_status: vexStatus(next),
    summary: `${component}: ${pick(next, WEAKNESSES)}`,
    first_seen: firstSeen.toISOString(),
    evaluated_at: EVALUATED_AT,
    advisory_generation: 'bench-generation-1',
  }
}

/** 20–200 findings per release, log-uniform (median ≈ 63, mean ≈ 78), ids unique per release. */
export const findingRowsOf = (
  next: () => number,
  target: ReleaseComponents,
): readonly FindingRow[] => {
  const count = logUniform(next, 20, 200)
  const rows: FindingRow[] = []
  const seen = new Set<string>()
  // Recent years dominate the CVE ids a scan finds.
  const years = [2016, 2018, 2019, 2020, 2021, 2022, 2023, 2023, 2024, 2024, 2025, 2025, 2026]
  while (rows.length < count) {
    const vulnerability = `CVE-${String(pick(next, years))}-${String(1000 + Math.floor(next() * 49_000))}`
    const component = skewedComponent(next, target.components)
    const id = `${vulnerability}@${component}`
    if (seen.has(id)) continue
    seen.add(id)
    rows.push(findingRow(next, target, vulnerability, component))
  }
  return rows
}

/** Writes the rows through Kysely in batches, in one transaction, as the evaluation job does. */
export const writeFindings = async (store: Store, rows: readonly FindingRow[]): Promise<void> => {
  await store.db.transaction().execute(async (trx) => {
    for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
      await trx
        .insertInto('findings')
        .values(rows.slice(start, start + ROWS_PER_INSERT))
        .execute()
    }
  })
}
