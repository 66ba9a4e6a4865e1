import type { CalendarDate } from '../lifecycle/index.js'
import type { DeviceModel } from '../model/index.js'
import type { RiskRegister } from './evaluate-risk-register.js'
import type { RiskEntry } from './risk-entry.js'

/**
 * IMDRF N60 (2020) regulatory oversight level of a software update, from what it fixes:
 * security hygiene only is low, fixing a vulnerability whose patient-harm risk is acceptable is
 * medium, fixing an unacceptable one is high; a release takes the highest of its changes.
 */
export const UPDATE_OVERSIGHT_LEVELS = ['low', 'medium', 'high'] as const
export type UpdateOversightLevel = (typeof UPDATE_OVERSIGHT_LEVELS)[number]

export interface UpdateChange {
  readonly kind: 'fixed-finding' | 'new-control'
  readonly id: string
  /** undetermined when the fixed risk was never evaluated. */
  readonly level: UpdateOversightLevel | 'undetermined'
  readonly reason: string
}

export interface ReleaseOversight {
  readonly release: string
  readonly date: CalendarDate
  /** none: no security change; undetermined: some change lacks a risk evaluation. */
  readonly level: UpdateOversightLevel | 'none' | 'undetermined'
  readonly changes: readonly UpdateChange[]
}

const RANK = { none: 0, low: 1, medium: 2, undetermined: 3, high: 4 } as const

const levelOfRisks = (
  entries: readonly RiskEntry[],
  what: string,
): Pick<UpdateChange, 'level' | 'reason'> => {
  if (entries.length === 0) {
    return { level: 'undetermined', reason: `${what} has no risk evaluation` }
  }
  if (
    entries.some(
      (entry) =>
        entry.residual.controlStatus === 'uncontrolled' ||
        entry.residual.acceptability === 'unacceptable',
    )
  ) {
    return { level: 'high', reason: `${what}: the risk it removes was unacceptable` }
  }
  if (entries.some((entry) => entry.patientHarm)) {
    return { level: 'medium', reason: `${what}: the risk it removes was acceptable patient harm` }
  }
  return { level: 'low', reason: `${what}: no patient harm, security hygiene` }
}

/**
 * The N60 oversight level of every release after the first. `register` must be drawn up for all
 * releases (no release filter), so the risks a fix removes are in it.
 */
export const computeUpdateOversight = (
  model: DeviceModel,
  register: RiskRegister,
): ReleaseOversight[] => {
  const releases = [...model.releases].sort((a, b) => a.date.localeCompare(b.date))
  const first = releases[0]?.version
  const findingEntries = (finding: string) =>
    [...register.entries, ...register.resolved].filter(
      (entry) => entry.source === 'finding' && entry.subject === finding,
    )
  const threatEntries = (control: string) =>
    register.entries.filter(
      (entry) =>
        entry.source === 'threat' && entry.controls.some((linked) => linked.id === control),
    )
  const introducedIn = (versions: readonly string[]): string | undefined =>
    releases.find((release) => versions.includes(release.version))?.version

  // A fix is a change of the first release that has it, not of every later one.
  const firstFixes = new Map<string, string>()
  for (const assessment of model.findingAssessments) {
    if (assessment.status !== 'fixed') continue
    const known = firstFixes.get(assessment.finding)
    const fixedIn = introducedIn([
      ...(assessment.releases ?? []),
      ...(known === undefined ? [] : [known]),
    ])
    if (fixedIn !== undefined) firstFixes.set(assessment.finding, fixedIn)
  }

  return releases
    .filter((release) => release.version !== first)
    .map((release) => {
      const changes: UpdateChange[] = []
      for (const [finding, fixedIn] of firstFixes) {
        if (fixedIn !== release.version) continue
        changes.push({
          kind: 'fixed-finding',
          id: finding,
          ...levelOfRisks(findingEntries(finding), `fixes ${finding}`),
        })
      }
      for (const control of model.controls) {
        if (control.releases === undefined) continue
        if (introducedIn(control.releases) !== release.version) continue
        changes.push({
          kind: 'new-control',
          id: control.id,
          ...levelOfRisks(threatEntries(control.id), `adds control ${control.id}`),
        })
      }
      const level = changes.reduce<ReleaseOversight['level']>(
        (worst, change) => (RANK[change.level] > RANK[worst] ? change.level : worst),
        'none',
      )
      return { release: release.version, date: release.date, level, changes }
    })
}
