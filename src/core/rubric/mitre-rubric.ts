import { err, ok, type Result } from '../result.js'

/**
 * The MITRE "Rubric for Applying CVSS to Medical Devices" (FDA-qualified MDDT, 2020) as a
 * decision procedure: questions with ids XAVN ... XAO whose answers give a CVSS v3.1 base vector.
 * The question ids come from MITRE's public calculator; the answer-to-metric logic follows the
 * rubric as summarised in docs (domain reference C.2), not the PDF, which we could not read. The
 * points that summary marks uncertain are options, with the defaults documented below.
 */

export const ANSWERS = ['yes', 'no', 'unknown'] as const
export type Answer = (typeof ANSWERS)[number]

/** The rubric's data and function categories, with the letter its question ids use. */
export const RUBRIC_CATEGORIES = {
  P: 'PHI or other personal data',
  D: 'diagnosis or monitoring data or function',
  T: 'therapy delivery data or function',
  W: 'clinical workflow data or function',
  S: 'system secrets (passwords, keys) and system-user data',
  O: 'other critical data or function',
} as const
export type RubricCategory = keyof typeof RUBRIC_CATEGORIES
const CATEGORY_LETTERS = Object.keys(RUBRIC_CATEGORIES) as RubricCategory[]

export const QUESTIONS: Readonly<Record<string, string>> = {
  XAVN: 'Can the attack be carried out over a network or communication protocol?',
  XAVT: 'Is the protocol at OSI layer 3 or 4 (IP, TCP, UDP)?',
  XAVW: 'Is the channel wireless?',
  XAVR: 'Is the wireless range about 10 feet (3 m) or less?',
  XAVP: 'Must the attacker be in physical contact with the device?',
  XAVPA: 'Is the device accessed through a human-user interface?',
  XACL: 'Can the attacker attempt the attack at will, without special circumstances or other attacks?',
  XPRL: 'Does the device have a multi-user or role-based authorization model?',
  XPRZ: 'Must the attacker already be authorized to the vulnerable component?',
  XPRS: 'Are administrator, maintainer or system-level privileges needed?',
  XUI: 'Does success depend on another user (a victim) taking an action?',
  XS: 'Can the attacker affect a component with a different authorization scope?',
  ...Object.fromEntries(
    CATEGORY_LETTERS.flatMap((c) => [
      [`XC${c}`, `Can the attack disclose ${RUBRIC_CATEGORIES[c]}?`],
      [`XI${c}`, `Can the attack modify ${RUBRIC_CATEGORIES[c]}?`],
      [`XA${c}`, `Can the attack make ${RUBRIC_CATEGORIES[c]} unavailable?`],
    ]),
  ),
  XCPM: 'Could many patients be affected (e.g. 500 or more, triggering breach notification)?',
}

export interface RubricAnswer {
  readonly answer: Answer
  readonly rationale?: string
}

export type RubricAnswers = Readonly<Partial<Record<string, RubricAnswer>>>

/**
 * The points the rubric summary marks uncertain. Defaults follow the open implementation the
 * summary was taken from; a manufacturer may choose otherwise and must say so.
 */
export interface RubricOptions {
  /** AV for a wired protocol that is not IP (XAVW = no). Default `L`. */
  readonly nonIpWired: 'L' | 'A'
  /** AV for short-range wireless (XAVR = yes). Default `L`. */
  readonly shortRangeWireless: 'L' | 'A'
}

export const DEFAULT_RUBRIC_OPTIONS: RubricOptions = { nonIpWired: 'L', shortRangeWireless: 'L' }

export interface RubricStep {
  readonly question: string
  readonly text: string
  readonly answer: Answer
  readonly rationale?: string
}

export interface RubricResult {
  readonly vector: string
  readonly metrics: Readonly<Record<'AV' | 'AC' | 'PR' | 'UI' | 'S' | 'C' | 'I' | 'A', string>>
  /** Every question asked, in order, with its answer and rationale: the audit record. */
  readonly steps: readonly RubricStep[]
  readonly options: RubricOptions
}

export interface RubricError {
  readonly code: 'rubric/missing-answer'
  readonly question: string
  readonly message: string
}

/** Unwinds the walk when an answer on the path is missing; turned into a RubricError below. */
class MissingAnswer extends Error {
  readonly question: string

  constructor(question: string) {
    super(`no answer to ${question}`)
    this.question = question
  }
}

/**
 * Walks the rubric with the given answers. Questions off the path taken are not needed; a
 * missing answer on the path is an error naming the question. "Unknown" leads to the worse
 * (higher-scoring) value, as the rubric asks.
 */
export const applyRubric = (
  answers: RubricAnswers,
  options: RubricOptions = DEFAULT_RUBRIC_OPTIONS,
): Result<RubricResult, RubricError> => {
  const steps: RubricStep[] = []
  const ask = (question: string): Answer => {
    const given = answers[question]
    if (given === undefined) throw new MissingAnswer(question)
    steps.push({
      question,
      text: QUESTIONS[question] ?? question,
      answer: given.answer,
      ...(given.rationale === undefined ? {} : { rationale: given.rationale }),
    })
    return given.answer
  }
  try {
    const metrics = {
      AV: attackVector(ask, options),
      AC: ask('XACL') === 'no' ? 'H' : 'L',
      PR: privileges(ask),
      UI: ask('XUI') === 'yes' ? 'R' : 'N',
      S: ask('XS') === 'no' ? 'U' : 'C',
      C: impact(ask, 'C'),
      I: impact(ask, 'I'),
      A: impact(ask, 'A'),
    }
    const vector = `CVSS:3.1/${Object.entries(metrics)
      .map(([k, v]) => `${k}:${v}`)
      .join('/')}`
    return ok({ vector, metrics, steps, options })
  } catch (error) {
    if (error instanceof MissingAnswer) {
      return err({
        code: 'rubric/missing-answer',
        question: error.question,
        message: `the rubric needs an answer to ${error.question}: ${QUESTIONS[error.question] ?? ''}`,
      })
    }
    throw error
  }
}

type Ask = (question: string) => Answer

const attackVector = (ask: Ask, options: RubricOptions): string => {
  const network = ask('XAVN')
  if (network === 'unknown') return 'N'
  if (network === 'no') {
    if (ask('XAVP') !== 'yes') return 'L'
    // The rubric asks XAVPA, but both answers lead to Physical in the implementation we follow.
    ask('XAVPA')
    return 'P'
  }
  if (ask('XAVT') !== 'no') return 'N'
  if (ask('XAVW') === 'no') return options.nonIpWired
  return ask('XAVR') === 'yes' ? options.shortRangeWireless : 'A'
}

const privileges = (ask: Ask): string => {
  if (ask('XPRL') !== 'yes') return 'N'
  if (ask('XPRZ') !== 'yes') return 'N'
  return ask('XPRS') === 'yes' ? 'H' : 'L'
}

/** The highest impact over the categories: therapy or diagnosis loss drives High without PHI. */
const impact = (ask: Ask, property: 'C' | 'I' | 'A'): string => {
  const levels = CATEGORY_LETTERS.map((category) => {
    const answer = ask(`X${property}${category}`)
    if (answer === 'no') return 'N'
    if (property === 'C' && category === 'P' && answer === 'yes') {
      return ask('XCPM') === 'no' ? 'L' : 'H'
    }
    return 'H'
  })
  return levels.includes('H') ? 'H' : levels.includes('L') ? 'L' : 'N'
}
