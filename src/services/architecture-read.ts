import {
  ELEMENT_KINDS,
  PAYLOAD_KINDS,
  TRUST_BOUNDARY_KINDS,
  type DeviceModel,
} from '../core/index.js'
import type { Store } from '../store/index.js'
import {
  ARCHITECTURE_LISTS,
  fileContents,
  isRecord,
  listItems,
  modelFileOrder,
  placeIssues,
  type ArchitectureList,
} from './architecture-entries.js'
import { loadProductModel, type ProductModel } from './product-model.js'

/** Where the diagram editor keeps its element positions, beside the model's root file. */
export const DIAGRAM_LAYOUT_FILE = 'diagram.layout.json'

export interface ArchitectureIssue {
  readonly severity: string
  readonly code: string
  readonly message: string
  /** `file:line:column` */
  readonly location: string
  readonly list: ArchitectureList | null
  readonly entry: string | null
  readonly field: string | null
}

/** What the diagram editor works on: the architecture lists as written, and what is wrong. */
export interface Architecture {
  readonly revision: number
  readonly elements: Record<string, unknown>[]
  readonly dataFlows: Record<string, unknown>[]
  readonly trustBoundaries: Record<string, unknown>[]
  readonly interfaces: { id: string; name: string }[]
  readonly vocabulary: {
    readonly elementKinds: string[]
    readonly trustBoundaryKinds: string[]
    readonly payloads: string[]
  }
  /** The layout file's data, unchecked; undefined without a readable layout file. */
  readonly layout: unknown
  readonly issues: ArchitectureIssue[]
}

type Lists = Record<ArchitectureList | 'interfaces', Record<string, unknown>[]>

const LISTS = [...ARCHITECTURE_LISTS, 'interfaces'] as const

const listsOfModel = (model: DeviceModel): Lists =>
  Object.fromEntries(
    LISTS.map((list) => [list, model[list] as unknown as Record<string, unknown>[]]),
  ) as Lists

/**
 * An invalid model has no merged lists, so they are joined here from every file that still
 * parses, in include order as the loader would.
 */
const listsOfFiles = async (stored: ProductModel): Promise<Lists> => {
  const contentOf = fileContents(stored.files)
  const order = await modelFileOrder(stored)
  return Object.fromEntries(
    LISTS.map((list) => [
      list,
      order.flatMap((path) => listItems(contentOf(path), list).filter(isRecord)),
    ]),
  ) as Lists
}

const layoutOf = (stored: ProductModel): unknown => {
  const file = stored.files.find((candidate) => candidate.path === DIAGRAM_LAYOUT_FILE)
  if (file === undefined) return undefined
  try {
    return JSON.parse(file.text) as unknown
  } catch {
    return undefined
  }
}

const issuesOf = (stored: ProductModel): ArchitectureIssue[] =>
  placeIssues(stored.issues, stored.files).map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
    location: `${issue.file}:${String(issue.line)}:${String(issue.column)}`,
    list: issue.entry?.list ?? null,
    entry: issue.entry?.id ?? null,
    field: issue.entry?.field ?? null,
  }))

/**
 * The product's architecture at its current revision; undefined when there is no such product.
 * A model that is not valid still gives what its files hold, with the issues on the entries
 * they are about, so the editor can show each error where it is.
 */
export const readArchitecture = async (
  store: Store,
  productId: string,
): Promise<Architecture | undefined> => {
  const stored = await loadProductModel(store, productId)
  if (stored === undefined) return undefined
  const lists = stored.model === undefined ? await listsOfFiles(stored) : listsOfModel(stored.model)
  return {
    revision: stored.revision,
    elements: lists.elements,
    dataFlows: lists.dataFlows,
    trustBoundaries: lists.trustBoundaries,
    interfaces: lists.interfaces.flatMap((item) =>
      typeof item['id'] === 'string'
        ? [{ id: item['id'], name: typeof item['name'] === 'string' ? item['name'] : item['id'] }]
        : [],
    ),
    vocabulary: {
      elementKinds: [...ELEMENT_KINDS],
      trustBoundaryKinds: [...TRUST_BOUNDARY_KINDS],
      payloads: [...PAYLOAD_KINDS],
    },
    layout: layoutOf(stored),
    issues: issuesOf(stored),
  }
}
