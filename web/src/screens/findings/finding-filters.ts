import type { Finding } from '../../api/types.js'

export interface FindingFilters {
  /** CVSS severity as the advisories spell it, compared ignoring case; '' for any. */
  readonly severity: string
  readonly kevOnly: boolean
  /** A VEX status, 'untriaged', or '' for any. */
  readonly vexStatus: string
  /** Part of the vulnerability id, an alias or the component, ignoring case. */
  readonly text: string
}

export const NO_FINDING_FILTERS: FindingFilters = {
  severity: '',
  kevOnly: false,
  vexStatus: '',
  text: '',
}

const matchesText = (finding: Finding, text: string): boolean => {
  const needle = text.trim().toLowerCase()
  if (needle === '') return true
  return [finding.vulnerability, finding.component, ...finding.aliases].some((value) =>
    value.toLowerCase().includes(needle),
  )
}

/** The findings the filters let through, in the order the server gave them. */
export const filterFindings = (
  findings: readonly Finding[],
  filters: FindingFilters,
): readonly Finding[] => {
  const severity = filters.severity.toLowerCase()
  return findings.filter(
    (finding) =>
      (severity === '' || (finding.severity ?? '').toLowerCase() === severity) &&
      (!filters.kevOnly || finding.kev) &&
      (filters.vexStatus === '' || finding.vexStatus === filters.vexStatus) &&
      matchesText(finding, filters.text),
  )
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'moderate', 'low', 'none']

/** The severities present, worst first, in lower case (advisories spell them differently). */
export const severitiesOf = (findings: readonly Finding[]): readonly string[] => {
  const present = new Set(
    findings.flatMap((finding) =>
      finding.severity === null ? [] : [finding.severity.toLowerCase()],
    ),
  )
  const rank = (value: string) => {
    const index = SEVERITY_ORDER.indexOf(value)
    return index < 0 ? SEVERITY_ORDER.length : index
  }
  return [...present].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
}

/** One finding row per release: the same finding id shows once for each release it is in. */
export const findingRowKey = (finding: Finding): string => `${finding.findingId} ${finding.release}`

/** EPSS is a probability; people read it as a percentage. */
export const epssPercent = (epss: number | null): string =>
  epss === null ? '—' : `${(epss * 100).toFixed(epss < 0.001 ? 2 : 1)}%`
