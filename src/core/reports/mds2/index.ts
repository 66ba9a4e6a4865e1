import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { mds2Form } from './answer-form.js'
import { mds2Document } from './mds2-document.js'

export { mds2Form } from './answer-form.js'
export { MDS2_ANSWER_LABELS, type Mds2Form, type Mds2Row } from './mds2-form.js'
export { MDS2_QUESTION_BANK, MDS2_QUESTION_IDS, MDS2_SECTION_IDS } from './question-bank.js'

/** The MDS2 deliverable: the answered form as a document and as `mds2.json`. */
export const buildMds2 = (ctx: ReportContext): DeliverablePart[] => {
  const form = mds2Form(ctx)
  return [
    { kind: 'document', tree: mds2Document(form) },
    { kind: 'data', id: 'mds2', extension: 'json', data: form },
  ]
}
