import type { SecurityCapability } from '../../model/index.js'
import type { ReportContext } from '../report-context.js'
import { ACCESS_RULES } from './derive-access.js'
import { CONNECTIVITY_RULES } from './derive-connectivity.js'
import { DESCRIPTION_RULES } from './derive-description.js'
import { LIFECYCLE_RULES } from './derive-lifecycle.js'
import { deviceFacts, joinIds, type DeviceFacts } from './device-facts.js'
import {
  derived,
  type DerivedAnswer,
  type Mds2Form,
  type Mds2FormSection,
  type Mds2Response,
  type Mds2Row,
} from './mds2-form.js'
import { MDS2_QUESTION_BANK, MDS2_QUESTION_IDS } from './question-bank.js'

type Rule = (facts: DeviceFacts, ctx: ReportContext) => DerivedAnswer | undefined

const RULES: Readonly<Record<string, Rule>> = {
  ...DESCRIPTION_RULES,
  ...CONNECTIVITY_RULES,
  ...ACCESS_RULES,
  ...LIFECYCLE_RULES,
}

/** The question a control's IEC TR 80001-2-2 capability answers yes, when nothing more exact does. */
const CAPABILITY_QUESTIONS: Readonly<Partial<Record<SecurityCapability, readonly string[]>>> = {
  ALOF: ['ALOF-1'],
  AUDT: ['AUDT-1', 'AUDT-2'],
  AUTH: ['AUTH-1'],
  DIDT: ['DIDT-1'],
  EMRG: ['EMRG-1'],
  IGAU: ['IGAU-1'],
  MLDP: ['MLDP-2'],
  NAUT: ['NAUT-1'],
  PLOK: ['PLOK-2'],
  SGUD: ['SGUD-1'],
  STCF: ['STCF-1'],
  TXCF: ['TXCF-2'],
  TXIG: ['TXIG-1'],
}

/** Questions a quality-system document answers yes by existing: "is X documented/available?". */
const DOCUMENT_QUESTIONS: ReadonlySet<string> = new Set([
  'DOC-8',
  'DOC-10',
  'AUDT-2.11',
  'AUDT-4',
  'CONN-2',
  'CSUP-2.1',
  'CSUP-11',
  'NAUT-2.1',
  'PAUT-4',
  'RDMP-1',
  'RDMP-2',
  'RDMP-3',
  'RDMP-4',
  'SAHD-13',
  'SAHD-14.1',
  'SBOM-4',
  'SGUD-1',
  'SGUD-2',
  'SGUD-3',
  'SGUD-4',
  'STCF-1.3',
])

/** Parents whose No makes their sub-questions not applicable ("If yes, complete 2.1-2.4"). */
const CONDITIONAL_PARENTS: ReadonlySet<string> = new Set([
  'DOC-11',
  'MPII-2',
  'MPII-3',
  'AUDT-2',
  'AUDT-5',
  'CSUP-2',
  'CSUP-3',
  'CSUP-4',
  'CSUP-5',
  'CSUP-6',
  'MLDP-2',
  'MLDP-5',
  'NAUT-2',
  'CONN-1.1',
  'CONN-1.2',
  'CONN-7',
  'PAUT-14',
  'SAHD-14',
  'STCF-1',
  'RMOT-1',
])

/** Questions whose answer makes a whole section not applicable. */
const SECTION_GATES: readonly { id: string; when: Mds2Response; prefix: string }[] = [
  { id: 'CSUP-1', when: 'no', prefix: 'CSUP-' },
  { id: 'PLOK-1', when: 'yes', prefix: 'PLOK-' },
  { id: 'MPII-1', when: 'no', prefix: 'MPII-' },
]

const parentOf = (id: string): string | undefined => {
  const cut = id.lastIndexOf('.')
  return cut === -1 ? undefined : id.slice(0, cut)
}

const capabilityAnswers = (facts: DeviceFacts): Map<string, DerivedAnswer> => {
  const answers = new Map<string, DerivedAnswer>()
  const byQuestion = new Map<string, string[]>()
  for (const control of facts.controls)
    for (const capability of control.capabilities ?? [])
      for (const question of CAPABILITY_QUESTIONS[capability] ?? [])
        byQuestion.set(question, [...(byQuestion.get(question) ?? []), control.id])
  for (const [question, controls] of byQuestion) {
    const names = facts.controls
      .filter((control) => controls.includes(control.id))
      .map((control) => control.name)
      .sort()
    answers.set(question, derived('yes', `controls ${joinIds(controls)}`, names.join('; ')))
  }
  return answers
}

const evidenceNotes = (ctx: ReportContext): Map<string, { ids: string[]; text: string[] }> => {
  const notes = new Map<string, { ids: string[]; text: string[] }>()
  for (const document of ctx.model.evidence)
    for (const topic of document.covers) {
      if (!topic.startsWith('MDS2:')) continue
      const question = topic.slice('MDS2:'.length)
      const entry = notes.get(question) ?? { ids: [], text: [] }
      entry.ids.push(document.id)
      entry.text.push(
        `${document.id} ${document.title}${document.version === undefined ? '' : ` (${document.version})`}`,
      )
      notes.set(question, entry)
    }
  return notes
}

const joinNotes = (...parts: readonly string[]): string =>
  parts.filter((part) => part !== '').join('. ')

const needsInput = (id: string, question: string, note = ''): Mds2Row => ({
  id,
  question,
  answer: 'needs-input',
  note,
  basis: 'needs input',
})

/** Updatability controls shown with CSUP-1, so the update story travels with the form. */
const updateControlsNote = (facts: DeviceFacts): string => {
  const names = facts.controls
    .filter((control) => control.category === 'updatability-patchability')
    .map((control) => control.name)
    .sort()
  return names.length === 0 ? '' : `Update controls: ${names.join('; ')}`
}

interface Sources {
  readonly facts: DeviceFacts
  readonly ctx: ReportContext
  readonly capabilities: ReadonlyMap<string, DerivedAnswer>
  readonly evidence: ReadonlyMap<string, { ids: string[]; text: string[] }>
  readonly people: ReadonlyMap<string, { answer: Mds2Response; note?: string }>
}

const answerQuestion = (sources: Sources, id: string, question: string): Mds2Row => {
  const given = sources.people.get(id)
  if (given !== undefined)
    return {
      id,
      question,
      answer: given.answer,
      note: given.note ?? '',
      basis: 'manufacturer answer',
    }
  const cited = sources.evidence.get(id)
  const citedNote = cited === undefined ? '' : `Evidence: ${cited.text.join('; ')}`
  let found = RULES[id]?.(sources.facts, sources.ctx) ?? sources.capabilities.get(id)
  if (found === undefined && cited !== undefined && DOCUMENT_QUESTIONS.has(id))
    found = derived('yes', `evidence ${joinIds(cited.ids)}`)
  if (found === undefined) return needsInput(id, question, citedNote)
  const extra = id === 'CSUP-1' ? updateControlsNote(sources.facts) : ''
  return { id, question, ...found, note: joinNotes(found.note, extra, citedNote) }
}

/** The question whose answer makes this one not applicable, if any. */
const notApplicableBecause = (
  id: string,
  answerOf: (id: string) => Mds2Response | undefined,
): string | undefined => {
  const gate = SECTION_GATES.find(
    (candidate) =>
      id.startsWith(candidate.prefix) &&
      id !== candidate.id &&
      answerOf(candidate.id) === candidate.when,
  )
  if (gate !== undefined) return gate.id
  let parent = parentOf(id)
  while (parent !== undefined && !(CONDITIONAL_PARENTS.has(parent) && answerOf(parent) === 'no'))
    parent = parentOf(parent)
  return parent
}

/** Form order matters: a parent is settled before its sub-questions look at it. */
const applyFormLogic = (rows: Map<string, Mds2Row>): void => {
  const answerOf = (id: string): Mds2Response | undefined => rows.get(id)?.answer
  for (const id of MDS2_QUESTION_IDS) {
    const row = rows.get(id)
    // People's answers stand; derived ones yield to the form's own "if yes, complete …" logic.
    if (row === undefined || row.basis === 'manufacturer answer') continue
    const cause = notApplicableBecause(id, answerOf)
    if (cause === undefined) continue
    rows.set(id, {
      ...row,
      answer: 'n/a',
      note: row.answer === 'needs-input' ? row.note : '',
      basis: `derived from ${cause} (${answerOf(cause) === 'yes' ? 'Yes' : 'No'})`,
    })
  }
}

/**
 * The answered MDS2: each question derived from the model where the model knows, people's
 * answers (`mds2Answers`) over those, sub-questions of a No made N/A, and the rest left as
 * "needs input" for a person to answer.
 */
export const mds2Form = (ctx: ReportContext): Mds2Form => {
  const facts = deviceFacts(ctx.model, ctx.release)
  const sources: Sources = {
    facts,
    ctx,
    capabilities: capabilityAnswers(facts),
    evidence: evidenceNotes(ctx),
    people: new Map(ctx.model.mds2Answers.map((answer) => [answer.question, answer])),
  }
  const rows = new Map<string, Mds2Row>()
  for (const part of MDS2_QUESTION_BANK)
    for (const { id, question } of part.questions)
      rows.set(id, answerQuestion(sources, id, question))
  applyFormLogic(rows)

  const sections: Mds2FormSection[] = MDS2_QUESTION_BANK.map((part) => ({
    id: part.id,
    title: part.title,
    ...(part.description === undefined ? {} : { description: part.description }),
    questions: part.questions.map(({ id, question }) => rows.get(id) ?? needsInput(id, question)),
  }))
  const known = new Set(MDS2_QUESTION_IDS)
  return {
    form: 'MDS2',
    edition: 'HN 1-2019',
    product: ctx.model.product.name,
    modelNumbers: ctx.model.product.modelNumbers,
    manufacturer: ctx.model.product.manufacturer.name,
    ...(ctx.release === undefined ? {} : { release: ctx.release }),
    date: ctx.date,
    sections,
    unknownAnswers: ctx.model.mds2Answers
      .map((answer) => answer.question)
      .filter((id) => !known.has(id))
      .sort(),
  }
}
