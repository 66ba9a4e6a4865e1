import { err, type DataFlow, type DocumentPath } from '../../core/index.js'
import { detectFormat, wrongFormatMessage } from './detect-format.js'
import { dropFields } from './drop-fields.js'
import { emptyItems, finishImport, type ImportedItems } from './finish-import.js'
import { createIdAllocator, isMedcyberId, preferredId, type IdAllocator } from './id-allocator.js'
import { flowFactsOf, medcyberAttributes, ownerOf, type FlowFacts } from './otm-attributes.js'
import { toAsset, toBoundary, toElement, type OtmContext, type OtmItem } from './otm-items.js'
import {
  convertOtmSecurity,
  dropOtherAttributes,
  hasRepresentations,
  instancesOf,
  type ThreatInstance,
} from './otm-threats.js'
import { parseSource } from './parse-source.js'
import { placeholderProduct, reviewModelWideFacts, reviewOwners } from './placeholders.js'
import { limitText, oneLine, plainText } from './plain-text.js'
import { createSchemaCheck, type Locator } from './schema-check.js'
import { OTM_SCHEMA } from './schemas/otm-schema.js'
import { fieldOf, isRecord, recordsOf, sortedUnique, textOf, textsOf } from './source-data.js'
import {
  createImportNotes,
  importError,
  type ImportIssue,
  type ImportNotes,
  type ThreatModelImportResult,
} from './threat-model-import.js'

const checkSchema = createSchemaCheck('OTM schema', OTM_SCHEMA)

/**
 * Imports an Open Threat Model (OTM) JSON file into one medcyber model file: trust zones become
 * trust boundaries (with their nesting), components elements, data flows data flows, assets
 * assets, threats threats and mitigations controls, both aimed at the components and flows
 * whose threat instances name them. Facts a medcyber export kept under `attributes.medcyber`
 * are read back, so an exported model comes back with its ids and flow protection.
 */
export const importOtm = (text: string, source: string): ThreatModelImportResult => {
  const parsed = parseSource(text, source)
  if (!parsed.ok) return parsed
  const { content } = parsed.value
  const locate: Locator = (path) => ({ source, ...parsed.value.locate(path) })
  const wrong = wrongFormat(content)
  if (wrong !== undefined) {
    return err([importError('import/not-otm', wrong, [], source, locate([]))])
  }
  const schema = checkSchema(content, locate)
  if (schema.errors.length > 0) return err(schema.errors)
  return convert(content as Record<string, unknown>, source, [...parsed.value.warnings])
}

const wrongFormat = (content: unknown): string | undefined => {
  if (!isRecord(content)) {
    return 'not an OTM file: the file must be a JSON or YAML object with otmVersion and project'
  }
  const found = detectFormat(content)
  return found === 'otm' || found === 'unknown'
    ? undefined
    : wrongFormatMessage(found, 'an OTM file')
}

/** Allocates ids to a list section in the order it is written; repeated source ids are skipped. */
const itemsOf = (
  model: Readonly<Record<string, unknown>>,
  section: string,
  kind: string,
  shared: { readonly ids: IdAllocator; readonly notes: ImportNotes; readonly keepIds: boolean },
  skip: (value: Readonly<Record<string, unknown>>) => boolean = () => false,
): Map<string, OtmItem> => {
  const { ids, notes, keepIds } = shared
  const items = new Map<string, OtmItem>()
  recordsOf(model[section]).forEach((value, i) => {
    const sourceId = textOf(value['id'])
    const path: DocumentPath = [section, i]
    if (sourceId === undefined || skip(value)) return
    if (items.has(sourceId)) {
      notes.drop(path, `${kind} '${sourceId}' repeats the id of an earlier ${kind}`)
      return
    }
    const name = oneLine(textOf(value['name']) ?? '') || undefined
    const base = keepIds && isMedcyberId(sourceId) ? sourceId : preferredId(sourceId, name, kind)
    const id = ids.allocate(base, `${kind} '${name ?? sourceId}'`)
    items.set(sourceId, { sourceId, id, value, path })
  })
  return items
}

/** A zone a medcyber export made for components outside every trust boundary. */
const isSynthetic = (zone: Readonly<Record<string, unknown>>): boolean =>
  medcyberAttributes(zone)['synthetic'] === true

const convert = (
  model: Readonly<Record<string, unknown>>,
  source: string,
  warnings: readonly ImportIssue[],
): ThreatModelImportResult => {
  const notes = createImportNotes()
  const ids = createIdAllocator()
  // A file medcyber exported keeps medcyber ids, numbers included.
  const keepIds = medcyberAttributes(model['project'])['format'] === 'medcyber/v1'
  const shared = { ids, notes, keepIds }
  const context: OtmContext = {
    notes,
    ids,
    zones: itemsOf(model, 'trustZones', 'trust-zone', shared, isSynthetic),
    components: itemsOf(model, 'components', 'component', shared),
    assets: itemsOf(model, 'assets', 'asset', shared),
  }
  const items: ImportedItems = emptyItems()
  const instances: ThreatInstance[] = []
  for (const component of context.components.values()) {
    items.elements.push(toElement(component, context))
    instances.push(...instancesOf(component.value, component.id, component.path))
  }
  const flows = itemsOf(model, 'dataflows', 'flow', shared)
  for (const flow of flows.values()) {
    const made = toFlow(flow, context)
    if (made === undefined) continue
    items.dataFlows.push(made)
    instances.push(...instancesOf(flow.value, made.id, flow.path))
  }
  items.trustBoundaries.push(
    ...[...context.zones.values()].map((zone) => toBoundary(zone, context)),
  )
  items.assets.push(...[...context.assets.values()].map((asset) => toAsset(asset, context)))
  const security = convertOtmSecurity(model, shared, instances)
  items.threats.push(...security.threats)
  items.controls.push(...security.controls)
  items.threatAssessments.push(...security.assessments)
  dropModelFacts(model, notes)
  const ownerWritten = new Set(
    [...context.components.values()]
      .filter((component) => ownerOf(medcyberAttributes(component.value)['owner']) !== undefined)
      .map((component) => component.id),
  )
  reviewOwners(
    items.elements.filter((element) => !ownerWritten.has(element.id)),
    notes,
    'OTM does not record it',
  )
  reviewModelWideFacts(notes)
  const project = model['project']
  const description = textOf(fieldOf(project, 'description'))
  const product = placeholderProduct(
    {
      format: 'OTM',
      name: textOf(fieldOf(project, 'name')),
      description: description === undefined ? undefined : plainText(description),
      owner: textOf(fieldOf(project, 'owner')),
    },
    ids,
    notes,
  )
  return finishImport({ product, items, notes, ids, warnings, source })
}

/** The component a flow end names, or nothing when it names a trust zone or nothing known. */
const endOf = (
  flow: OtmItem,
  key: 'source' | 'destination',
  context: OtmContext,
): string | undefined => {
  const ref = textOf(flow.value[key])
  const component = ref === undefined ? undefined : context.components.get(ref)
  if (component !== undefined) return component.id
  context.notes.drop(
    [...flow.path, key],
    ref !== undefined && context.zones.has(ref)
      ? `flow end is trust zone '${ref}'; a medcyber flow joins two elements, so the flow is dropped`
      : `flow end '${ref ?? '(none)'}' is not a component, so the flow is dropped`,
  )
  return undefined
}

const FLOW_KEPT = [
  'id',
  'name',
  'description',
  'bidirectional',
  'source',
  'destination',
  'assets',
  'threats',
  'attributes',
  'representations',
]

const placeholderFlow = (id: string, context: OtmContext): FlowFacts => {
  context.notes.review(
    `data flow '${id}'`,
    "assumed protocol 'unknown'; payload [data]; authentication none; encryption none; integrity none; replayProtection false (OTM does not record how a flow is protected)",
  )
  return {
    protocol: 'unknown',
    payload: ['data'],
    authentication: { type: 'none' },
    encryption: { type: 'none' },
    integrity: 'none',
    replayProtection: false,
  }
}

const toFlow = (flow: OtmItem, context: OtmContext): DataFlow | undefined => {
  const from = endOf(flow, 'source', context)
  const to = endOf(flow, 'destination', context)
  if (from === undefined || to === undefined) return undefined
  if (from === to) {
    context.notes.drop(
      flow.path,
      'a flow from a component to itself; a medcyber flow joins two elements',
    )
    return undefined
  }
  const { value, id } = flow
  const facts = flowFactsOf(medcyberAttributes(value)) ?? placeholderFlow(id, context)
  const assets = sortedUnique(
    textsOf(value['assets']).flatMap((ref, i) => {
      const asset = context.assets.get(ref)
      if (asset !== undefined) return [asset.id]
      context.notes.drop([...flow.path, 'assets', i], `unknown asset '${ref}'`)
      return []
    }),
  )
  dropFields(context.notes, flow.path, value, FLOW_KEPT)
  dropOtherAttributes(context.notes, flow.path, value)
  const description = textOf(value['description'])
  return {
    id,
    name: limitText(oneLine(textOf(value['name']) ?? '') || `${from} to ${to}`, 300),
    from,
    to,
    ...facts,
    ...(assets.length === 0 ? {} : { assets }),
    ...(value['bidirectional'] === true ? { bidirectional: true } : {}),
    ...(description === undefined
      ? {}
      : { description: limitText(plainText(description), 20_000) }),
  }
}

const dropModelFacts = (model: Readonly<Record<string, unknown>>, notes: ImportNotes): void => {
  recordsOf(model['representations']).forEach((representation, i) => {
    notes.drop(
      ['representations', i],
      `representation '${textOf(representation['name']) ?? textOf(representation['id']) ?? ''}' (${textOf(representation['type']) ?? 'unknown type'}) and the layout of the items drawn in it`,
    )
  })
  const project = model['project']
  if (isRecord(project)) {
    dropFields(notes, ['project'], project, ['name', 'id', 'description', 'owner', 'attributes'])
    dropOtherAttributes(notes, ['project'], project)
  }
  dropFields(notes, [], model, [
    'otmVersion',
    'project',
    'representations',
    'assets',
    'trustZones',
    'components',
    'dataflows',
    'threats',
    'mitigations',
  ])
  const drawn = ['trustZones', 'components', 'dataflows'].some((section) =>
    recordsOf(model[section]).some(hasRepresentations),
  )
  if (drawn && recordsOf(model['representations']).length === 0) {
    notes.drop([], 'positions and sizes of the items in their representations')
  }
}
