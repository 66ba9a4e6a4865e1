import type { FindingAssessment } from '../../model/index.js'
import { scoreCvss, type CvssSeverity } from '../../risk/index.js'
import type { Advisory, SeverityScore } from '../advisory.js'
import type { AdvisoryMatch, MatchConfidence, MatchEvidence } from './scan.js'
import type { ScanTarget } from './scan-target.js'

export interface KevEntry {
  readonly dateAdded: string
  readonly dueDate?: string
  readonly knownRansomwareCampaignUse?: string
}

export interface EpssScore {
  readonly epss: number
  readonly percentile: number
}

/** What the scan knows besides the advisories: exploitation evidence by CVE id. */
export interface Enrichment {
  readonly kev: (cve: string) => KevEntry | undefined
  readonly epss: (cve: string) => EpssScore | undefined
}

export interface FindingSeverity {
  readonly vector: string
  readonly score: number
  readonly rating: CvssSeverity
  readonly source?: string
}

/** Triage state: a VEX status from the model, or `untriaged` when nobody decided yet. */
export type TriageStatus = FindingAssessment['status'] | 'untriaged'

/** One vulnerability in one component, whichever sources and ids reported it. */
export interface Finding {
  /** `vulnerability@component`, the id assessments are written under. */
  readonly id: string
  /**
   * The CVE id when any source gives one, else the first advisory id; for a vulnerability only
   * CSAF documents report, the id the document gives it (its CVE, else the document's id).
   */
  readonly vulnerability: string
  readonly aliases: readonly string[]
  readonly advisories: readonly string[]
  readonly target: ScanTarget
  readonly summary?: string
  readonly severity?: FindingSeverity
  readonly kev?: KevEntry
  readonly epss?: EpssScore
  readonly confidence: MatchConfidence
  readonly evidence: readonly MatchEvidence[]
  readonly status: TriageStatus
  /** The assessment the status comes from, by its finding id. */
  readonly assessedAs?: string
  /** That assessment itself: its linked risk and the manufacturer's environmental vector. */
  readonly assessment?: FindingAssessment
}

const CONFIDENCE_ORDER: readonly MatchConfidence[] = ['exact', 'high', 'medium', 'low']
const VERSION_ORDER = ['4.0', '3.1', '3.0', '2.0']

/** The most specific published score: the newest CVSS version, NVD's first among equals. */
const bestSeverity = (scores: readonly SeverityScore[]): FindingSeverity | undefined => {
  const scored = scores.flatMap((entry) => {
    const result = scoreCvss(entry.vector)
    return result.ok ? [{ entry, value: result.value }] : []
  })
  scored.sort(
    (a, b) => VERSION_ORDER.indexOf(a.value.version) - VERSION_ORDER.indexOf(b.value.version),
  )
  const best = scored[0]
  if (best === undefined) return undefined
  return {
    vector: best.value.vector,
    score: best.value.score,
    rating: best.value.severity,
    ...(best.entry.source === undefined ? {} : { source: best.entry.source }),
  }
}

/** Union-find over advisory ids and aliases: CVE, GHSA, PYSEC of one flaw become one. */
const groupByAlias = (advisories: readonly Advisory[]): Advisory[][] => {
  const parent = new Map<string, string>()
  const find = (id: string): string => {
    let root = id
    while (parent.get(root) !== undefined && parent.get(root) !== root)
      root = parent.get(root) ?? root
    parent.set(id, root)
    return root
  }
  const union = (a: string, b: string): void => {
    const [ra, rb] = [find(a), find(b)]
    if (ra !== rb) parent.set(rb, ra)
  }
  for (const advisory of advisories) {
    parent.set(advisory.id, find(advisory.id))
    for (const alias of advisory.aliases) union(advisory.id, alias)
  }
  const groups = new Map<string, Advisory[]>()
  for (const advisory of advisories) {
    const root = find(advisory.id)
    groups.set(root, [...(groups.get(root) ?? []), advisory])
  }
  return [...groups.values()]
}

/** The advisories of one finding and the ids it goes by. */
interface Group {
  readonly advisories: Advisory[]
  readonly ids: Set<string>
  /** The vulnerability a CSAF document named the group by, when no other source reports it. */
  readonly name?: string
}

/** Every vulnerability a CSAF document gives a product status for, and its CVE aliases. */
const documentVulnerabilities = (advisory: Advisory): string[] => [
  ...new Set([
    ...advisory.products.flatMap((product) => Object.keys(product.status)),
    ...advisory.aliases.filter((alias) => alias.startsWith('CVE-')),
  ]),
]

/** The vulnerabilities a CSAF document's matches say the component is affected by. */
const csafVulnerabilities = (advisory: Advisory, matches: readonly AdvisoryMatch[]): string[] => {
  const own = matches.filter((match) => match.advisory === advisory)
  if (own.some((match) => match.vulnerabilities === undefined)) {
    return documentVulnerabilities(advisory)
  }
  return [...new Set(own.flatMap((match) => match.vulnerabilities ?? []))]
}

/** A vulnerability of a CSAF document without any id is keyed by its position (converter). */
const isPositional = (key: string): boolean => key.startsWith('vulnerabilities[')

/**
 * One CSAF document covers several vulnerabilities, so it does not merge its aliases the way an
 * OSV record does: for each vulnerability the matched products are affected by, the document
 * joins the finding of that vulnerability (from other sources or other CSAF documents), named by
 * its CVE. The finding id is thus the CVE-based one whichever sources report it, and people's
 * triage stays put when NVD or OSV later report a vulnerability CISA published first.
 */
const groupsOf = (advisories: readonly Advisory[], matches: readonly AdvisoryMatch[]): Group[] => {
  const groups: Group[] = groupByAlias(
    advisories.filter((advisory) => advisory.source !== 'csaf'),
  ).map((members) => ({
    advisories: members,
    ids: new Set(members.flatMap((advisory) => [advisory.id, ...advisory.aliases])),
  }))
  const byId = new Map(groups.flatMap((group) => [...group.ids].map((id) => [id, group])))
  for (const advisory of advisories.filter((item) => item.source === 'csaf')) {
    const keys = csafVulnerabilities(advisory, matches).map((key) =>
      isPositional(key) ? advisory.id : key,
    )
    for (const key of keys.length === 0 ? [advisory.id] : keys) {
      let group = byId.get(key)
      if (group === undefined) {
        group = { advisories: [], ids: new Set([key]), name: key }
        groups.push(group)
        byId.set(key, group)
      }
      if (!group.advisories.includes(advisory)) group.advisories.push(advisory)
      group.ids.add(advisory.id)
    }
  }
  return groups
}

const canonicalId = (ids: readonly string[]): string =>
  [...ids].filter((id) => id.startsWith('CVE-')).sort()[0] ?? [...ids].sort()[0] ?? ''

/**
 * The assessment of a finding under any of its ids, its own id first; release-scoped ones for
 * `release`.
 */
const assessmentOf = (
  assessments: readonly FindingAssessment[],
  own: string,
  ids: readonly string[],
  componentId: string,
  release: string | undefined,
): FindingAssessment | undefined => {
  const wanted = new Set(ids.map((id) => `${id}@${componentId}`))
  const candidates = assessments
    .filter((assessment) => wanted.has(assessment.finding))
    .sort((a, b) => Number(a.finding !== own) - Number(b.finding !== own))
  return (
    candidates.find(
      (assessment) => release !== undefined && (assessment.releases?.includes(release) ?? false),
    ) ??
    candidates.find((assessment) => assessment.releases === undefined) ??
    (release === undefined ? candidates[candidates.length - 1] : undefined)
  )
}

/**
 * A CSAF document's scores are per document, not per vulnerability (as read into `Advisory`):
 * they speak for a finding only when no other source scores it, exactly when the document has
 * this one vulnerability, else as the highest score of the document, so a gate on severity does
 * not pass an unscored finding silently.
 */
const severityOf = (group: Group): FindingSeverity | undefined => {
  const [csaf, others] = [
    group.advisories.filter((advisory) => advisory.source === 'csaf'),
    group.advisories.filter((advisory) => advisory.source !== 'csaf'),
  ]
  const single = csaf.filter((advisory) => documentVulnerabilities(advisory).length <= 1)
  const highest = csaf
    .flatMap((advisory) => advisory.severity.map((entry) => bestSeverity([entry])))
    .filter((entry): entry is FindingSeverity => entry !== undefined)
    .sort((a, b) => b.score - a.score)[0]
  return (
    bestSeverity(others.flatMap((advisory) => advisory.severity)) ??
    bestSeverity(single.flatMap((advisory) => advisory.severity)) ??
    highest
  )
}

const findingOf = (
  group: Group,
  targetMatches: readonly AdvisoryMatch[],
  target: ScanTarget,
  enrichment: Enrichment,
  assessments: readonly FindingAssessment[],
  release: string | undefined,
): Finding => {
  const ids = [...group.ids]
  const vulnerability = group.name ?? canonicalId(ids)
  const evidence = targetMatches
    .filter((match) => group.advisories.includes(match.advisory))
    .map((match) => match.evidence)
  const confidence =
    CONFIDENCE_ORDER.find((level) => evidence.some((item) => item.confidence === level)) ?? 'low'
  const cves = ids.filter((id) => id.startsWith('CVE-'))
  const kev = cves.map(enrichment.kev).find((entry) => entry !== undefined)
  const epss = cves
    .map(enrichment.epss)
    .filter((entry): entry is EpssScore => entry !== undefined)
    .sort((a, b) => b.epss - a.epss)[0]
  const severity = severityOf(group)
  const id = `${vulnerability}@${target.id}`
  const assessment = assessmentOf(assessments, id, ids, target.id, release)
  // Another source's summary names the one vulnerability; a CSAF title names the document.
  const summary = [...group.advisories]
    .sort((a, b) => Number(a.source === 'csaf') - Number(b.source === 'csaf'))
    .find((advisory) => advisory.summary !== undefined)?.summary
  return {
    id,
    vulnerability,
    aliases: ids.filter((item) => item !== vulnerability).sort(),
    advisories: group.advisories.map((advisory) => advisory.id).sort(),
    target,
    ...(summary === undefined ? {} : { summary }),
    ...(severity === undefined ? {} : { severity }),
    ...(kev === undefined ? {} : { kev }),
    ...(epss === undefined ? {} : { epss }),
    confidence,
    evidence,
    status: assessment?.status ?? 'untriaged',
    ...(assessment === undefined ? {} : { assessedAs: assessment.finding, assessment }),
  }
}

/**
 * Findings from advisory matches: per component, advisories that share an id or alias merge into
 * one finding with every source's evidence, its best severity, KEV and EPSS by any CVE alias, and
 * the triage status people recorded in the model. A CSAF document joins the finding of each
 * vulnerability it lists for the matched products, so findings are one per vulnerability.
 */
export const toFindings = (
  matches: readonly AdvisoryMatch[],
  enrichment: Enrichment,
  assessments: readonly FindingAssessment[],
  options: { readonly release?: string } = {},
): Finding[] => {
  const byTarget = new Map<string, AdvisoryMatch[]>()
  for (const match of matches) {
    const list = byTarget.get(match.target.id)
    if (list === undefined) byTarget.set(match.target.id, [match])
    else list.push(match)
  }
  const findings: Finding[] = []
  for (const targetMatches of byTarget.values()) {
    const target = targetMatches[0]?.target
    if (target === undefined) continue
    const advisories = [...new Map(targetMatches.map((m) => [m.advisory.id, m.advisory])).values()]
    for (const group of groupsOf(advisories, targetMatches)) {
      findings.push(
        findingOf(group, targetMatches, target, enrichment, assessments, options.release),
      )
    }
  }
  return findings.sort(
    (a, b) => (b.severity?.score ?? 0) - (a.severity?.score ?? 0) || a.id.localeCompare(b.id),
  )
}
