import type { DocumentPath } from '../../core/index.js'
import type {
  CsafBranch,
  CsafFullProductName,
  CsafProductTree,
  CsafRelationship,
} from '../../core/vulnerabilities/csaf/index.js'
import { isRecord, list, optionalText, strings, text, type CsafReader } from './csaf-reader.js'

const countProduct = (path: DocumentPath, reader: CsafReader): boolean => {
  reader.products += 1
  if (reader.products === reader.limits.maxProducts + 1) {
    reader.problem(path, 'too-many', `more than ${String(reader.limits.maxProducts)} products`)
  }
  return reader.products <= reader.limits.maxProducts
}

const fullProductName = (
  value: unknown,
  path: DocumentPath,
  reader: CsafReader,
): CsafFullProductName | undefined => {
  if (!isRecord(value)) {
    reader.problem(path, 'not-an-object', 'a full product name is an object')
    return undefined
  }
  if (!countProduct(path, reader)) return undefined
  const name = text(value['name'], [...path, 'name'], reader)
  const productId = text(value['product_id'], [...path, 'product_id'], reader)
  const helperValue = value['product_identification_helper']
  const helperPath = [...path, 'product_identification_helper']
  if (helperValue !== undefined && !isRecord(helperValue)) {
    reader.problem(helperPath, 'not-an-object', 'product_identification_helper is an object')
  }
  const helper = isRecord(helperValue) ? helperValue : {}
  const cpe = optionalText(helper['cpe'], [...helperPath, 'cpe'], reader)
  const purl = optionalText(helper['purl'], [...helperPath, 'purl'], reader)
  const purls = strings(helper['purls'], [...helperPath, 'purls'], reader)
  const modelNumbers = strings(helper['model_numbers'], [...helperPath, 'model_numbers'], reader)
  if (name === undefined || productId === undefined) return undefined
  return {
    name,
    product_id: productId,
    product_identification_helper: {
      ...(cpe === undefined ? {} : { cpe }),
      ...(purl === undefined ? {} : { purl }),
      purls,
      model_numbers: modelNumbers,
    },
  }
}

const branches = (
  value: unknown,
  path: DocumentPath,
  reader: CsafReader,
  depth: number,
): CsafBranch[] => {
  // A leaf has no list to cut: only a list that is there nests too deep.
  if (value === undefined) return []
  if (depth > reader.limits.maxBranchDepth) {
    reader.problem(
      path,
      'too-deep',
      `branches nest deeper than ${String(reader.limits.maxBranchDepth)}`,
    )
    return []
  }
  return list(value, path, reader).flatMap((item, index) => {
    const here = [...path, index]
    if (!isRecord(item)) {
      reader.problem(here, 'not-an-object', 'a branch is an object')
      return []
    }
    const category = text(item['category'], [...here, 'category'], reader)
    const name = text(item['name'], [...here, 'name'], reader)
    const below = branches(item['branches'], [...here, 'branches'], reader, depth + 1)
    const product =
      item['product'] === undefined
        ? undefined
        : fullProductName(item['product'], [...here, 'product'], reader)
    if (category === undefined || name === undefined) return []
    return [{ category, name, branches: below, ...(product === undefined ? {} : { product }) }]
  })
}

const relationships = (
  value: unknown,
  path: DocumentPath,
  reader: CsafReader,
): CsafRelationship[] =>
  list(value, path, reader).flatMap((item, index) => {
    const here = [...path, index]
    if (!isRecord(item)) {
      reader.problem(here, 'not-an-object', 'a relationship is an object')
      return []
    }
    const category = text(item['category'], [...here, 'category'], reader)
    const productReference = text(item['product_reference'], [...here, 'product_reference'], reader)
    const relatesTo = text(
      item['relates_to_product_reference'],
      [...here, 'relates_to_product_reference'],
      reader,
    )
    const product = fullProductName(
      item['full_product_name'],
      [...here, 'full_product_name'],
      reader,
    )
    if (!category || !productReference || !relatesTo || !product) return []
    return [
      {
        category,
        product_reference: productReference,
        relates_to_product_reference: relatesTo,
        full_product_name: product,
      },
    ]
  })

/**
 * A CSAF `product_tree` as the core's type, each problem at its path: entries without the strings
 * the core relies on are left out, branches deeper than the limit are cut (the core flattens them
 * recursively), and products past the limit are not read.
 */
export const readCsafProductTree = (value: unknown, reader: CsafReader): CsafProductTree => {
  if (value === undefined) return {}
  if (!isRecord(value)) {
    reader.problem(['product_tree'], 'not-an-object', 'product_tree is an object')
    return {}
  }
  return {
    branches: branches(value['branches'], ['product_tree', 'branches'], reader, 1),
    full_product_names: list(
      value['full_product_names'],
      ['product_tree', 'full_product_names'],
      reader,
    ).flatMap((item, index) => {
      const product = fullProductName(item, ['product_tree', 'full_product_names', index], reader)
      return product === undefined ? [] : [product]
    }),
    relationships: relationships(value['relationships'], ['product_tree', 'relationships'], reader),
  }
}
