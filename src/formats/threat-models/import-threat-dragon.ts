import { err, type DataFlow, type Element } from '../../core/index.js'
import { detectFormat, wrongFormatMessage } from './detect-format.js'
import { dropFields } from './drop-fields.js'
import { emptyItems, finishImport, type ImportedItems } from './finish-import.js'
import { createIdAllocator, preferredId, slugify } from './id-allocator.js'
import { parseSource } from './parse-source.js'
import {
  NO_PROTECTION,
  placeholderProduct,
  protectionOfProtocol,
  reviewModelWideFacts,
  reviewOwners,
  type Protection,
} from './placeholders.js'
import { limitText, plainText } from './plain-text.js'
import { createSchemaCheck, type Locator, type Tolerance } from './schema-check.js'
import { THREAT_DRAGON_V1_SCHEMA } from './schemas/threat-dragon-v1-schema.js'
import { THREAT_DRAGON_V2_SCHEMA } from './schemas/threat-dragon-v2-schema.js'
import { fieldOf, isMeaningful, isRecord, listOf, textOf } from './source-data.js'
import { dropDiagram, toBoundaries } from './threat-dragon-boundaries.js'
import {
  isNode,
  keyOf,
  readDiagrams,
  type TdCell,
  type TdContext,
  type TdDiagram,
} from './threat-dragon-cells.js'
import { toThreats } from './threat-dragon-threats.js'
import {
  createImportNotes,
  importError,
  type ImportIssue,
  type ImportNotes,
  type ThreatModelImportResult,
} from './threat-model-import.js'

const checkV1 = createSchemaCheck('Threat Dragon v1 schema', THREAT_DRAGON_V1_SCHEMA)
const checkV2 = createSchemaCheck('Threat Dragon v2 schema', THREAT_DRAGON_V2_SCHEMA)

/** Drawing properties: the import reads none of them but geometry, so their form does not matter. */
const LAYOUT = new Set([
  'size',
  'position',
  'attrs',
  'vertices',
  'labels',
  'zIndex',
  'z',
  'angle',
  'smooth',
  'connector',
  'width',
  'height',
  'visible',
  'thumbnail',
  'placeholder',
])

/**
 * Threat Dragon warns about schema problems but opens the model; its own tutorial models have
 * diagram sizes as strings and empty diagrams without cells. Problems in drawing properties, and
 * a diagram without content, are tolerated.
 */
const tolerate: Tolerance = (error, path) => {
  const missing = (error.params as { missingProperty?: unknown }).missingProperty
  if (path.some((part) => typeof part === 'string' && LAYOUT.has(part))) {
    return 'a drawing property, which the import does not read'
  }
  if (error.keyword === 'required' && typeof missing === 'string' && LAYOUT.has(missing)) {
    return 'a drawing property, which the import does not read'
  }
  if (error.keyword === 'required' && missing === 'diagramJson') {
    return 'an empty diagram, which Threat Dragon opens'
  }
  return undefined
}

/**
 * Imports a Threat Dragon model (v2, and v1 as Threat Dragon itself upgrades it) into one
 * medcyber model file: actors, processes and stores become elements, flows data flows,
 * trust-boundary boxes trust boundaries (membership by geometry), and threats on cells threats
 * with their status as threat assessments. Boundary curves enclose nothing, so they are dropped
 * with the flows that cross them named.
 */
export const importThreatDragon = (text: string, source: string): ThreatModelImportResult => {
  const parsed = parseSource(text, source)
  if (!parsed.ok) return parsed
  const { content } = parsed.value
  const locate: Locator = (path) => ({ source, ...parsed.value.locate(path) })
  const wrong = wrongFormat(content)
  if (wrong !== undefined) {
    return err([importError('import/not-threat-dragon', wrong, [], source, locate([]))])
  }
  const model = content as Record<string, unknown>
  const v1 = isVersion1(model)
  const schema = (v1 ? checkV1 : checkV2)(model, locate, tolerate)
  if (schema.errors.length > 0) return err(schema.errors)
  return convert(model, v1, source, [...parsed.value.warnings, ...schema.warnings])
}

/** A clear word when the file is another format that people confuse with this one. */
const wrongFormat = (content: unknown): string | undefined => {
  if (!isRecord(content)) {
    return 'not a Threat Dragon model: the file must be a JSON object with summary and detail'
  }
  const found = detectFormat(content)
  return found === 'threat-dragon' || found === 'unknown'
    ? undefined
    : wrongFormatMessage(found, 'a Threat Dragon model')
}

/** v1 models say version 1.x or carry JointJS `diagramJson`; v2 say 2.x and carry `cells`. */
const isVersion1 = (model: Readonly<Record<string, unknown>>): boolean => {
  const version = textOf(model['version'])
  if (version !== undefined) return version.startsWith('1.')
  const diagrams = listOf(fieldOf(model['detail'], 'diagrams'))
  return !diagrams.some((diagram) => Array.isArray(fieldOf(diagram, 'cells')))
}

const convert = (
  model: Readonly<Record<string, unknown>>,
  v1: boolean,
  source: string,
  warnings: readonly ImportIssue[],
): ThreatModelImportResult => {
  const context: TdContext = {
    notes: createImportNotes(),
    ids: createIdAllocator(),
    cellIds: new Map(),
  }
  const diagrams = readDiagrams(model)
  const items: ImportedItems = emptyItems()
  const cells = (kind: (cell: TdCell) => boolean): [TdDiagram, TdCell][] =>
    diagrams.flatMap((diagram) =>
      diagram.cells.filter(kind).map((cell): [TdDiagram, TdCell] => [diagram, cell]),
    )
  for (const [, cell] of cells(isNode)) items.elements.push(toElement(cell, v1, context))
  for (const [diagram, cell] of cells((cell) => cell.kind === 'flow')) {
    const flow = toFlow(cell, diagram, v1, context)
    if (flow !== undefined) items.dataFlows.push(flow)
  }
  for (const diagram of diagrams) {
    items.trustBoundaries.push(...toBoundaries(diagram, context))
    dropDiagram(diagram, context)
  }
  for (const [diagram, cell] of cells((cell) => cell.threats.length > 0)) {
    const threats = toThreats(cell, diagram, context)
    items.threats.push(...threats.threats)
    items.threatAssessments.push(...threats.assessments)
  }
  dropModelFacts(model, context.notes)
  reviewKinds(items.elements, context.notes)
  reviewOwners(items.elements, context.notes, 'Threat Dragon does not record it')
  reviewModelWideFacts(context.notes)
  const summary = model['summary']
  const description = textOf(fieldOf(summary, 'description'))
  const product = placeholderProduct(
    {
      format: 'Threat Dragon',
      name: textOf(fieldOf(summary, 'title')),
      description: description === undefined ? undefined : plainText(description),
      owner: textOf(fieldOf(summary, 'owner')),
    },
    context.ids,
    context.notes,
  )
  return finishImport({ product, items, notes: context.notes, ids: context.ids, warnings, source })
}

const reviewKinds = (elements: readonly Element[], notes: ImportNotes): void => {
  const defaulted = elements.filter(
    (element) => element.kind === 'server' || element.kind === 'web-app',
  )
  if (defaulted.length === 0) return
  notes.review(
    'elements',
    `kind 'server' (or 'web-app' where Threat Dragon marks a web application) is a default for the processes ${defaulted
      .map((element) => element.id)
      .sort()
      .join(', ')}; choose the kind that fits each`,
  )
}

const NODE_KEPT_V2 = [
  'type',
  'name',
  'description',
  'outOfScope',
  'reasonOutOfScope',
  'threats',
  'hasOpenThreats',
  'isWebApplication',
  'isTrustBoundary',
  // Counts of the cell's threats by category, which Threat Dragon derives from the threats.
  'threatFrequency',
]
const V1_CELL = [
  'id',
  'type',
  'attrs',
  'size',
  'position',
  'angle',
  'z',
  'smooth',
  'source',
  'target',
  'vertices',
  'labels',
]

const kept = (v1: boolean, extra: readonly string[]): string[] =>
  v1 ? [...NODE_KEPT_V2, ...V1_CELL, ...extra] : [...NODE_KEPT_V2, ...extra]

const descriptionOf = (
  cell: TdCell,
  context: TdContext,
  id: string,
  what: string,
): string | undefined => {
  const parts = [textOf(cell.facts['description'])]
  if (cell.facts['outOfScope'] === true) {
    const reason = textOf(cell.facts['reasonOutOfScope'])
    parts.push(
      `Out of scope in the Threat Dragon model${reason === undefined ? '.' : `: ${reason}`}`,
    )
    context.notes.review(
      `${what} '${id}'`,
      'out of scope in the source; medcyber treats everything in the model as in scope',
    )
  }
  const text = parts.filter((part) => part !== undefined).join('\n\n')
  return text === '' ? undefined : limitText(plainText(text), 20_000)
}

const toElement = (cell: TdCell, v1: boolean, context: TdContext): Element => {
  const name = cell.name ?? `Unnamed ${cell.kind}`
  const id = context.ids.allocate(preferredId(undefined, name, cell.kind), `${cell.kind} '${name}'`)
  context.cellIds.set(keyOf(cell.path), id)
  const kind: Element['kind'] =
    cell.kind === 'actor'
      ? 'external-entity'
      : cell.kind === 'store'
        ? 'data-store'
        : cell.facts['isWebApplication'] === true
          ? 'web-app'
          : 'server'
  const owner: Element['owner'] = kind === 'external-entity' ? 'third-party' : 'manufacturer'
  dropFields(context.notes, cell.factsPath, cell.facts, kept(v1, []))
  const description = descriptionOf(cell, context, id, 'element')
  return {
    id,
    name: limitText(name, 300),
    kind,
    owner,
    ...(description === undefined ? {} : { description }),
  }
}

/** The element id at a flow's end, when the end is attached to an element of the diagram. */
const endElement = (
  end: TdCell['source'],
  diagram: TdDiagram,
  context: TdContext,
): { id: string; cell: TdCell } | undefined => {
  const cell = diagram.cells.find((candidate) => candidate.id === end?.cell)
  if (cell === undefined || !isNode(cell)) return undefined
  const id = context.cellIds.get(keyOf(cell.path))
  return id === undefined ? undefined : { id, cell }
}

const protectionOf = (protocol: string | undefined, encrypted: boolean): Protection => {
  const implied = protocol === undefined ? undefined : protectionOfProtocol(protocol)
  if (implied !== undefined) return implied
  if (!encrypted) return NO_PROTECTION
  return {
    encryption: {
      type: 'application-layer',
      mechanism: 'encrypted; mechanism not stated in the source',
    },
    integrity: 'none',
  }
}

const FLOW_KEPT = ['protocol', 'isEncrypted', 'isBidirectional']

const assumedProtection = (protocol: string | undefined, protection: Protection): string => {
  const from = protocol === undefined ? 'isEncrypted' : `protocol '${protocol}'`
  const parts = [
    protocol === undefined ? "protocol 'unknown'" : undefined,
    'payload [data]',
    'authentication none',
    protection.encryption.type === 'none'
      ? 'encryption none'
      : `encryption '${protection.encryption.type}' from ${from}`,
    protection.integrity === 'none'
      ? 'integrity none'
      : `integrity '${protection.integrity}' from the secure channel`,
    'replayProtection false',
  ]
  return `assumed ${parts.filter((part) => part !== undefined).join('; ')}`
}

const toFlow = (
  cell: TdCell,
  diagram: TdDiagram,
  v1: boolean,
  context: TdContext,
): DataFlow | undefined => {
  const from = endElement(cell.source, diagram, context)
  const to = endElement(cell.target, diagram, context)
  if (from === undefined || to === undefined) {
    context.notes.drop(
      cell.path,
      `flow '${cell.name ?? cell.id}' is not attached to an element at both ends`,
    )
    return undefined
  }
  if (from.id === to.id) {
    context.notes.drop(cell.path, `flow '${cell.name ?? cell.id}' goes from an element to itself`)
    return undefined
  }
  const name = cell.name ?? `${from.cell.name ?? from.id} to ${to.cell.name ?? to.id}`
  const base = `${from.id}-${cell.name === undefined ? `to-${to.id}` : slugify(cell.name) || 'flow'}`
  const id = context.ids.allocate(base, `flow '${name}'`)
  context.cellIds.set(keyOf(cell.path), id)
  const protocol = textOf(cell.facts['protocol'])
  const protection = protectionOf(protocol, cell.facts['isEncrypted'] === true)
  context.notes.review(`data flow '${id}'`, assumedProtection(protocol, protection))
  dropFields(context.notes, cell.factsPath, cell.facts, kept(v1, FLOW_KEPT))
  const description = descriptionOf(cell, context, id, 'data flow')
  return {
    id,
    name: limitText(name, 300),
    from: from.id,
    to: to.id,
    protocol: protocol === undefined ? 'unknown' : limitText(protocol, 300),
    payload: ['data'],
    authentication: { type: 'none' },
    encryption: protection.encryption,
    integrity: protection.integrity,
    replayProtection: false,
    ...(cell.facts['isBidirectional'] === true ? { bidirectional: true } : {}),
    ...(description === undefined ? {} : { description }),
  }
}

const MODEL_KEPT = ['version', 'summary', 'detail']

const dropModelFacts = (model: Readonly<Record<string, unknown>>, notes: ImportNotes): void => {
  dropFields(notes, [], model, MODEL_KEPT)
  const detail = model['detail']
  if (isRecord(detail))
    dropFields(notes, ['detail'], detail, ['diagrams', 'diagramTop', 'threatTop'])
  const summary = model['summary']
  if (isRecord(summary))
    dropFields(notes, ['summary'], summary, ['title', 'description', 'owner', 'id'])
  if (isMeaningful(fieldOf(summary, 'id')) && fieldOf(summary, 'id') !== 0) {
    notes.drop(['summary', 'id'], 'model id')
  }
}
