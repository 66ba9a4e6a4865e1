import type { TSchema } from '@sinclair/typebox'

import type { FindingAssessment, ThreatAssessment } from '../core/index.js'
import { FindingAssessmentSchema, ThreatAssessmentSchema } from '../core/model/security-schema.js'
import type { ModelFile } from '../store/index.js'
import { MODEL_ROOT_FILE } from './model-files.js'
import { holdsEntry, inSchemaOrder, putEntry } from './model-list-entry.js'
import type { EntryMatcher } from './yaml-list-entry.js'

export type AssessmentEdit =
  | { readonly list: 'threatAssessments'; readonly entry: ThreatAssessment }
  | { readonly list: 'findingAssessments'; readonly entry: FindingAssessment }

type AssessmentList = AssessmentEdit['list']

const LISTS = {
  threatAssessments: { key: 'threat', schema: ThreatAssessmentSchema, other: 'findingAssessments' },
  findingAssessments: {
    key: 'finding',
    schema: FindingAssessmentSchema,
    other: 'threatAssessments',
  },
} as const satisfies Record<AssessmentList, { key: string; schema: TSchema; other: AssessmentList }>

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const releaseScope = (value: unknown): string =>
  Array.isArray(value) ? value.map(String).sort().join('\u0000') : ''

/**
 * The model allows one assessment per subject and set of releases (`model/duplicate-assessment`),
 * so that pair is what an edit replaces.
 */
const sameAssessment = (
  list: AssessmentList,
  entry: Readonly<Record<string, unknown>>,
): EntryMatcher => {
  const { key } = LISTS[list]
  return (item) =>
    isRecord(item) &&
    item[key] === entry[key] &&
    releaseScope(item['releases']) === releaseScope(entry['releases'])
}

/**
 * The model's files with the assessment written in: over the root file and its includes (in
 * include order), the file whose list already has the entry; else the first file with that
 * list; else the first with the other assessment list (threat and finding decisions usually sit
 * together); else the root file. Every other file is returned untouched.
 */
export const putAssessment = (
  files: readonly ModelFile[],
  modelFiles: readonly string[],
  edit: AssessmentEdit,
): ModelFile[] => {
  const { list } = edit
  const { schema, other } = LISTS[list]
  const entry = inSchemaOrder(schema, edit.entry) as Record<string, unknown>
  const matches = sameAssessment(list, entry)
  const byPath = new Map(files.map((file) => [file.path, file]))
  const candidates = modelFiles.flatMap((path) => byPath.get(path) ?? [])
  const found = candidates.map((file) => ({ file, ...holdsEntry(file, list, matches) }))
  const target =
    found.find((candidate) => candidate.hasEntry)?.file ??
    found.find((candidate) => candidate.hasList)?.file ??
    candidates.find((file) => holdsEntry(file, other, () => false).hasList) ??
    byPath.get(MODEL_ROOT_FILE) ??
    candidates[0]
  if (target === undefined) return [...files]
  const text = putEntry(target, list, matches, entry)
  return files.map((file) => (file === target ? { path: file.path, text } : file))
}
