import type { SupportPhase } from '../model/index.js'
import type { ReleaseSupportStatus, UnsupportedComponent } from './support-phase.js'

/** What the risk assessment found possible for the component that lost its supplier's support. */
export type MitigationResult =
  /** A design change or update removes the reliance on the unsupported component. */
  | 'mitigated-without-unsupported'
  /** Mitigated (e.g. compensating controls), but the device still relies on the component. */
  | 'mitigated-with-unsupported'
  /** The risk cannot be brought down: the device cannot be reasonably protected. */
  | 'not-mitigable'

export interface StageTransitionAssessment {
  /** The release's phase when the component reached its end of support. */
  readonly phase: SupportPhase
  /** Whether the component's end of support has a patient-safety impact. */
  readonly patientSafetyImpact: boolean
  /** Needed when there is an impact. */
  readonly mitigation?: MitigationResult
}

/** Who must be told: users of the device, and (on a move to a later stage) the public. */
export type StageCommunication = 'inform-users' | 'public-notice'

export interface StageRecommendation {
  readonly phase: SupportPhase
  readonly communications: readonly StageCommunication[]
  readonly reason: string
}

const stay = (phase: SupportPhase, reason: string): StageRecommendation => ({
  phase,
  communications: ['inform-users'],
  reason,
})

const move = (phase: SupportPhase, reason: string): StageRecommendation => ({
  phase,
  communications: ['inform-users', 'public-notice'],
  reason,
})

/**
 * IMDRF N70 stage-transition decision when a component reaches its supplier's end of life or
 * support (domain reference 3.2 and C.7): without patient-safety impact the device stays and
 * users are told; in support, a mitigation that still relies on the unsupported part moves it to
 * limited support; in limited support, a risk that cannot be mitigated moves it to end of
 * support. A move is communicated publicly. The assessment itself is people's work: this only
 * turns its outcome into the recommended stage.
 */
export const recommendStageTransition = (
  assessment: StageTransitionAssessment,
): StageRecommendation => {
  const { phase, patientSafetyImpact, mitigation } = assessment
  if (phase === 'development' || phase === 'end-of-support') {
    return stay(
      phase,
      'the stage-transition procedure applies to devices in support or limited support',
    )
  }
  if (!patientSafetyImpact) {
    return stay(
      phase,
      'no patient-safety impact: stay, and inform users the component is unsupported',
    )
  }
  if (mitigation === undefined) {
    throw new RangeError('a patient-safety impact needs the mitigation result')
  }
  if (mitigation === 'not-mitigable') {
    return move('end-of-support', 'the device can no longer be reasonably protected')
  }
  if (phase === 'support' && mitigation === 'mitigated-with-unsupported') {
    return move('limited-support', 'mitigated, but the device relies on an unsupported component')
  }
  return stay(phase, 'mitigated: the device remains reasonably protected')
}

/**
 * The components whose supplier support ended after the release shipped, on the day of the
 * status: each one triggers the N70 stage-transition risk assessment. Shipped-unsupported
 * components were a design decision assessed at release, not a new trigger.
 */
export const stageTransitionTriggers = (status: ReleaseSupportStatus): UnsupportedComponent[] =>
  status.unsupportedComponents.filter((component) => !component.unsupportedAtRelease)
