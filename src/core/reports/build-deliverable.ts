import { DELIVERABLE_LANGUAGES } from './deliverable-languages.js'
import type { DeliverableKind, DeliverablePart } from './deliverable.js'
import { buildEosTransferPackage } from './eos-transfer-package/index.js'
import { buildEuGspr } from './eu-gspr/index.js'
import { buildFdaPremarket } from './fda-premarket/index.js'
import { buildJpChecklist } from './jp-checklist/index.js'
import { buildLabeling } from './labeling/index.js'
import { buildLifecycleNotices } from './lifecycle-notice/index.js'
import {
  buildCsafAdvisories,
  buildSbomDeliverable,
  buildVexDeliverable,
} from './machine-readable/index.js'
import { buildMds2 } from './mds2/index.js'
import { buildPmaAnnualReport } from './pma-annual-report/index.js'
import type { ReportContext } from './report-context.js'
import { withSignatures } from './signatures.js'
import { buildTraceability } from './traceability/index.js'

const BUILDERS: Readonly<Record<DeliverableKind, (ctx: ReportContext) => DeliverablePart[]>> = {
  'fda-premarket': buildFdaPremarket,
  mds2: buildMds2,
  'jp-checklist': buildJpChecklist,
  'eu-gspr': buildEuGspr,
  labeling: buildLabeling,
  'lifecycle-notice': buildLifecycleNotices,
  'eos-transfer-package': buildEosTransferPackage,
  sbom: buildSbomDeliverable,
  vex: buildVexDeliverable,
  'csaf-advisory': buildCsafAdvisories,
  traceability: buildTraceability,
  'pma-annual-report': buildPmaAnnualReport,
}

/**
 * The parts of one deliverable, in the context's language where the deliverable has it, each
 * document ending with the signatures that apply to it when the context has approvals.
 */
export const buildDeliverable = (kind: DeliverableKind, ctx: ReportContext): DeliverablePart[] => {
  const language = DELIVERABLE_LANGUAGES[kind].includes(ctx.language) ? ctx.language : 'en'
  const parts = BUILDERS[kind](language === ctx.language ? ctx : { ...ctx, language })
  return ctx.approvals === undefined ? parts : withSignatures(parts, kind, ctx.approvals)
}
