import { note, paragraph, strong, type Block } from '../../documents/index.js'
import type { ReportContext } from '../report-context.js'

/** The risk policy as the documents name it: title, id and version. */
export const policyName = (ctx: ReportContext): string =>
  `${ctx.policy.title} (${ctx.policy.id}, version ${ctx.policy.version})`

/**
 * Says whose acceptance criteria these are. With medcyber's example policy the warning is loud:
 * FDA defines no matrix, so an example must never pass for the manufacturer's own criteria.
 */
export const policyStatement = (ctx: ReportContext): Block[] => {
  const { policy } = ctx
  if (ctx.policyIsExample) {
    return [
      note(
        strong('Example risk policy. '),
        `The risk ratings in this document use medcyber's example risk policy (${policy.id}, version ${policy.version}) because the device model names no risk policy of its own. Its levels and matrix cells are a manufacturer choice, not an FDA requirement: FDA defines no risk matrix. Replace it with the acceptance criteria of the manufacturer's security risk management plan before submission.`,
      ),
    ]
  }
  const approval = [
    policy.approvedBy === undefined ? undefined : `approved by ${policy.approvedBy}`,
    policy.effective === undefined ? undefined : `effective ${policy.effective}`,
  ].filter((part): part is string => part !== undefined)
  return [
    paragraph(
      `Risks are rated under the manufacturer's own risk policy, ${policyName(ctx)}${approval.length === 0 ? '' : `, ${approval.join(', ')}`}.`,
    ),
  ]
}
