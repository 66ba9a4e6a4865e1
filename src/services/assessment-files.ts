import type { TSchema } from '@sinclair/typebox'

import type { FindingAssessment, ThreatAssessment } from '../core/index.js'
import { FindingAssessmentSchema, ThreatAssessmentSchema } from '../core/model/security-schema.js'
import type { ModelFile } from '../store/index.js'
import { MODEL_ROOT_FILE } from './model-files.js'
import { findListEntry, putListEntry, type EntryMatcher } from './yaml-list-entry.js'

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

/** The entry's keys in the order the schema lists them, so a written entry reads like the rest. */
const inSchemaOrder = (schema: TSchema, value: unknown): unknown => {
  if (Array.isArray(value)) {
    const items = (schema as { items?: TSchema }).items
    return items === undefined ? value : value.map((item) => inSchemaOrder(items, item))
  }
  if (!isRecord(value)) return value
  const properties = (schema as { properties?: Record<string, TSchema> }).properties ?? {}
  const keys = [
    ...Object.keys(properties).filter((key) => key in value),
    ...Object.keys(value).filter((key) => !(key in properties)),
  ]
  return Object.fromEntries(
    keys.map((key) => {
      const property = properties[key]
      return [key, property === undefined ? value[key] : inSchemaOrder(property, value[key])]
    }),
  )
}

/** JSON files hold no comments, so they are rewritten as data, keeping them JSON. */
const putJsonEntry = (
  text: string,
  list: string,
  matches: EntryMatcher,
  entry: Record<string, unknown>,
): string => {
  const data = JSON.parse(text) as unknown
  if (!isRecord(data)) return text
  const items = Array.isArray(data[list]) ? [...(data[list] as unknown[])] : []
  const index = items.findIndex(matches)
  if (index >= 0) items[index] = entry
  else items.push(entry)
  const json = JSON.stringify({ ...data, [list]: items }, null, 2)
  return text.endsWith('\n') ? `${json}\n` : json
}

const holds = (
  file: ModelFile,
  list: string,
  matches: EntryMatcher,
): { hasList: boolean; hasEntry: boolean } => {
  if (file.path.endsWith('.json')) {
    try {
      const data = JSON.parse(file.text) as unknown
      const items =
        isRecord(data) && Array.isArray(data[list]) ? (data[list] as unknown[]) : undefined
      return { hasList: items !== undefined, hasEntry: items?.some(matches) ?? false }
    } catch {
      return { hasList: false, hasEntry: false }
    }
  }
  return findListEntry(file.text, list, matches)
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
  const found = candidates.map((file) => ({ file, ...holds(file, list, matches) }))
  const target =
    found.find((candidate) => candidate.hasEntry)?.file ??
    found.find((candidate) => candidate.hasList)?.file ??
    candidates.find((file) => holds(file, other, () => false).hasList) ??
    byPath.get(MODEL_ROOT_FILE) ??
    candidates[0]
  if (target === undefined) return [...files]
  const text = target.path.endsWith('.json')
    ? putJsonEntry(target.text, list, matches, entry)
    : putListEntry(target.text, list, matches, entry)
  return files.map((file) => (file === target ? { path: file.path, text } : file))
}
