import {
  needsInput,
  note,
  paragraph,
  section,
  tableBlock,
  type CellHighlight,
  type DataTable,
  type DocumentSection,
  type DocumentTree,
} from '../../documents/index.js'
import { MDS2_ANSWER_LABELS, type Mds2Form, type Mds2FormSection } from './mds2-form.js'

const sectionTable = (part: Mds2FormSection): DataTable => ({
  title: part.id,
  columns: [
    { key: 'id', title: 'Question ID', type: 'text', width: 12 },
    { key: 'question', title: 'Question', type: 'text', width: 60 },
    { key: 'answer', title: 'Answer', type: 'text', width: 10 },
    { key: 'note', title: 'Note', type: 'text', width: 50 },
    { key: 'basis', title: 'Basis', type: 'text', width: 30 },
  ],
  rows: part.questions.map((row) => ({
    id: row.id,
    question: row.question,
    answer: MDS2_ANSWER_LABELS[row.answer],
    note:
      row.answer === 'needs-input'
        ? ['Needs input', row.note].filter(Boolean).join('. ')
        : row.note,
    basis: row.basis,
  })),
})

const formSection = (part: Mds2FormSection): DocumentSection => {
  const highlights: CellHighlight[] = part.questions.flatMap((row, index) =>
    row.answer === 'needs-input' ? [{ row: index, tone: 'gap' as const }] : [],
  )
  const open = highlights.length
  return section(`mds2-${part.id.toLowerCase()}`, `${part.title} (${part.id})`, [
    ...(part.description === undefined ? [] : [paragraph(part.description)]),
    ...(open === 0
      ? []
      : [
          needsInput(
            `${open.toString()} of ${part.questions.length.toString()} ${part.id} questions: the model does not say`,
          ),
        ]),
    tableBlock(sectionTable(part), { caption: `${part.id} questions and answers`, highlights }),
  ])
}

const count = (form: Mds2Form, test: (basis: string, answer: string) => boolean): number =>
  form.sections.reduce(
    (sum, part) => sum + part.questions.filter((row) => test(row.basis, row.answer)).length,
    0,
  )

const aboutSection = (form: Mds2Form): DocumentSection => {
  const total = count(form, () => true)
  const open = count(form, (_basis, answer) => answer === 'needs-input')
  const given = count(form, (basis) => basis === 'manufacturer answer')
  return section('mds2-about', 'About this disclosure', [
    paragraph(
      `This Manufacturer Disclosure Statement for Medical Device Security follows the ANSI/NEMA HN 1-2019 form: ${form.sections.length.toString()} sections, ${total.toString()} questions in form order.`,
    ),
    paragraph(
      `${(total - open - given).toString()} answers are derived from the device model, ${given.toString()} are the manufacturer's own answers and ${open.toString()} need input. The Basis column says where each answer comes from; derived answers name the model items they rest on.`,
    ),
    note(
      'Answers derived from the model describe the device as modelled. A No derived from the model means the model lists nothing of the kind; review every answer before the statement is issued.',
    ),
    ...(open === 0
      ? []
      : [needsInput(`${open.toString()} questions the model cannot answer (highlighted)`)]),
    ...(form.unknownAnswers.length === 0
      ? []
      : [
          note(
            `Answers in the model for question ids the 2019 form does not have, left out: ${form.unknownAnswers.join(', ')}`,
          ),
        ]),
  ])
}

/** The answered form as a document: one section per MDS2 section, needs-input rows highlighted. */
export const mds2Document = (form: Mds2Form): DocumentTree => ({
  id: 'mds2',
  title: 'Manufacturer Disclosure Statement for Medical Device Security (MDS2)',
  subtitle: `ANSI/NEMA ${form.edition}`,
  // The 2019 form exists only in English; no confirmed Japanese wording (glossary-ja §3).
  language: 'en',
  date: form.date,
  product: form.product,
  modelNumbers: form.modelNumbers,
  manufacturer: form.manufacturer,
  ...(form.release === undefined ? {} : { release: form.release }),
  sections: [aboutSection(form), ...form.sections.map(formSection)],
})
