import type {
  CsafBranch,
  CsafFullProductName,
  CsafProductTree,
  CsafRelationship,
  DocumentPath,
} from '../../core/index.js'
import { asObject, asObjects, asString, type Json } from './suggestion.js'

/**
 * How deep branches may nest. The CSAF schema sets no limit and real trees use 3 to 6 levels (the
 * advisory reader allows 30 too); the core flattens branches recursively, so a deeper tree would
 * overflow the stack.
 */
export const MAX_BRANCH_DEPTH = 30

const strings = (value: unknown): string[] =>
  Array.isArray(value)
    ? (value as unknown[]).flatMap((item) => {
        const text = asString(item)
        return text === undefined ? [] : [text]
      })
    : []

const fullProductName = (value: unknown): CsafFullProductName | undefined => {
  const product = asObject(value)
  const name = asString(product?.['name'])
  const productId = asString(product?.['product_id'])
  if (name === undefined || productId === undefined) return undefined
  const helper = asObject(product?.['product_identification_helper'])
  const cpe = asString(helper?.['cpe'])
  const purl = asString(helper?.['purl'])
  return {
    name,
    product_id: productId,
    product_identification_helper: {
      ...(cpe === undefined ? {} : { cpe }),
      ...(purl === undefined ? {} : { purl }),
      purls: strings(helper?.['purls']),
      model_numbers: strings(helper?.['model_numbers']),
    },
  }
}

const relationship = (item: Json): CsafRelationship[] => {
  const category = asString(item['category'])
  const productReference = asString(item['product_reference'])
  const relatesTo = asString(item['relates_to_product_reference'])
  const product = fullProductName(item['full_product_name'])
  return category === undefined ||
    productReference === undefined ||
    relatesTo === undefined ||
    product === undefined
    ? []
    : [
        {
          category,
          product_reference: productReference,
          relates_to_product_reference: relatesTo,
          full_product_name: product,
        },
      ]
}

/** A list of branches still to read, and the list its branches go into. */
interface Pending {
  readonly value: unknown
  readonly path: DocumentPath
  readonly depth: number
  readonly into: CsafBranch[]
}

/**
 * The branches, read level by level from a queue so no nesting overflows the stack here, and cut
 * at `MAX_BRANCH_DEPTH` so none overflows the core's recursive flattening; `tooDeep` gets the
 * path of the first list left out, in file order (one issue says enough).
 */
const branchesOf = (
  value: unknown,
  path: DocumentPath,
  tooDeep: (path: DocumentPath) => void,
): CsafBranch[] => {
  const top: CsafBranch[] = []
  const pending: Pending[] = [{ value, path, depth: 1, into: top }]
  let cut = false
  for (let next = 0; next < pending.length; next += 1) {
    const list = pending[next] as Pending
    if (!Array.isArray(list.value)) continue
    if (list.depth > MAX_BRANCH_DEPTH) {
      if (!cut) tooDeep(list.path)
      cut = true
      continue
    }
    for (const [index, item] of (list.value as unknown[]).entries()) {
      const branch = asObject(item)
      const category = asString(branch?.['category'])
      const name = asString(branch?.['name'])
      if (branch === undefined || category === undefined || name === undefined) continue
      const below: CsafBranch[] = []
      const product = fullProductName(branch['product'])
      list.into.push({
        category,
        name,
        branches: below,
        ...(product === undefined ? {} : { product }),
      })
      pending.push({
        value: branch['branches'],
        path: [...list.path, index, 'branches'],
        depth: list.depth + 1,
        into: below,
      })
    }
  }
  return top
}

/**
 * A supplier's `product_tree` as the core's type, from JSON nobody checked against the schema:
 * entries without the strings the core relies on are left out (a status naming such a product
 * then matches nothing and is reported there).
 */
export const csafProductTree = (
  value: unknown,
  tooDeep: (path: DocumentPath) => void,
): CsafProductTree => {
  const tree = asObject(value) ?? {}
  return {
    branches: branchesOf(tree['branches'], ['product_tree', 'branches'], tooDeep),
    full_product_names: asObjects(tree['full_product_names']).flatMap((item) => {
      const product = fullProductName(item)
      return product === undefined ? [] : [product]
    }),
    relationships: asObjects(tree['relationships']).flatMap(relationship),
  }
}
