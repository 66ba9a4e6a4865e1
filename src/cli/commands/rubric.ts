import { parse } from 'yaml'

import {
  ANSWERS,
  applyRubric,
  DEFAULT_RUBRIC_OPTIONS,
  QUESTIONS,
  type Answer,
  type RubricAnswer,
  type RubricOptions,
  type RubricResult,
} from '../../core/index.js'
import { decodeText } from '../../formats/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'

const MAX_ANSWERS_BYTES = 1024 * 1024

interface AnswersFile {
  readonly answers: Record<string, RubricAnswer>
  readonly options?: Partial<RubricOptions>
}

/**
 * `medcyber rubric [--answers file]`: the MITRE medical CVSS rubric, asked question by question
 * at the terminal or answered from a file, giving a CVSS v3.1 base vector and the record of every
 * answer with its rationale.
 */
export const rubricCommand = async (
  io: CliIo,
  options: { answers?: string; json: boolean },
): Promise<ExitCode> => {
  const given =
    options.answers === undefined ? { answers: {} } : await readAnswers(io, options.answers)
  if (given === undefined) return EXIT_CODES.invalidInput
  const rubricOptions = { ...DEFAULT_RUBRIC_OPTIONS, ...given.options }
  const answers: Record<string, RubricAnswer> = { ...given.answers }
  for (;;) {
    const result = applyRubric(answers, rubricOptions)
    if (result.ok) {
      io.stdout(
        options.json ? `${JSON.stringify(result.value, null, 2)}\n` : formatResult(result.value),
      )
      return EXIT_CODES.ok
    }
    if (options.answers !== undefined) {
      io.stderr(`medcyber: ${options.answers}: ${result.error.message}\n`)
      return EXIT_CODES.invalidInput
    }
    const answer = await askQuestion(io, result.error.question)
    if (answer === undefined) {
      io.stderr('medcyber: input ended before the rubric was complete\n')
      return EXIT_CODES.invalidInput
    }
    answers[result.error.question] = answer
  }
}

const askQuestion = async (io: CliIo, question: string): Promise<RubricAnswer | undefined> => {
  for (;;) {
    const reply = await io.ask(`${question}: ${QUESTIONS[question] ?? ''} [yes/no/unknown] `)
    if (reply === undefined) return undefined
    const answer = reply.trim().toLowerCase()
    const word = ANSWERS.find((a) => a === answer || a[0] === answer)
    if (word === undefined) {
      io.stderr('  please answer yes, no or unknown (y/n/u)\n')
      continue
    }
    const rationale = (await io.ask('  rationale (optional): '))?.trim()
    return rationale === undefined || rationale === ''
      ? { answer: word }
      : { answer: word, rationale }
  }
}

const readAnswers = async (io: CliIo, file: string): Promise<AnswersFile | undefined> => {
  const bytes = await io.reader.read(file, MAX_ANSWERS_BYTES)
  const text = bytes.ok ? decodeText(bytes.value) : undefined
  if (text === undefined || !text.ok) {
    io.stderr(`medcyber: ${bytes.ok ? `${file} is not text` : bytes.error.message}\n`)
    return undefined
  }
  let content: unknown
  try {
    content = parse(text.value, { maxAliasCount: 100 })
  } catch (error) {
    io.stderr(
      `medcyber: ${file}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}\n`,
    )
    return undefined
  }
  const problem = checkAnswersFile(content)
  if (problem !== undefined) {
    io.stderr(`medcyber: ${file}: ${problem}\n`)
    return undefined
  }
  return content as AnswersFile
}

/** Small enough to check by hand: a map of question ids to { answer, rationale }. */
const checkAnswersFile = (content: unknown): string | undefined => {
  if (content === null || typeof content !== 'object') return "expected a mapping with 'answers'"
  const answers = (content as { answers?: unknown }).answers
  if (answers === null || typeof answers !== 'object')
    return "'answers' must map question ids to { answer, rationale }"
  for (const [question, value] of Object.entries(answers)) {
    if (QUESTIONS[question] === undefined)
      return `unknown question '${question}' at $.answers.${question}`
    const answer = (value as { answer?: unknown } | null)?.answer
    if (!ANSWERS.includes(answer as Answer)) {
      return `$.answers.${question}.answer must be one of ${ANSWERS.join(', ')}`
    }
  }
  return undefined
}

const formatResult = (result: RubricResult): string =>
  [
    result.vector,
    '',
    ...result.steps.map(
      (step) =>
        `${step.question.padEnd(6)} ${step.answer.padEnd(8)} ${step.text}` +
        (step.rationale === undefined ? '' : `\n${' '.repeat(16)}rationale: ${step.rationale}`),
    ),
    '',
    `Options: non-IP wired AV:${result.options.nonIpWired}, short-range wireless AV:${result.options.shortRangeWireless}`,
    '',
  ].join('\n')
