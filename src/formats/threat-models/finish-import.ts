import {
  formatPath,
  hasErrors,
  ok,
  parseDeviceModel,
  type Asset,
  type Control,
  type DataFlow,
  type Element,
  type ModelDocument,
  type Product,
  type ThreatAssessment,
  type ThreatScenario,
  type TrustBoundary,
  err,
} from '../../core/index.js'
import type { IdAllocator } from './id-allocator.js'
import { compareText } from './source-data.js'
import type { ImportIssue, ImportNotes, ThreatModelImportResult } from './threat-model-import.js'

/** The items an importer builds, in any order; `finishImport` sorts them. */
export interface ImportedItems {
  readonly elements: Element[]
  readonly dataFlows: DataFlow[]
  readonly trustBoundaries: TrustBoundary[]
  readonly assets: Asset[]
  readonly threats: ThreatScenario[]
  readonly controls: Control[]
  readonly threatAssessments: ThreatAssessment[]
}

export const emptyItems = (): ImportedItems => ({
  elements: [],
  dataFlows: [],
  trustBoundaries: [],
  assets: [],
  threats: [],
  controls: [],
  threatAssessments: [],
})

const byId = <T extends { readonly id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => compareText(a.id, b.id))

/** Sections in reading order, each sorted by id; empty sections are left out. */
const assemble = (product: Product, items: ImportedItems): ModelDocument => {
  const sections: Partial<ModelDocument> = {
    elements: byId(items.elements),
    dataFlows: byId(items.dataFlows),
    trustBoundaries: byId(items.trustBoundaries),
    assets: byId(items.assets),
    threats: byId(items.threats),
    controls: byId(items.controls),
    threatAssessments: [...items.threatAssessments].sort((a, b) => compareText(a.threat, b.threat)),
  }
  const present = Object.fromEntries(
    Object.entries(sections).filter(([, list]) => Array.isArray(list) && list.length > 0),
  ) as Partial<ModelDocument>
  return { medcyber: 'v1', product, ...present }
}

/**
 * Sorts the items into one model file and checks it the way `medcyber validate` will. An import
 * that would produce an invalid model fails here, with the model's own issues, rather than hand
 * over a file that does not validate.
 */
export const finishImport = (args: {
  readonly product: Product
  readonly items: ImportedItems
  readonly notes: ImportNotes
  readonly ids: IdAllocator
  readonly warnings: readonly ImportIssue[]
  readonly source: string
}): ThreatModelImportResult => {
  const document = assemble(args.product, args.items)
  const outcome = parseDeviceModel([{ source: args.source, content: document }])
  if (hasErrors(outcome.issues)) {
    return err(
      outcome.issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => ({
          severity: issue.severity,
          code: issue.code,
          path: [],
          source: args.source,
          message: `the model made from this file would be invalid at ${formatPath(issue.path)}: ${issue.message}`,
        })),
    )
  }
  return ok({
    document,
    dropped: [...args.notes.dropped],
    review: [...args.notes.reviewed, ...args.ids.renamed()],
    warnings: [...args.warnings],
  })
}
