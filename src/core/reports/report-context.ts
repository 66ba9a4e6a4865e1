import { computeControlCoverage, type CoverageReport } from '../controls/index.js'
import {
  supportStatusOn,
  type CalendarDate,
  type ReleaseSupportStatus,
} from '../lifecycle/index.js'
import type { DeviceModel } from '../model/index.js'
import { determineCyberDevice, type CyberDeviceDetermination } from '../regulatory/index.js'
import type { RiskPolicy } from '../risk-policy/index.js'
import { evaluateRiskRegister, type RiskRegister } from '../risk-register/index.js'
import { BUILT_IN_RULES, generateThreats, type Threat } from '../threats/index.js'
import type { Finding } from '../vulnerabilities/index.js'
import type { DocumentLanguage } from '../documents/index.js'
import type { InstalledBaseEntry } from '../installed-base/index.js'
import type { EvaluatedFinding } from '../risk-register/index.js'
import type { ApprovalRecord } from './signatures.js'

/** An architecture view already drawn as SVG by the caller (drawing is render/'s job). */
export interface ViewFigure {
  /** The view id as `viewId` gives it: `global`, `multi-patient`, `update` or `use-case:<function>`. */
  readonly id: string
  readonly title: string
  readonly svg: string
}

/**
 * What a scan against the advisory store found for the documented release; absent when no store
 * was synced, and the documents then say that only triaged findings are shown.
 */
export interface KnownVulnerabilities {
  /** The store generation the findings come from, for the record. */
  readonly generation: string
  readonly findings: readonly Finding[]
}

export interface ReportInputs {
  readonly model: DeviceModel
  readonly policy: RiskPolicy
  /** True when the model names no policy and medcyber's example policy applies. */
  readonly policyIsExample: boolean
  readonly date: CalendarDate
  readonly language: DocumentLanguage
  /** The release documented; defaults to the latest release by date. */
  readonly release?: string
  readonly figures?: readonly ViewFigure[]
  readonly knownVulnerabilities?: KnownVulnerabilities
  /**
   * The product's electronic signatures (from the team server's store). When given, every
   * document ends with a signatures section; a model folder on disk has none, and its documents
   * have no such section.
   */
  readonly approvals?: ApprovalRecord
  /**
   * Which customers run which releases (the team server's imported installed base): notices
   * list their recipients, the transfer package the sites still running the release, and the
   * metrics count deployment from it. Absent for a model folder on disk.
   */
  readonly installedBase?: readonly InstalledBaseEntry[]
  /** The stored evaluation's findings with the day each was first seen (team server only). */
  readonly evaluatedFindings?: readonly EvaluatedFinding[]
}

/** Everything the deliverables draw from, computed once per report run. */
export interface ReportContext extends ReportInputs {
  readonly release?: string
  readonly figures: readonly ViewFigure[]
  readonly threats: readonly Threat[]
  readonly register: RiskRegister
  readonly coverage: CoverageReport
  readonly cyberDevice: CyberDeviceDetermination
  readonly support: readonly ReleaseSupportStatus[]
}

/** The release documents speak of: the one asked for, else the latest by date. */
export const documentedRelease = (model: DeviceModel, release?: string): string | undefined =>
  release ??
  [...model.releases]
    .sort((a, b) =>
      a.date === b.date ? (a.version < b.version ? -1 : 1) : a.date < b.date ? -1 : 1,
    )
    .at(-1)?.version

export const createReportContext = (inputs: ReportInputs): ReportContext => {
  const { model, policy, date } = inputs
  const release = documentedRelease(model, inputs.release)
  const threats = generateThreats(model, BUILT_IN_RULES, { date })
  return {
    ...inputs,
    ...(release === undefined ? {} : { release }),
    figures: inputs.figures ?? [],
    threats,
    register: evaluateRiskRegister(model, threats, policy, {
      today: date,
      ...(release === undefined ? {} : { release }),
    }),
    coverage: computeControlCoverage(model, threats),
    cyberDevice: determineCyberDevice(model),
    support: supportStatusOn(model, date),
  }
}
