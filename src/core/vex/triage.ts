import type { DeviceModel, FindingAssessment } from '../model/index.js'

/** One vulnerability in one component of one release, with the decision that applies there. */
export interface ReleaseTriage {
  readonly finding: string
  readonly vulnerability: string
  readonly componentId: string
  readonly release: string
  readonly assessment: FindingAssessment
  /** The release whose assessment this one carries over (the component is unchanged). */
  readonly carriedFrom?: string
}

/** `CVE-2014-0160@openssl` → its two halves; the component id never holds an `@`. */
export const splitFindingId = (
  finding: string,
): { readonly vulnerability: string; readonly componentId: string } => {
  const at = finding.lastIndexOf('@')
  return { vulnerability: finding.slice(0, at), componentId: finding.slice(at + 1) }
}

const ownAssessment = (
  candidates: readonly FindingAssessment[],
  release: string,
): FindingAssessment | undefined =>
  candidates.find((assessment) => assessment.releases?.includes(release) ?? false) ??
  candidates.find((assessment) => assessment.releases === undefined)

/** Releases oldest first: by date, then in the order the model lists them. */
const chronological = (model: DeviceModel): DeviceModel['releases'] =>
  model.releases
    .map((release, index) => ({ release, index }))
    .sort((a, b) => a.release.date.localeCompare(b.release.date) || a.index - b.index)
    .map((entry) => entry.release)

/**
 * The decision on each finding in each release: the release's own assessment, else one for
 * every release, else the nearest earlier release's own assessment when the component (same id,
 * hence same version) ships in both — carried over and labelled with where it came from.
 * A component id names one version in a model, so "same id" is "same version".
 */
export const resolveTriage = (
  model: DeviceModel,
  options: { readonly release?: string } = {},
): ReleaseTriage[] => {
  const byFinding = new Map<string, FindingAssessment[]>()
  for (const assessment of model.findingAssessments) {
    byFinding.set(assessment.finding, [...(byFinding.get(assessment.finding) ?? []), assessment])
  }
  const releases = chronological(model)
  const result: ReleaseTriage[] = []
  for (const [finding, candidates] of [...byFinding].sort(([a], [b]) => a.localeCompare(b))) {
    result.push(...acrossReleases(finding, candidates, releases))
  }
  return result.filter((item) => options.release === undefined || item.release === options.release)
}

/** One finding through the releases in order, carrying the last own decision while it can. */
const acrossReleases = (
  finding: string,
  candidates: readonly FindingAssessment[],
  releases: DeviceModel['releases'],
): ReleaseTriage[] => {
  const { vulnerability, componentId } = splitFindingId(finding)
  const result: ReleaseTriage[] = []
  let previous: { release: string; assessment: FindingAssessment } | undefined
  for (const release of releases) {
    if (!(release.components ?? []).includes(componentId)) {
      previous = undefined
      continue
    }
    const own = ownAssessment(candidates, release.version)
    const applied = own ?? previous?.assessment
    const carriedFrom = own === undefined ? previous?.release : undefined
    if (own !== undefined) previous = { release: release.version, assessment: own }
    if (applied === undefined) continue
    result.push({
      finding,
      vulnerability,
      componentId,
      release: release.version,
      assessment: applied,
      ...(carriedFrom === undefined ? {} : { carriedFrom }),
    })
  }
  return result
}
