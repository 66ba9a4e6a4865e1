import { daysBetween } from '../deadlines/index.js'
import type { CalendarDate } from '../lifecycle/index.js'
import type { DeviceModel } from '../model/index.js'

/** One vulnerability of the product as the metrics count it. */
export interface VulnerabilityTimeline {
  readonly finding: string
  readonly identified?: CalendarDate
  /** The first release that fixes it (VEX status fixed). */
  readonly fixedIn?: string
  readonly patchAvailable?: CalendarDate
  readonly fullyDeployed?: CalendarDate
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
  readonly vulnerabilities: readonly VulnerabilityTimeline[]
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0
    ? null
    : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10

const earliest = (dates: readonly (CalendarDate | undefined)[]): CalendarDate | undefined =>
  dates.filter((date): date is CalendarDate => date !== undefined).sort()[0]

/**
 * FDA premarket guidance (section VII.B) metrics for a product: percentage of identified
 * vulnerabilities patched, mean time from identification to an available patch, and mean time
 * from patch to full deployment "to the extent known". `from`/`to` select vulnerabilities by the
 * date they were identified; ones with no date are counted only when no period is given.
 */
export const computeFdaMetrics = (
  model: DeviceModel,
  period: { readonly from?: CalendarDate; readonly to?: CalendarDate } = {},
): FdaMetrics => {
  const releases = new Map(model.releases.map((release) => [release.version, release]))
  const byFinding = new Map<string, (typeof model.findingAssessments)[number][]>()
  for (const assessment of model.findingAssessments) {
    byFinding.set(assessment.finding, [...(byFinding.get(assessment.finding) ?? []), assessment])
  }
  const timelines: VulnerabilityTimeline[] = []
  for (const [finding, assessments] of byFinding) {
    if (assessments.every((assessment) => assessment.status === 'not_affected')) continue
    const identified = earliest(assessments.map((item) => item.identified ?? item.date))
    const fixes = assessments
      .filter((item) => item.status === 'fixed')
      .flatMap((item) => item.releases ?? [])
      .flatMap((version) => {
        const release = releases.get(version)
        return release === undefined ? [] : [release]
      })
      .sort((a, b) => a.date.localeCompare(b.date))
    const fix = fixes[0]
    timelines.push({
      finding,
      ...(identified === undefined ? {} : { identified }),
      ...(fix === undefined ? {} : { fixedIn: fix.version, patchAvailable: fix.date }),
      ...(fix?.fullyDeployed === undefined ? {} : { fullyDeployed: fix.fullyDeployed }),
    })
  }
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
  const durations = patched.flatMap((item) =>
    item.identified === undefined || item.patchAvailable === undefined
      ? []
      : [daysBetween(item.identified, item.patchAvailable)],
  )
  const toPatch = durations.filter((days) => days >= 0)
  const toDeploy = patched.flatMap((item) =>
    item.patchAvailable === undefined || item.fullyDeployed === undefined
      ? []
      : [daysBetween(item.patchAvailable, item.fullyDeployed)],
  )
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
    vulnerabilities: inPeriod.sort((a, b) => a.finding.localeCompare(b.finding)),
  }
}
