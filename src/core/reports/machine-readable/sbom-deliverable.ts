import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { buildCycloneDxSbom } from './cyclonedx-sbom.js'
import { buildSpdxSbom } from './spdx-sbom.js'

/**
 * The SBOM of the documented release in both formats regulators and hospitals ask for. A model
 * without releases has no SBOM to give; the CLI reports the empty result.
 */
export const buildSbomDeliverable = (ctx: ReportContext): DeliverablePart[] => {
  const cyclonedx = buildCycloneDxSbom(ctx)
  const spdx = buildSpdxSbom(ctx)
  const stem = `sbom-${ctx.model.product.id}-${ctx.release ?? ''}`
  return [
    ...(cyclonedx === undefined
      ? []
      : [{ kind: 'data' as const, id: stem, extension: 'cdx.json', data: cyclonedx }]),
    ...(spdx === undefined
      ? []
      : [{ kind: 'data' as const, id: stem, extension: 'spdx.json', data: spdx }]),
  ]
}
