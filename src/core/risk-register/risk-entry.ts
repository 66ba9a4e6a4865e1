import type { Deadline, DeadlineStatus } from '../deadlines/index.js'
import type { DocumentPath } from '../issue.js'
import type { CalendarDate } from '../lifecycle/index.js'
import type { RiskAcceptance } from '../model/index.js'
import type { AcceptabilityRating, ControlStatus, ExploitabilityBasis } from './rate-risk.js'

export const RISK_SOURCES = ['threat', 'finding'] as const
export type RiskSource = (typeof RISK_SOURCES)[number]

/** One point on the risk chart: exploitability × severity, rated by the policy. */
export interface RiskRating {
  readonly exploitability: string
  readonly exploitabilityBasis: ExploitabilityBasis
  readonly severity: string
  /** harms: the worst harm of the linked hazardous situations; stated: written in the risk. */
  readonly severityBasis: 'harms' | 'stated'
  readonly controlStatus: ControlStatus
  readonly acceptability: AcceptabilityRating
}

export interface RegisterControl {
  readonly id: string
  readonly name: string
  readonly status: string
  /** IMDRF N70 / FDA: a control outside the device design, put in place by the user. */
  readonly compensating: boolean
}

export interface RegisterAcceptance extends RiskAcceptance {
  /** lapsed once the re-review date has passed without a new decision. */
  readonly state: 'in-force' | 'lapsed'
}

export interface RegisterDeadline extends Deadline {
  readonly status: DeadlineStatus
}

/** A security risk of a threat or a vulnerability finding, before and after its controls. */
export interface RiskEntry {
  /** The threat or finding id, with `#releases` when the assessment is scoped to releases. */
  readonly id: string
  readonly title: string
  readonly source: RiskSource
  /** The threat id or the finding id (`advisory@component`). */
  readonly subject: string
  /** Releases the assessment is scoped to; absent means every release. */
  readonly releases?: readonly string[]
  /** The threat status or the VEX status of the assessment. */
  readonly status: string
  readonly rationale: string
  readonly before: RiskRating
  readonly residual: RiskRating
  readonly controls: readonly RegisterControl[]
  readonly hazardousSituations: readonly string[]
  readonly harms: readonly string[]
  /** The severity before controls is above the least severe level of the scale. */
  readonly patientHarm: boolean
  /** FDA's binary decision on the residual risk. */
  readonly controlStatus: ControlStatus
  /** Residual risk acceptable by the policy, or accepted by a decision still in force. */
  readonly acceptable: boolean
  readonly acceptance?: RegisterAcceptance
  readonly identified?: CalendarDate
  readonly deadlines: readonly RegisterDeadline[]
  /** Where the assessment is in the merged model, for placing issues and edits. */
  readonly path: DocumentPath
}

/** A threat or finding that needs a risk evaluation and has none yet. */
export interface UnevaluatedRisk {
  readonly id: string
  readonly title: string
  readonly source: RiskSource
  readonly status: string
  readonly reason: string
}
