import { err } from '../../core/index.js'
import { detectFormat, wrongFormatMessage } from './detect-format.js'
import { dropFields } from './drop-fields.js'
import { emptyItems, finishImport, type ImportedItems } from './finish-import.js'
import { createIdAllocator, preferredId, slugify, type IdAllocator } from './id-allocator.js'
import { placeholderProduct, reviewModelWideFacts, reviewOwners } from './placeholders.js'
import { plainText } from './plain-text.js'
import { createSchemaCheck, type Locator, type Tolerance } from './schema-check.js'
import { THREAGILE_SCHEMA } from './schemas/threagile-schema.js'
import { fieldOf, isMeaningful, sortedEntries, textOf } from './source-data.js'
import {
  entriesOf,
  linkEntries,
  placed,
  type Entry,
  type ThreagileContext,
} from './threagile-context.js'
import { loadThreagile, type ReadInclude } from './threagile-includes.js'
import { elementsOfAssets, toAsset, toBoundary, toElement, toFlows } from './threagile-items.js'
import { threagileLinkId } from './threagile-mapping.js'
import { convertThreagileRisks } from './threagile-risks.js'
import {
  createImportNotes,
  type ImportIssue,
  type ImportNotes,
  type ThreatModelImportResult,
} from './threat-model-import.js'

export { includeReader, type ReadInclude } from './threagile-includes.js'

const checkSchema = createSchemaCheck('Threagile schema', THREAGILE_SCHEMA)

/** Keys only Threagile's own parsed-model output has; a model written by people has none. */
const PARSED_MODEL_KEYS = [
  'communication_links',
  'built_in_risk_categories',
  'generated_risks_by_category',
  'incoming_technical_communication_links_mapped_by_target_id',
  'direct_containing_trust_boundary_mapped_by_technical_asset_id',
]

/** Threagile fills in values a model leaves out, and its own example model leaves some out. */
const tolerate: Tolerance = (error) =>
  error.keyword === 'required'
    ? "Threagile's loader fills in missing values; its own example model omits some"
    : undefined

/**
 * Imports a Threagile YAML model, following its `includes` (each relative to the file that names
 * it, read through `readInclude`), into one medcyber model file. Technical assets become
 * elements, communication links data flows, data assets assets, trust boundaries trust
 * boundaries, individual risks threats, and risk tracking of those risks threat assessments.
 */
export const importThreagile = async (
  text: string,
  source: string,
  readInclude?: ReadInclude,
): Promise<ThreatModelImportResult> => {
  const loaded = await loadThreagile(text, source, readInclude)
  if (!loaded.ok) return loaded
  const { model, locate } = loaded.value
  const shape = checkShape(model, locate)
  if (shape.length > 0) return err(shape)
  const schema = checkSchema(model, locate, tolerate)
  if (schema.errors.length > 0) return err(schema.errors)
  return convert(model, source, locate, [...loaded.value.warnings, ...schema.warnings])
}

const checkShape = (model: Record<string, unknown>, locate: Locator): ImportIssue[] => {
  const parsedKey = PARSED_MODEL_KEYS.find((key) => key in model)
  if (parsedKey !== undefined) {
    return [
      placed(
        locate,
        'import/threagile-parsed-model',
        `this is a model as Threagile outputs it after parsing (it has top-level '${parsedKey}'), not a model written for Threagile; import the model's YAML source instead`,
        [parsedKey],
      ),
    ]
  }
  if (textOf(model['threagile_version']) === undefined) {
    const found = detectFormat(model)
    return [
      placed(
        locate,
        'import/not-threagile',
        found === 'threagile' || found === 'unknown'
          ? "not a Threagile model: 'threagile_version' is missing (a Threagile model starts with 'threagile_version: 1.0.0'); an included part is imported through the file that includes it"
          : wrongFormatMessage(found, 'a Threagile model'),
        [],
      ),
    ]
  }
  return []
}

const allocateAll = (
  entries: readonly Entry[],
  ids: IdAllocator,
  kind: string,
  locate: Locator,
  problems: ImportIssue[],
): Map<string, string> => {
  const map = new Map<string, string>()
  for (const entry of entries) {
    if (map.has(entry.sourceId)) {
      problems.push(
        placed(
          locate,
          'import/duplicate-id',
          `${kind} id '${entry.sourceId}' is used twice; Threagile rejects this`,
          [...entry.path, 'id'],
        ),
      )
      continue
    }
    const label = `${kind} '${entry.title}'`
    map.set(entry.sourceId, ids.allocate(preferredId(entry.sourceId, entry.title, kind), label))
  }
  return map
}

const convert = (
  model: Record<string, unknown>,
  source: string,
  locate: Locator,
  warnings: readonly ImportIssue[],
): ThreatModelImportResult => {
  const notes = createImportNotes()
  const ids = createIdAllocator()
  const problems: ImportIssue[] = []
  const technical = entriesOf(model, 'technical_assets')
  const data = entriesOf(model, 'data_assets')
  const boundaries = entriesOf(model, 'trust_boundaries')
  const elementIds = allocateAll(technical, ids, 'technical asset', locate, problems)
  const assetIds = allocateAll(data, ids, 'data asset', locate, problems)
  const boundaryIds = allocateAll(boundaries, ids, 'trust boundary', locate, problems)
  const flowIds = new Map<string, string>()
  for (const asset of technical) {
    const from = elementIds.get(asset.sourceId) ?? 'flow'
    for (const link of linkEntries(asset)) {
      const base = `${from}-${slugify(link.title) || 'flow'}`
      flowIds.set(
        threagileLinkId(asset.sourceId, link.title),
        ids.allocate(base, `communication link '${link.title}' of '${asset.title}'`),
      )
    }
  }
  const context: ThreagileContext = {
    notes,
    ids,
    problems,
    locate,
    maps: { elements: elementIds, assets: assetIds, boundaries: boundaryIds, flows: flowIds },
  }
  const items: ImportedItems = emptyItems()
  items.elements.push(...technical.map((entry) => toElement(entry, context)))
  items.dataFlows.push(...technical.flatMap((entry) => toFlows(entry, context)))
  const assetElements = elementsOfAssets(technical, context)
  items.assets.push(...data.map((entry) => toAsset(entry, assetElements, context)))
  items.trustBoundaries.push(...boundaries.map((entry) => toBoundary(entry, context)))
  const risks = convertThreagileRisks(model, context)
  items.threats.push(...risks.threats)
  items.threatAssessments.push(...risks.assessments)
  dropModelFacts(model, notes)
  reviewOwners(items.elements, notes, 'Threagile owners are free text')
  reviewModelWideFacts(notes)
  const product = placeholderProduct(
    {
      format: 'Threagile',
      name: textOf(model['title']),
      description: overviewOf(model),
      owner: textOf(fieldOf(model['author'], 'name')),
    },
    ids,
    notes,
  )
  if (problems.length > 0) return err(problems)
  return finishImport({ product, items, notes, ids, warnings, source })
}

const overviewOf = (model: Record<string, unknown>): string | undefined => {
  const text =
    textOf(fieldOf(model['application_description'], 'description')) ??
    textOf(fieldOf(model['business_overview'], 'description'))
  return text === undefined ? undefined : plainText(text)
}

/** Model-level facts with no place in medcyber, each named. */
const MODEL_KEPT = [
  'threagile_version',
  'includes',
  'title',
  'author',
  'application_description',
  'business_overview',
  'data_assets',
  'technical_assets',
  'trust_boundaries',
  'custom_risk_categories',
  'individual_risk_categories',
  'risk_tracking',
]

/** Sections whose entries are each worth naming when they are dropped. */
const ITEMIZED = ['security_requirements', 'questions', 'abuse_cases', 'shared_runtimes']

const dropModelFacts = (model: Record<string, unknown>, notes: ImportNotes): void => {
  for (const section of ITEMIZED) {
    for (const [key, value] of sortedEntries(model[section])) {
      if (isMeaningful(value) || section === 'questions') {
        notes.drop(
          [section, key],
          `${section.replace(/_/g, ' ').replace(/s$/, '')} (medcyber has no place for it)`,
        )
      }
    }
  }
  const rest = Object.fromEntries(Object.entries(model).filter(([key]) => !ITEMIZED.includes(key)))
  dropFields(notes, [], rest, MODEL_KEPT)
}
