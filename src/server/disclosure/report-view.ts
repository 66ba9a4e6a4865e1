import {
  advisoryDraftGaps,
  DISCLOSURE_TRANSITIONS,
  type DisclosureReport,
} from '../../core/disclosure/index.js'
import { scoreCvss } from '../../core/index.js'

/** A report as the API shows it: the stored fields and what follows from them on `today`. */
export const reportView = (report: DisclosureReport, today: string) => {
  const scored = report.cvssVector === null ? undefined : scoreCvss(report.cvssVector)
  return {
    ...report,
    affectedReleases: [...report.affectedReleases],
    acknowledgementOverdue: report.acknowledgedAt === null && report.acknowledgeDue < today,
    cvssScore: scored?.ok === true ? scored.value.baseScore : null,
    cvssSeverity: scored?.ok === true ? scored.value.severity : null,
    nextStates: [...DISCLOSURE_TRANSITIONS[report.state]],
    draftGaps: advisoryDraftGaps(report),
  }
}
