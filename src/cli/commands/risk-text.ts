import { safetyProbabilityNote, type RiskEntry, type RiskRating } from '../../core/index.js'
import type { RiskReport } from '../../services/index.js'

const point = (rating: RiskRating): string => `${rating.exploitability} x ${rating.severity}`

const acceptableText = (entry: RiskEntry): string => {
  if (entry.controlStatus === 'uncontrolled') return 'NO (uncontrolled)'
  const accepted = entry.acceptance
  if (accepted === undefined) {
    return entry.acceptable ? 'yes' : `NO (${entry.residual.acceptability}, not accepted)`
  }
  if (accepted.state === 'lapsed') return `NO (acceptance lapsed ${accepted.reReview})`
  return entry.acceptable
    ? `yes, accepted by ${accepted.approvedBy} until ${accepted.reReview}`
    : `NO (${entry.residual.acceptability})`
}

const entryText = (entry: RiskEntry): string => {
  const lines = [
    `${entry.controlStatus === 'uncontrolled' ? '!' : ' '} ${entry.id}  [${entry.source}, ${entry.status}]`,
    `    ${entry.title}`,
    `    before controls: ${point(entry.before)} (${entry.before.controlStatus}); after: ${point(entry.residual)} -> ${entry.controlStatus}`,
    `    acceptable: ${acceptableText(entry)}`,
  ]
  if (entry.controls.length > 0) {
    lines.push(
      `    controls: ${entry.controls.map((control) => (control.compensating ? `${control.id} (compensating)` : control.id)).join(', ')}`,
    )
  }
  if (entry.hazardousSituations.length > 0) {
    lines.push(`    hazardous situations: ${entry.hazardousSituations.join(', ')}`)
  }
  for (const deadline of entry.deadlines) {
    const { state, daysRemaining } = deadline.status
    const when =
      daysRemaining >= 0
        ? `${String(daysRemaining)} days left`
        : `${String(-daysRemaining)} days ago`
    lines.push(
      `    due ${deadline.due} (${state}, ${when}): ${deadline.title} [${deadline.source.clause}]`,
    )
  }
  return lines.join('\n')
}

/** The register as a risk manager reads it: worst first, then the release and FDA figures. */
export const riskText = (report: RiskReport, showUnevaluated: boolean): string => {
  const { register, oversight, metrics } = report
  const { policy, summary } = register
  const order = (entry: RiskEntry): number =>
    entry.controlStatus === 'uncontrolled' ? 0 : entry.acceptable ? 2 : 1
  const entries = [...register.entries].sort((a, b) => order(a) - order(b))
  const out = [
    `Security risk register: ${report.productName}${register.release === undefined ? '' : `, release ${register.release}`}, ${register.today}`,
    `Policy: ${policy.title} (${policy.id}), version ${policy.version}`,
    `Safety risk file: ${safetyProbabilityNote(policy)}`,
    '',
    ...entries.map(entryText),
    '',
    `${String(summary.evaluated)} risks evaluated: ${String(summary.uncontrolled)} uncontrolled, ${String(summary.unacceptable)} not acceptable, ${String(summary.accepted)} accepted, ${String(summary.acceptanceLapsed)} acceptances lapsed, ${String(summary.deadlinesMissed)} deadlines missed`,
    `${String(summary.unevaluated)} threats and findings not yet evaluated${showUnevaluated || summary.unevaluated === 0 ? '' : ' (list them with --unevaluated)'}`,
  ]
  if (showUnevaluated) {
    for (const item of register.unevaluated) {
      out.push(`  ${item.id}  [${item.source}] ${item.title}: ${item.reason}`)
    }
  }
  if (oversight.length > 0) {
    out.push('', 'IMDRF N60 update oversight level per release:')
    for (const release of oversight) {
      out.push(`  ${release.release} (${release.date}): ${release.level}`)
      for (const change of release.changes) out.push(`    ${change.level}: ${change.reason}`)
    }
  }
  const value = (number: number | null, unit: string) =>
    number === null ? 'n/a' : `${String(number)}${unit}`
  out.push(
    '',
    `FDA metrics: ${String(metrics.identified)} vulnerabilities identified, ${String(metrics.patched)} patched (${value(metrics.percentPatched, ' %')}); mean ${value(metrics.meanDaysToPatch, ' days')} to patch (${String(metrics.patchDurations)} known${metrics.fixedBeforeIdentified === 0 ? '' : `, ${String(metrics.fixedBeforeIdentified)} fixed before identified`}), mean ${value(metrics.meanDaysToDeploy, ' days')} to deploy (${String(metrics.deployDurations)} known)`,
    '',
  )
  return out.join('\n')
}
