import type { RiskEntry } from '../risk-register/index.js'

/** One new finding of a release, as the digest and the alerts list show it. */
export interface DigestAlert {
  readonly release: string
  readonly vulnerability: string
  readonly component: string
  readonly severity: string | null
  readonly kev: boolean
  readonly suggestedStatus: string
  readonly linkedRisks: readonly string[]
}

export interface AlertDigest {
  readonly subject: string
  readonly text: string
}

const byRelease = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0)

const SHOWN = 20

const lineOf = (alert: DigestAlert): string => {
  const facts = [
    alert.severity ?? 'no CVSS score',
    ...(alert.kev ? ['in CISA KEV'] : []),
    `suggested ${alert.suggestedStatus}`,
    ...(alert.linkedRisks.length === 0 ? [] : [`re-opens ${alert.linkedRisks.join(', ')}`]),
  ]
  return `- ${alert.vulnerability} in ${alert.component} (${alert.release}): ${facts.join('; ')}`
}

/**
 * One message for the new findings of one product in one evaluation, however many: the
 * subject says how many advisories affect which releases, the text lists them (KEV first).
 */
export const alertDigest = (productName: string, alerts: readonly DigestAlert[]): AlertDigest => {
  const advisories = new Set(alerts.map((alert) => alert.vulnerability)).size
  const releases = [...new Set(alerts.map((alert) => alert.release))].sort(byRelease)
  const noun = advisories === 1 ? 'new advisory affects' : 'new advisories affect'
  const subject = `${String(advisories)} ${noun} ${productName} ${releases.join(', ')}`
  const ordered = [...alerts].sort(
    (a, b) =>
      Number(b.kev) - Number(a.kev) ||
      byRelease(a.release, b.release) ||
      a.vulnerability.localeCompare(b.vulnerability) ||
      a.component.localeCompare(b.component),
  )
  const lines = ordered.slice(0, SHOWN).map(lineOf)
  const more =
    ordered.length > SHOWN ? [`… and ${String(ordered.length - SHOWN)} more findings`] : []
  return {
    subject,
    text: ['New findings of the latest evaluation:', ...lines, ...more].join('\n'),
  }
}

/**
 * The risk register entries a finding is linked to in a release: the evaluations of its
 * assessment, under any of the vulnerability's ids, that apply to the release. A new finding
 * with such an entry re-opens that risk's conclusion.
 */
export const linkedRisksOf = (
  entries: readonly RiskEntry[],
  ids: readonly string[],
  component: string,
  release: string,
): string[] => {
  const subjects = new Set(ids.map((id) => `${id}@${component}`))
  return entries
    .filter(
      (entry) =>
        entry.source === 'finding' &&
        subjects.has(entry.subject) &&
        (entry.releases === undefined || entry.releases.includes(release)),
    )
    .map((entry) => entry.id)
    .sort()
}
