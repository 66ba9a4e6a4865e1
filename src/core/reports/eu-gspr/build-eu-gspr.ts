import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { gsprChecklist } from './gspr-checklist.js'
import { ifuSecurity } from './ifu-security.js'
import { minimumItRequirements } from './minimum-it-requirements.js'

/** The EU documents: GSPR checklist, minimum IT requirements and the IFU security sections. */
export const buildEuGspr = (ctx: ReportContext): DeliverablePart[] => [
  { kind: 'document', tree: gsprChecklist(ctx) },
  { kind: 'document', tree: minimumItRequirements(ctx) },
  { kind: 'document', tree: ifuSecurity(ctx) },
]
