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
  /** The CVE id when any source gives one, else the first advisory id. */
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

/** Union-find over advisory ids and aliases: CVE, GHSA, PYSEC, ICSMA of one flaw become one. */
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
    // A CSAF document covers several CVEs; it joins each of them, not all of them together.
    if (advisory.source === 'csaf') continue
    for (const alias of advisory.aliases) union(advisory.id, alias)
  }
  const groups = new Map<string, Advisory[]>()
  for (const advisory of advisories) {
    const root = find(advisory.id)
    groups.set(root, [...(groups.get(root) ?? []), advisory])
  }
  return [...groups.values()]
}

const canonicalId = (ids: readonly string[]): string =>
  [...ids].filter((id) => id.startsWith('CVE-')).sort()[0] ?? [...ids].sort()[0] ?? ''

/** The assessment of a finding under any of its ids; release-scoped ones for `release`. */
const assessmentOf = (
  assessments: readonly FindingAssessment[],
  ids: readonly string[],
  componentId: string,
  release: string | undefined,
): FindingAssessment | undefined => {
  const wanted = new Set(ids.map((id) => `${id}@${componentId}`))
  const candidates = assessments.filter((assessment) => wanted.has(assessment.finding))
  return (
    candidates.find(
      (assessment) => release !== undefined && (assessment.releases?.includes(release) ?? false),
    ) ??
    candidates.find((assessment) => assessment.releases === undefined) ??
    (release === undefined ? candidates[candidates.length - 1] : undefined)
  )
}

const findingOf = (
  group: readonly Advisory[],
  targetMatches: readonly AdvisoryMatch[],
  target: ScanTarget,
  enrichment: Enrichment,
  assessments: readonly FindingAssessment[],
  release: string | undefined,
): Finding => {
  const ids = [...new Set(group.flatMap((advisory) => [advisory.id, ...advisory.aliases]))]
  const csafOnly = group.every((advisory) => advisory.source === 'csaf')
  const vulnerability = csafOnly ? (group[0]?.id ?? '') : canonicalId(ids)
  const evidence = targetMatches
    .filter((match) => group.includes(match.advisory))
    .map((match) => match.evidence)
  const confidence =
    CONFIDENCE_ORDER.find((level) => evidence.some((item) => item.confidence === level)) ?? 'low'
  const cves = ids.filter((id) => id.startsWith('CVE-'))
  const kev = cves.map(enrichment.kev).find((entry) => entry !== undefined)
  const epss = cves
    .map(enrichment.epss)
    .filter((entry): entry is EpssScore => entry !== undefined)
    .sort((a, b) => b.epss - a.epss)[0]
  const severity = bestSeverity(group.flatMap((advisory) => advisory.severity))
  const assessment = assessmentOf(assessments, ids, target.id, release)
  const summary = group.find((advisory) => advisory.summary !== undefined)?.summary
  return {
    id: `${vulnerability}@${target.id}`,
    vulnerability,
    aliases: ids.filter((id) => id !== vulnerability).sort(),
    advisories: group.map((advisory) => advisory.id).sort(),
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
 * the triage status people recorded in the model.
 */
export const toFindings = (
  matches: readonly AdvisoryMatch[],
  enrichment: Enrichment,
  assessments: readonly FindingAssessment[],
  options: { readonly release?: string } = {},
): Finding[] => {
  const byTarget = new Map<string, AdvisoryMatch[]>()
  for (const match of matches) {
    byTarget.set(match.target.id, [...(byTarget.get(match.target.id) ?? []), match])
  }
  const findings: Finding[] = []
  for (const targetMatches of byTarget.values()) {
    const target = targetMatches[0]?.target
    if (target === undefined) continue
    const advisories = [...new Map(targetMatches.map((m) => [m.advisory.id, m.advisory])).values()]
    for (const group of groupByAlias(advisories)) {
      findings.push(
        findingOf(group, targetMatches, target, enrichment, assessments, options.release),
      )
    }
  }
  return findings.sort(
    (a, b) => (b.severity?.score ?? 0) - (a.severity?.score ?? 0) || a.id.localeCompare(b.id),
  )
}
