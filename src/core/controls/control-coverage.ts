import type {
  CONTROL_STATUSES,
  DeviceModel,
  SecurityCapability,
  Verification,
  VERDICTS,
} from '../model/index.js'
import type { ControlCategory, Threat, ThreatStatus } from '../threats/index.js'
import { FDA_CONTROL_CATEGORIES } from './fda-control-categories.js'
import { SECURITY_CAPABILITY_CATALOGUE } from './security-capabilities.js'

export type ControlStatus = (typeof CONTROL_STATUSES)[number]
type Verdict = (typeof VERDICTS)[number]

/**
 * Why a threat counts as uncontrolled: still open with no control linked, or marked mitigated
 * although no control is linked (an inconsistency in the assessment).
 */
export const UNCONTROLLED_REASONS = ['open-without-control', 'mitigated-without-control'] as const
export type UncontrolledReason = (typeof UNCONTROLLED_REASONS)[number]

export interface UncontrolledThreat {
  readonly threat: string
  readonly title: string
  readonly element: string
  readonly status: ThreatStatus
  readonly reason: UncontrolledReason
}

export interface ControlSummary {
  readonly control: string
  readonly name: string
  readonly category: ControlCategory
  readonly status: ControlStatus
}

/** A verification of a control whose most recent result for a release is a fail. */
export interface FailedVerification {
  readonly control: string
  readonly name: string
  readonly verification: string
  readonly verificationName: string
  readonly release: string
  readonly date: string
  readonly summary: string | undefined
}

export interface CategoryCoverage {
  readonly category: ControlCategory
  /** The FDA premarket guidance's name of the category. */
  readonly name: string
  /** Ids of the controls in the category, sorted. */
  readonly controls: readonly string[]
  readonly count: number
}

export interface CapabilityCoverage {
  readonly capability: SecurityCapability
  /** The MDS2 section name. */
  readonly name: string
  /** Ids of the controls that provide the capability, sorted. */
  readonly controls: readonly string[]
  readonly count: number
}

export interface ControlThreats {
  readonly control: string
  /** Ids of the threats linked to the control, sorted. */
  readonly threats: readonly string[]
}

export interface ThreatControls {
  readonly threat: string
  /** Ids of the controls linked to the threat, sorted. */
  readonly controls: readonly string[]
}

/** A control's `mitigates` names a threat that is not in the threat list. */
export interface UnknownThreatLink {
  readonly control: string
  readonly threat: string
}

/** The sizes of the report's lists; controls failing verification are counted once each. */
export interface CoverageTotals {
  readonly threats: number
  readonly controls: number
  readonly verifications: number
  readonly threatsWithoutControl: number
  readonly controlsWithoutVerification: number
  readonly controlsFailingVerification: number
  readonly emptyCategories: number
  readonly emptyCapabilities: number
  /** Controls that name at least one capability; when 0, the capability table says nothing. */
  readonly controlsNamingCapabilities: number
}

/** How the controls of a device cover its threats, the FDA categories and the capabilities. */
export interface CoverageReport {
  readonly product: { readonly id: string; readonly name: string }
  readonly totals: CoverageTotals
  /** Sorted by threat id. */
  readonly threatsWithoutControl: readonly UncontrolledThreat[]
  /** Controls no verification names, sorted by control id. */
  readonly controlsWithoutVerification: readonly ControlSummary[]
  /**
   * Verifications naming a control whose latest result for a release is a fail; sorted by
   * control id, verification id and release.
   */
  readonly controlsFailingVerification: readonly FailedVerification[]
  /** Every FDA category, in the catalogue's order. */
  readonly categories: readonly CategoryCoverage[]
  /** Every capability, in the catalogue's order. */
  readonly capabilities: readonly CapabilityCoverage[]
  /** The categories no control is in, in the catalogue's order. */
  readonly emptyCategories: readonly CategoryCoverage[]
  /** The capabilities no control provides, in the catalogue's order. */
  readonly emptyCapabilities: readonly CapabilityCoverage[]
  /** Every control with its threats, sorted by control id. */
  readonly controlThreats: readonly ControlThreats[]
  /** Every threat with its controls, sorted by threat id. */
  readonly threatControls: readonly ThreatControls[]
  /** Sorted by control id, then threat id. */
  readonly unknownThreatLinks: readonly UnknownThreatLink[]
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort(compareText)

/**
 * Coverage of a device's threats by its controls, and of its controls by verification, FDA
 * categories and security capabilities. `threats` is the list generateThreats returns (or any
 * list of threats of the model); a threat's controls are the ones the assessment names and the
 * ones whose `mitigates` names it. Pure and deterministic: the same inputs give an equal report.
 */
export const computeControlCoverage = (
  model: DeviceModel,
  threats: readonly Threat[],
): CoverageReport => {
  const controls = [...model.controls].sort((a, b) => compareText(a.id, b.id))
  const sortedThreats = [...threats].sort((a, b) => compareText(a.id, b.id))
  const threatIds = new Set(sortedThreats.map((threat) => threat.id))

  const threatControls = sortedThreats.map((threat): ThreatControls => ({
    threat: threat.id,
    controls: sortedUnique(threat.controls),
  }))
  const threatsOf = new Map<string, string[]>(controls.map((control) => [control.id, []]))
  for (const link of threatControls) {
    for (const control of link.controls) threatsOf.get(control)?.push(link.threat)
  }
  const controlThreats = controls.map((control): ControlThreats => ({
    control: control.id,
    threats: sortedUnique(threatsOf.get(control.id) ?? []),
  }))

  const threatsWithoutControl = sortedThreats.flatMap((threat): UncontrolledThreat[] => {
    if (threat.controls.length > 0) return []
    if (threat.status !== 'open' && threat.status !== 'mitigated') return []
    return [
      {
        threat: threat.id,
        title: threat.title,
        element: threat.element,
        status: threat.status,
        reason: threat.status === 'open' ? 'open-without-control' : 'mitigated-without-control',
      },
    ]
  })

  const verified = new Set(model.verifications.flatMap((v) => v.controls ?? []))
  const controlsWithoutVerification = controls
    .filter((control) => !verified.has(control.id))
    .map((control): ControlSummary => ({
      control: control.id,
      name: control.name,
      category: control.category,
      status: control.status,
    }))

  const controlsFailingVerification = failedVerifications(model)

  const categories = FDA_CONTROL_CATEGORIES.map((entry): CategoryCoverage => {
    const ids = controls.filter((c) => c.category === entry.id).map((c) => c.id)
    return { category: entry.id, name: entry.name, controls: ids, count: ids.length }
  })
  const capabilities = SECURITY_CAPABILITY_CATALOGUE.map((entry): CapabilityCoverage => {
    const ids = controls.filter((c) => c.capabilities?.includes(entry.id) === true).map((c) => c.id)
    return { capability: entry.id, name: entry.name, controls: ids, count: ids.length }
  })
  const emptyCategories = categories.filter((entry) => entry.count === 0)
  const emptyCapabilities = capabilities.filter((entry) => entry.count === 0)

  const unknownThreatLinks = controls.flatMap((control) =>
    sortedUnique(control.mitigates ?? [])
      .filter((threat) => !threatIds.has(threat))
      .map((threat): UnknownThreatLink => ({ control: control.id, threat })),
  )

  return {
    product: { id: model.product.id, name: model.product.name },
    totals: {
      threats: sortedThreats.length,
      controls: controls.length,
      verifications: model.verifications.length,
      threatsWithoutControl: threatsWithoutControl.length,
      controlsWithoutVerification: controlsWithoutVerification.length,
      controlsFailingVerification: new Set(controlsFailingVerification.map((f) => f.control)).size,
      emptyCategories: emptyCategories.length,
      emptyCapabilities: emptyCapabilities.length,
      controlsNamingCapabilities: controls.filter((c) => (c.capabilities ?? []).length > 0).length,
    },
    threatsWithoutControl,
    controlsWithoutVerification,
    controlsFailingVerification,
    categories,
    capabilities,
    emptyCategories,
    emptyCapabilities,
    controlThreats,
    threatControls,
    unknownThreatLinks,
  }
}

/** On one day, the worst verdict counts: a fail and a pass the same day leave a fail. */
const VERDICT_WEIGHT: Readonly<Record<Verdict, number>> = { pass: 0, inconclusive: 1, fail: 2 }

type VerificationResult = NonNullable<Verification['results']>[number]

/**
 * The verifications whose latest result (by date) for a release is a fail, once per control they
 * name and release. Each verification and release is judged on its own: a later pass of another
 * test, or of the same test on another release, does not clear a failure never retested. A
 * result counts against a control only on a release the control is in: a test of a release
 * before a control existed does not fail that control.
 */
const failedVerifications = (model: DeviceModel): FailedVerification[] => {
  const byId = new Map(model.controls.map((control) => [control.id, control]))
  const failures: FailedVerification[] = []
  for (const verification of model.verifications) {
    const controls = sortedUnique(verification.controls ?? [])
    for (const latest of latestPerRelease(verification)) {
      if (latest.verdict !== 'fail') continue
      for (const control of controls) {
        const releases = byId.get(control)?.releases
        if (releases !== undefined && !releases.includes(latest.release)) continue
        failures.push({
          control,
          name: byId.get(control)?.name ?? control,
          verification: verification.id,
          verificationName: verification.name,
          release: latest.release,
          date: latest.date,
          summary: latest.summary,
        })
      }
    }
  }
  return failures.sort(
    (a, b) =>
      compareText(a.control, b.control) ||
      compareText(a.verification, b.verification) ||
      compareText(a.release, b.release),
  )
}

/** The latest result of a verification for each release it was run on; the worse one on a tie. */
const latestPerRelease = (verification: Verification): VerificationResult[] => {
  const latest = new Map<string, VerificationResult>()
  for (const result of verification.results ?? []) {
    const current = latest.get(result.release)
    if (
      current === undefined ||
      result.date > current.date ||
      (result.date === current.date &&
        VERDICT_WEIGHT[result.verdict] > VERDICT_WEIGHT[current.verdict])
    ) {
      latest.set(result.release, result)
    }
  }
  return [...latest.values()]
}
