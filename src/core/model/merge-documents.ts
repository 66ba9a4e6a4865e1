import type { DocumentPath, Issue } from '../issue.js'
import {
  LIST_SECTIONS,
  SINGLE_SECTIONS,
  type DeviceModel,
  type ListSection,
  type ModelDocument,
} from './model-document-schema.js'
import { FDA_SEVERITY_SCALE } from './severity-scale.js'

/** One schema-valid file of a model, named by its source (a path, for people). */
export interface SourcedDocument {
  readonly source: string
  readonly document: ModelDocument
}

/** Where a path of the merged model came from: which file, and the path inside that file. */
export interface Origin {
  readonly source: string | undefined
  readonly path: DocumentPath
}

export interface MergedModel {
  readonly model: DeviceModel
  /** Maps a path in the merged model back to the file and path it was written at. */
  readonly originOf: (path: DocumentPath) => Origin
}

/**
 * Joins the files of one model: list sections are concatenated in include order, single sections
 * (product, severity scale) must come from exactly one file.
 */
export const mergeDocuments = (
  documents: readonly SourcedDocument[],
): { merged?: MergedModel; issues: Issue[] } => {
  const issues: Issue[] = []
  const singles = new Map<string, SourcedDocument>()
  for (const entry of documents) {
    for (const section of SINGLE_SECTIONS) {
      if (entry.document[section] === undefined) continue
      const first = singles.get(section)
      if (first === undefined) {
        singles.set(section, entry)
      } else {
        issues.push({
          severity: 'error',
          code: 'model/duplicate-section',
          message: `'${section}' is defined in more than one file; keep it in one`,
          path: [section],
          source: entry.source,
          related: { path: [section], source: first.source },
        })
      }
    }
  }
  const productSource = singles.get('product')
  if (productSource?.document.product === undefined) {
    issues.push({
      severity: 'error',
      code: 'model/missing-product',
      message: "the model has no 'product' section; the root file must describe the product",
      path: [],
      ...(documents[0] === undefined ? {} : { source: documents[0].source }),
    })
    return { issues }
  }
  if (issues.length > 0) return { issues }

  const origins = new Map<ListSection, { source: string; index: number }[]>()
  const lists = {} as Record<ListSection, unknown[]>
  for (const section of LIST_SECTIONS) {
    const items: unknown[] = []
    const itemOrigins: { source: string; index: number }[] = []
    for (const entry of documents) {
      entry.document[section]?.forEach((item, index) => {
        items.push(item)
        itemOrigins.push({ source: entry.source, index })
      })
    }
    lists[section] = items
    origins.set(section, itemOrigins)
  }

  const scaleSource = singles.get('severityScale')
  const model = {
    ...(lists as unknown as Omit<DeviceModel, 'product' | 'severityScale'>),
    product: productSource.document.product,
    severityScale: scaleSource?.document.severityScale ?? FDA_SEVERITY_SCALE,
    ...riskPolicyOf(singles.get('riskPolicy')),
    ...managementPlanOf(singles.get('managementPlan')),
    ...threatModelOf(singles.get('threatModel')),
  } as DeviceModel

  const originOf = (path: DocumentPath): Origin => {
    const [section, index, ...rest] = path
    if (typeof section === 'string' && (SINGLE_SECTIONS as readonly string[]).includes(section)) {
      return { source: singles.get(section)?.source, path }
    }
    const itemOrigins = origins.get(section as ListSection)
    const origin = typeof index === 'number' ? itemOrigins?.[index] : undefined
    if (origin === undefined) return { source: productSource.source, path }
    return { source: origin.source, path: [section as string, origin.index, ...rest] }
  }
  return { merged: { model, originOf }, issues }
}

const riskPolicyOf = (source: SourcedDocument | undefined): { riskPolicy?: string } => {
  const riskPolicy = source?.document.riskPolicy
  return riskPolicy === undefined ? {} : { riskPolicy }
}

const managementPlanOf = (
  source: SourcedDocument | undefined,
): Pick<DeviceModel, 'managementPlan'> => {
  const managementPlan = source?.document.managementPlan
  return managementPlan === undefined ? {} : { managementPlan }
}

const threatModelOf = (source: SourcedDocument | undefined): Pick<DeviceModel, 'threatModel'> => {
  const threatModel = source?.document.threatModel
  return threatModel === undefined ? {} : { threatModel }
}
