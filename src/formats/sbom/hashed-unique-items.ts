import type { ErrorObject, KeywordDefinition } from 'ajv'

/**
 * The keyword that stands in for `uniqueItems: true` in the schemas we compile. Ajv checks
 * `uniqueItems` by comparing every pair of items (quadratic: 47 s for 10k CycloneDX components);
 * this checks the same thing, JSON Schema equality of items, with a hash map: linear.
 */
export const HASHED_UNIQUE_ITEMS = 'uniqueItemsHashed'

/** Schema objects with `uniqueItems: true` get the hashed keyword instead (a JSON.parse reviver). */
export const replaceUniqueItems = (key: string, value: unknown): unknown => {
  if (key === '' || value === null || typeof value !== 'object' || Array.isArray(value)) {
    return value
  }
  const schema = value as Record<string, unknown>
  if (schema['uniqueItems'] !== true) return value
  const { uniqueItems: _dropped, ...rest } = schema
  return { ...rest, [HASHED_UNIQUE_ITEMS]: true }
}

/** Members that tell SBOM list items apart: the first one an item has is its summary. */
const IDENTITY_KEYS = ['bom-ref', 'ref', 'purl', 'content', 'url', 'name', 'id']

/** Identities that do not name a version themselves, so items differing in version differ. */
const VERSIONLESS = new Set(['name', 'id'])

const scalar = (value: unknown): string =>
  value === null || typeof value !== 'object'
    ? `${typeof value}:${String(value)}`
    : Array.isArray(value)
      ? `[${String(value.length)}`
      : '{'

/**
 * A cheap summary that equal items share: the first identity member's value, with the version
 * when that identity does not carry one. A string identity is its own summary, so the common
 * case (unique bom-refs) builds no string at all. Different items may share a summary too; only
 * then are canonical forms computed and compared, once per item, so the check stays linear even
 * if every item shares one summary.
 */
const fingerprint = (item: unknown): string => {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return scalar(item)
  const record = item as Record<string, unknown>
  for (const key of IDENTITY_KEYS) {
    const value = record[key]
    if (value === undefined) continue
    const summary = typeof value === 'string' ? value : scalar(value)
    const version = VERSIONLESS.has(key) ? record['version'] : undefined
    return version === undefined ? summary : `${summary}\u0003${scalar(version)}`
  }
  const version = record['version']
  return version === undefined ? '{' : `{\u0003${scalar(version)}`
}

/** JSON with object keys sorted: equal exactly when the values are equal in JSON Schema terms. */
const canonical = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  const record = value as Record<string, unknown>
  return `{${Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`)
    .join(',')}}`
}

/** Canonical form of each item sharing a summary, made only once a second item arrives. */
type Bucket = Map<string, number>

/** JSON Schema equality of two parsed JSON values, without allocating. */
const equal = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i += 1) if (!equal(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  let count = 0
  for (const key in left) {
    if (!Object.hasOwn(right, key) || !equal(left[key], right[key])) return false
    count += 1
  }
  return count === Object.keys(right).length
}

/**
 * Below this length, comparing pairs is cheaper than hashing: most uniqueItems arrays of an SBOM
 * (hashes, licences, dependsOn, external references) hold a handful of items.
 */
const PAIRWISE_BELOW = 12

/** Pairs `[first, duplicate]` of equal items, each duplicate paired with its first occurrence. */
export const duplicateItems = (items: readonly unknown[]): [number, number][] => {
  if (items.length < PAIRWISE_BELOW) {
    const pairs: [number, number][] = []
    for (let later = 1; later < items.length; later += 1) {
      for (let first = 0; first < later; first += 1) {
        if (equal(items[first], items[later])) {
          pairs.push([first, later])
          break
        }
      }
    }
    return pairs
  }
  // A summary seen once maps to its item's index; a second item turns it into a bucket.
  const summaries = new Map<string, number | Bucket>()
  const pairs: [number, number][] = []
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index]
    const key = fingerprint(item)
    let bucket = summaries.get(key)
    if (bucket === undefined) {
      summaries.set(key, index)
      continue
    }
    if (typeof bucket === 'number') {
      bucket = new Map([[canonical(items[bucket]), bucket]])
      summaries.set(key, bucket)
    }
    const form = canonical(item)
    const earlier = bucket.get(form)
    if (earlier === undefined) bucket.set(form, index)
    else pairs.push([earlier, index])
  }
  return pairs
}

const check = (schema: unknown, data: unknown): boolean => {
  if (schema !== true || !Array.isArray(data) || data.length < 2) return true
  const pairs = duplicateItems(data)
  if (pairs.length === 0) return true
  validate.errors = pairs.map(([i, j]): Partial<ErrorObject> => ({
    keyword: 'uniqueItems',
    params: { i, j },
    message: `must NOT have duplicate items (items ## ${String(j)} and ${String(i)} are identical)`,
  }))
  return false
}

const validate: typeof check & { errors?: Partial<ErrorObject>[] } = check

export const hashedUniqueItemsKeyword: KeywordDefinition = {
  keyword: HASHED_UNIQUE_ITEMS,
  type: 'array',
  schemaType: 'boolean',
  errors: true,
  validate,
}
