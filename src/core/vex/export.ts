import type { DeviceModel } from '../model/index.js'
import type { Issue } from '../issue.js'
import { buildCsafVex } from './csaf.js'
import { buildCycloneDxVex, type JsonObject } from './cyclonedx.js'
import { buildOpenVex } from './openvex.js'
import { vexStatement, type VexStatement } from './statement.js'
import { resolveTriage } from './triage.js'
import { MITIGATION_JUSTIFICATIONS } from './vocabulary-map.js'
import type { VexFormat } from './vex-formats.js'

export interface VexExportOptions {
  readonly format: VexFormat
  /** The document date, YYYY-MM-DD or a date-time: never read from a clock here. */
  readonly at: string
  readonly release?: string
}

export interface VexExport {
  readonly document: JsonObject
  readonly statements: readonly VexStatement[]
  readonly issues: readonly Issue[]
}

const BUILDERS = { cyclonedx: buildCycloneDxVex, csaf: buildCsafVex, openvex: buildOpenVex }

/** Decisions the export cannot say as written; the document says something safe instead. */
const exportIssues = (model: DeviceModel): Issue[] =>
  model.findingAssessments.flatMap((assessment, index): Issue[] => {
    const issues: Issue[] = []
    const path = ['findingAssessments', index]
    if (assessment.acceptedUntil !== undefined && assessment.status === 'not_affected') {
      issues.push({
        severity: 'warning',
        code: 'vex/accepted-not-affected',
        message: `finding '${assessment.finding}' is not_affected with acceptedUntil; an accepted risk exports as affected`,
        path: [...path, 'acceptedUntil'],
      })
    }
    const mitigated =
      assessment.status === 'not_affected' &&
      assessment.justification !== undefined &&
      MITIGATION_JUSTIFICATIONS.has(assessment.justification)
    if (mitigated && (assessment.controls ?? []).length === 0) {
      issues.push({
        severity: 'warning',
        code: 'vex/mitigation-without-control',
        message: `finding '${assessment.finding}' is not_affected because of a mitigation but names no control`,
        path: [...path, 'justification'],
      })
    }
    if (
      mitigated &&
      (assessment.controls ?? []).length > 0 &&
      (assessment.verifications ?? []).length === 0
    ) {
      issues.push({
        severity: 'warning',
        code: 'vex/control-not-verified',
        message: `finding '${assessment.finding}' relies on controls without a verification showing they work`,
        path: [...path, 'controls'],
      })
    }
    return issues
  })

/** A VEX document of the model's triage (with carry-over) in one format. */
export const exportVex = (model: DeviceModel, options: VexExportOptions): VexExport => {
  const release = options.release === undefined ? {} : { release: options.release }
  const statements = resolveTriage(model, release).map((triage) =>
    vexStatement(model, triage, options.at.slice(0, 10)),
  )
  return {
    document: BUILDERS[options.format](model, statements, { at: options.at, ...release }),
    statements,
    issues: exportIssues(model),
  }
}
