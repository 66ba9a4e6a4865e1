import type { Mds2SectionId } from './question-bank.js'

/** What a row of the answered form says; `needs-input` rows wait for a person. */
export const MDS2_RESPONSES = ['yes', 'no', 'n/a', 'see-note', 'needs-input'] as const
export type Mds2Response = (typeof MDS2_RESPONSES)[number]

export interface Mds2Row {
  readonly id: string
  readonly question: string
  readonly answer: Mds2Response
  readonly note: string
  /** Where the answer comes from: `derived from …`, `manufacturer answer` or `needs input`. */
  readonly basis: string
}

export interface Mds2FormSection {
  readonly id: Mds2SectionId
  readonly title: string
  readonly description?: string
  readonly questions: readonly Mds2Row[]
}

/** The answered form, as written to `mds2.json` and laid out in the .xlsx. */
export interface Mds2Form {
  readonly form: 'MDS2'
  readonly edition: 'HN 1-2019'
  readonly product: string
  readonly modelNumbers: readonly string[]
  readonly manufacturer: string
  readonly release?: string
  readonly date: string
  readonly sections: readonly Mds2FormSection[]
  /** Question ids in the model's mds2Answers that the 2019 form does not have. */
  readonly unknownAnswers: readonly string[]
}

/** An answer medcyber derives from the model, before people's answers override it. */
export interface DerivedAnswer {
  readonly answer: Exclude<Mds2Response, 'needs-input'>
  readonly note: string
  readonly basis: string
}

export const derived = (
  answer: DerivedAnswer['answer'],
  basis: string,
  note = '',
): DerivedAnswer => ({ answer, note, basis: `derived from ${basis}` })

export const MDS2_ANSWER_LABELS: Readonly<Record<Mds2Response, string>> = {
  yes: 'Yes',
  no: 'No',
  'n/a': 'N/A',
  'see-note': 'See note',
  'needs-input': '',
}
