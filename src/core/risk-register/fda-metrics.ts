import { daysBetween } from '../deadlines/index.js'
import { fixDeployment, type InstalledBaseEntry } from '../installed-base/index.js'
import type { CalendarDate } from '../lifecycle/index.js'
import type { DeviceModel, FindingAssessment, Release } from '../model/index.js'

/** Where a vulnerability's full-deployment day comes from. */
export type DeploymentSource = 'installed-base' | 'model'

/** One vulnerability of the product as the metrics count it. */
export interface VulnerabilityTimeline {
  readonly finding: string
  readonly identified?: CalendarDate
  /** The first release that fixes it (VEX status fixed). */
  readonly fixedIn?: string
  readonly patchAvailable?: CalendarDate
  readonly fullyDeployed?: CalendarDate
  readonly deploymentSource?: DeploymentSource
  /** Sites of the installed base still running an affected release (the fix is not deployed). */
  readonly sitesPending?: number
}

/** A finding as the store's last evaluation holds it, one row per release. */
export interface EvaluatedFinding {
  readonly finding: string
  readonly release: string
  readonly vexStatus: string
  /** The day the finding was first seen by an evaluation: the day it was identified. */
  readonly firstSeen: CalendarDate
}

/**
 * What the metrics are computed from beyond the model's triage: the stored findings, the
 * installed base, and the day the figures are as of (fixes and deployments after it are not
 * counted yet).
 */
export interface FdaMetricsEvidence {
  readonly findings?: readonly EvaluatedFinding[]
  readonly installedBase?: readonly InstalledBaseEntry[]
  readonly asOf?: CalendarDate
}

export interface FdaMetrics {
  readonly from?: CalendarDate
  readonly to?: CalendarDate
  /** Vulnerabilities that affected a release (not only not_affected decisions). */
  readonly identified: number
  readonly patched: number
  /** null when nothing was identified in the period. */
  readonly percentPatched: number | null
  /** Over patched vulnerabilities with both dates known; `patchDurations` says how many. */
  readonly meanDaysToPatch: number | null
  readonly patchDurations: number
  /** Patched vulnerabilities whose fixing release predates their identification. */
  readonly fixedBeforeIdentified: number
  /** Over patched vulnerabilities whose fixing release has a known full-deployment date. */
  readonly meanDaysToDeploy: number | null
  readonly deployDurations: number
  /** Patched vulnerabilities whose fix some site of the installed base still lacks. */
  readonly deploymentsPending: number
  readonly vulnerabilities: readonly VulnerabilityTimeline[]
}

const OPEN_STATUSES: ReadonlySet<string> = new Set(['affected', 'under_investigation'])

const mean = (values: readonly number[]): number | null =>
  values.length === 0
    ? null
    : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10

/** Days from identification to an available patch; null while either date is unknown. */
export const daysToPatchOf = (item: VulnerabilityTimeline): number | null =>
  item.identified === undefined || item.patchAvailable === undefined
    ? null
    : daysBetween(item.identified, item.patchAvailable)

/** Days from the patch to its full deployment; null while either date is unknown. */
export const daysToDeployOf = (item: VulnerabilityTimeline): number | null =>
  item.patchAvailable === undefined || item.fullyDeployed === undefined
    ? null
    : daysBetween(item.patchAvailable, item.fullyDeployed)

const earliest = (dates: readonly (CalendarDate | undefined)[]): CalendarDate | undefined =>
  dates.filter((date): date is CalendarDate => date !== undefined).sort()[0]

interface FindingFacts {
  readonly assessments: FindingAssessment[]
  readonly evaluated: EvaluatedFinding[]
}

const gatherFindings = (
  model: DeviceModel,
  evaluated: readonly EvaluatedFinding[],
): Map<string, FindingFacts> => {
  const facts = new Map<string, FindingFacts>()
  const entry = (finding: string): FindingFacts => {
    const known = facts.get(finding)
    if (known !== undefined) return known
    const made = { assessments: [], evaluated: [] }
    facts.set(finding, made)
    return made
  }
  for (const assessment of model.findingAssessments) {
    entry(assessment.finding).assessments.push(assessment)
  }
  for (const row of evaluated) entry(row.finding).evaluated.push(row)
  return facts
}

/** Release versions a finding has with one of the statuses, from triage and the evaluation. */
const releasesWith = (facts: FindingFacts, statuses: ReadonlySet<string>): Set<string> =>
  new Set([
    ...facts.assessments
      .filter((item) => statuses.has(item.status))
      .flatMap((item) => item.releases ?? []),
    ...facts.evaluated.filter((row) => statuses.has(row.vexStatus)).map((row) => row.release),
  ])

/**
 * The releases a site must leave and those it may move to. Without an explicit affected list,
 * every release before the fix is taken as affected unless triage says otherwise.
 */
const affectedAndFixed = (
  facts: FindingFacts,
  releases: readonly Release[],
  fix: Release,
): { affected: Set<string>; fixed: Set<string> } => {
  const explicit = releasesWith(facts, OPEN_STATUSES)
  const cleared = releasesWith(facts, new Set(['not_affected', 'fixed']))
  const affected =
    explicit.size > 0
      ? explicit
      : new Set(
          releases
            .filter((release) => release.date < fix.date && !cleared.has(release.version))
            .map((release) => release.version),
        )
  const fixed = new Set(
    releases
      .filter((release) => release.date >= fix.date && !affected.has(release.version))
      .map((release) => release.version),
  )
  return { affected, fixed }
}

const deploymentOf = (
  facts: FindingFacts,
  releases: readonly Release[],
  fix: Release,
  evidence: FdaMetricsEvidence,
): Pick<VulnerabilityTimeline, 'fullyDeployed' | 'deploymentSource' | 'sitesPending'> => {
  const asOf = evidence.asOf ?? '9999-12-31'
  const installed = evidence.installedBase ?? []
  if (installed.length > 0) {
    const deployment = fixDeployment(installed, {
      ...affectedAndFixed(facts, releases, fix),
      patchAvailable: fix.date,
      asOf,
    })
    if (deployment.state === 'deployed') {
      return { fullyDeployed: deployment.fullyDeployed, deploymentSource: 'installed-base' }
    }
    if (deployment.state === 'pending') return { sitesPending: deployment.sitesPending }
  }
  // No site of the installed base needed it: the model's own record of the release is all we know.
  return fix.fullyDeployed === undefined || fix.fullyDeployed > asOf
    ? {}
    : { fullyDeployed: fix.fullyDeployed, deploymentSource: 'model' }
}

const timelineOf = (
  finding: string,
  facts: FindingFacts,
  releases: ReadonlyMap<string, Release>,
  evidence: FdaMetricsEvidence,
): VulnerabilityTimeline | undefined => {
  const statuses = [
    ...facts.assessments.map((item) => item.status as string),
    ...facts.evaluated.map((row) => row.vexStatus),
  ]
  if (statuses.every((status) => status === 'not_affected')) return undefined
  const identified = earliest([
    ...facts.assessments.map((item) => item.identified ?? item.date),
    ...facts.evaluated.map((row) => row.firstSeen),
  ])
  const asOf = evidence.asOf
  const fix = [...releasesWith(facts, new Set(['fixed']))]
    .flatMap((version) => releases.get(version) ?? [])
    .filter((release) => asOf === undefined || release.date <= asOf)
    .sort((a, b) => a.date.localeCompare(b.date) || a.version.localeCompare(b.version))[0]
  return {
    finding,
    ...(identified === undefined ? {} : { identified }),
    ...(fix === undefined
      ? {}
      : {
          fixedIn: fix.version,
          patchAvailable: fix.date,
          ...deploymentOf(facts, [...releases.values()], fix, evidence),
        }),
  }
}

/**
 * FDA premarket guidance (section VII.B) metrics for a product: percentage of identified
 * vulnerabilities patched, mean time from identification to an available patch, and mean time
 * from patch to full deployment "to the extent known". Identified: the earliest of the triage's
 * `identified` (else its date) and the evaluation's first sighting. Patched: a release with
 * status fixed exists (by `asOf`); the patch is available on that release's date. Fully
 * deployed: from the installed base when it shows sites that ran an affected release (see
 * `fixDeployment`), else the release's `fullyDeployed`. `from`/`to` select vulnerabilities by
 * the day they were identified; ones with no date are counted only when no period is given.
 */
export const computeFdaMetrics = (
  model: DeviceModel,
  period: { readonly from?: CalendarDate; readonly to?: CalendarDate } = {},
  evidence: FdaMetricsEvidence = {},
): FdaMetrics => {
  const releases = new Map(model.releases.map((release) => [release.version, release]))
  const timelines = [...gatherFindings(model, evidence.findings ?? [])].flatMap(
    ([finding, facts]) => timelineOf(finding, facts, releases, evidence) ?? [],
  )
  const inPeriod = timelines.filter(({ identified }) => {
    if (period.from === undefined && period.to === undefined) return true
    if (identified === undefined) return false
    return (
      (period.from === undefined || identified >= period.from) &&
      (period.to === undefined || identified <= period.to)
    )
  })
  const patched = inPeriod.filter((item) => item.patchAvailable !== undefined)
  // A release that fixed a vulnerability before anyone identified it is luck, not a response:
  // counting it as 0 days would flatter the mean, so it is left out (and counted separately).
  const durations = patched.flatMap((item) => daysToPatchOf(item) ?? [])
  const toPatch = durations.filter((days) => days >= 0)
  const toDeploy = patched.flatMap((item) => daysToDeployOf(item) ?? [])
  return {
    ...(period.from === undefined ? {} : { from: period.from }),
    ...(period.to === undefined ? {} : { to: period.to }),
    identified: inPeriod.length,
    patched: patched.length,
    percentPatched:
      inPeriod.length === 0 ? null : Math.round((patched.length / inPeriod.length) * 1000) / 10,
    meanDaysToPatch: mean(toPatch),
    patchDurations: toPatch.length,
    fixedBeforeIdentified: durations.length - toPatch.length,
    meanDaysToDeploy: mean(toDeploy),
    deployDurations: toDeploy.length,
    deploymentsPending: patched.filter((item) => (item.sitesPending ?? 0) > 0).length,
    vulnerabilities: inPeriod.sort((a, b) => a.finding.localeCompare(b.finding)),
  }
}
