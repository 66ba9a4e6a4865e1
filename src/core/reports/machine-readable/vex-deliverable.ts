import { exportVex } from '../../vex/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'

/**
 * The VEX of the documented release as CycloneDX and as CSAF (`csaf_vex`), from the model's
 * triage with carry-over, dated the report date. Export warnings (e.g. a mitigation without a
 * verified control) are the model checker's to report, not the document's.
 */
export const buildVexDeliverable = (ctx: ReportContext): DeliverablePart[] => {
  const release = ctx.release === undefined ? {} : { release: ctx.release }
  const stem = `vex-${ctx.model.product.id}-${ctx.release ?? 'all'}`
  const cyclonedx = exportVex(ctx.model, { format: 'cyclonedx', at: ctx.date, ...release })
  const csaf = exportVex(ctx.model, { format: 'csaf', at: ctx.date, ...release })
  return [
    { kind: 'data', id: stem, extension: 'cdx.json', data: cyclonedx.document },
    { kind: 'data', id: stem, extension: 'csaf.json', data: csaf.document },
  ]
}
