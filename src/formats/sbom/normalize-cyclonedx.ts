import { formatPath, type DocumentPath, type Result } from '../../core/index.js'
import {
  supportFromProperties,
  type SbomComponent,
  type SbomDependency,
  type SbomDocument,
  type SbomHash,
} from '../../core/sbom/index.js'
import {
  isRecord,
  listOf,
  optional,
  recordOr,
  textOf,
  textsOf,
  type JsonRecord,
} from './json-access.js'
import { problem, type SbomProblem } from './sbom-problem.js'

export interface Normalized {
  readonly document: SbomDocument
  readonly problems: readonly SbomProblem[]
}

export type PurlNormalizer = (text: string) => Result<string, string>

/**
 * Walk state: the components found so far, and every bom-ref with the place it was defined. A ref
 * is known by its number (the order it was defined in), so that the dependency check can keep
 * per-ref state in a typed array instead of a second map of every ref.
 */
class CycloneDxWalk {
  readonly components: SbomComponent[] = []
  readonly refNumbers = new Map<string, number>()
  readonly refPlaces: DocumentPath[] = []
  readonly problems: SbomProblem[] = []
  readonly normalizePurl: PurlNormalizer

  constructor(normalizePurl: PurlNormalizer) {
    this.normalizePurl = normalizePurl
  }

  /** Registers a bom-ref; the BOM-wide uniqueness the specification asks for, by hash set. */
  defineRef(ref: string, path: DocumentPath): void {
    const number = this.refNumbers.get(ref)
    if (number === undefined) {
      this.refNumbers.set(ref, this.refPlaces.length)
      this.refPlaces.push(path)
      return
    }
    const first = this.refPlaces[number] ?? []
    this.problems.push(
      problem(
        'cyclonedx/duplicate-bom-ref',
        `bom-ref '${ref}' is already used at ${formatPath(first)}; every bom-ref must be unique in the BOM`,
        [...path, 'bom-ref'],
        { related: { path: [...first, 'bom-ref'] } },
      ),
    )
  }

  /** Reads a component and every component nested in it, in document order, without recursion. */
  collect(root: unknown, path: DocumentPath, into: SbomComponent[]): void {
    if (!isRecord(root)) return
    // Most components nest none: no walk state for them (100k components, 200k objects less).
    if (listOf(root['components']).length === 0) {
      into.push(this.component(root, path, undefined))
      return
    }
    const stack: { node: JsonRecord; path: DocumentPath; parent?: string }[] = [
      { node: root, path },
    ]
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const component = this.component(next.node, next.path, next.parent)
      into.push(component)
      const children = listOf(next.node['components'])
      for (let index = children.length - 1; index >= 0; index -= 1) {
        const child = children[index]
        if (isRecord(child)) {
          stack.push({
            node: child,
            path: [...next.path, 'components', index],
            parent: component.ref,
          })
        }
      }
    }
  }

  // Written out field by field, not with spreads: this runs once per component of SBOMs with
  // 100k components, and intermediate objects were half its cost.
  private component(
    raw: JsonRecord,
    path: DocumentPath,
    parent: string | undefined,
  ): SbomComponent {
    const bomRef = textOf(raw['bom-ref'])
    if (bomRef !== undefined) this.defineRef(bomRef, path)
    if (raw['versionRange'] !== undefined && raw['isExternal'] !== true) {
      this.problems.push(
        problem(
          'cyclonedx/version-range-not-external',
          'a component with a versionRange must be external (isExternal: true)',
          [...path, 'versionRange'],
        ),
      )
    }
    const component: Writable<SbomComponent> = {
      ref: bomRef ?? formatPath(path),
      type: textOf(raw['type']) ?? 'library',
      name: textOf(raw['name']) ?? '',
      hashes: hashesOf(raw['hashes']),
      licenses: licensesOf(raw['licenses']),
      place: { path },
    }
    set(component, 'version', textOf(raw['version']))
    set(component, 'group', textOf(raw['group']))
    set(component, 'supplier', supplierOf(raw))
    set(component, 'author', authorOf(raw))
    set(component, 'purl', this.purl(raw['purl'], path))
    set(component, 'cpe', textOf(raw['cpe']))
    if (raw['swid'] !== undefined) set(component, 'swid', textOf(recordOr(raw['swid'])['tagId']))
    set(component, 'scope', textOf(raw['scope']))
    set(component, 'parent', parent)
    if (raw['properties'] !== undefined) {
      const support = supportFromProperties(propertiesOf(raw['properties']))
      set(component, 'supportLevel', support.supportLevel)
      set(component, 'endOfSupport', support.endOfSupport)
    }
    return component
  }

  private purl(value: unknown, path: DocumentPath): string | undefined {
    const text = textOf(value)
    if (text === undefined) return undefined
    const normalized = this.normalizePurl(text)
    if (normalized.ok) return normalized.value
    this.problems.push({
      ...problem(
        'sbom/invalid-purl',
        `purl '${text}' is not a valid package URL: ${normalized.error}`,
        [...path, 'purl'],
      ),
      severity: 'warning',
    })
    return undefined
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] }

/** Sets an optional field only when there is a value (exactOptionalPropertyTypes). */
const set = <T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void => {
  if (value !== undefined) target[key] = value
}

const supplierOf = (raw: JsonRecord): string | undefined =>
  textOf(recordOr(raw['supplier'])['name']) ??
  textOf(recordOr(raw['manufacturer'])['name']) ??
  textOf(raw['publisher'])

const authorOf = (raw: JsonRecord): string | undefined => {
  const legacy = textOf(raw['author'])
  if (legacy !== undefined) return legacy
  const first = recordOr(listOf(raw['authors'])[0])
  return textOf(first['name']) ?? textOf(first['email'])
}

// Lists are made at their final length: a list grown by push from empty reserves 17 slots, so
// two such lists per component were 27 MB of spare slots at 100k components.
const hashesOf = (value: unknown): readonly SbomHash[] => {
  const entries = listOf(value)
  if (entries.length === 0) return NONE
  const hashes: (SbomHash | undefined)[] = entries.map((entry) => {
    const hash = recordOr(entry)
    const algorithm = textOf(hash['alg'])
    const content = textOf(hash['content'])
    return algorithm === undefined || content === undefined
      ? undefined
      : { algorithm, value: content }
  })
  return withoutGaps(hashes)
}

const licensesOf = (value: unknown): readonly string[] => {
  const entries = listOf(value)
  if (entries.length === 0) return NONE
  const licenses: (string | undefined)[] = entries.map((entry) => {
    const choice = recordOr(entry)
    const license = recordOr(choice['license'])
    return textOf(choice['expression']) ?? textOf(license['id']) ?? textOf(license['name'])
  })
  return withoutGaps(licenses)
}

/** One empty list shared by every component that has none of something; the model is read-only. */
const NONE: readonly never[] = Object.freeze([])

const withoutGaps = <T>(items: (T | undefined)[]): readonly T[] =>
  items.includes(undefined) ? items.filter((item): item is T => item !== undefined) : (items as T[])

const propertiesOf = (value: unknown): { name: string; value: string }[] =>
  listOf(value).flatMap((entry) => {
    const property = recordOr(entry)
    const name = textOf(property['name'])
    const text = typeof property['value'] === 'string' ? property['value'] : undefined
    return name === undefined || text === undefined ? [] : [{ name, value: text }]
  })

/** The SBOM's authors: metadata.authors, and (1.6+) metadata.manufacturer, "who created the BOM". */
const authorsOf = (metadata: JsonRecord): string[] => {
  const names = listOf(metadata['authors']).flatMap((entry) => {
    const author = recordOr(entry)
    const name = textOf(author['name']) ?? textOf(author['email'])
    return name === undefined ? [] : [name]
  })
  const manufacturer = textOf(recordOr(metadata['manufacturer'])['name'])
  return manufacturer === undefined || names.includes(manufacturer)
    ? names
    : [...names, manufacturer]
}

/** Tools as `name version`: the 1.2-1.4 list of tools, or 1.5+ `{components, services}`. */
const toolsOf = (value: unknown): string[] => {
  const tools = Array.isArray(value)
    ? value
    : [...listOf(recordOr(value)['components']), ...listOf(recordOr(value)['services'])]
  return tools.flatMap((entry) => {
    const tool = recordOr(entry)
    const name = textOf(tool['name'])
    if (name === undefined) return []
    const version = textOf(tool['version'])
    return [version === undefined ? name : `${name} ${version}`]
  })
}

/** bom-refs of services (nested ones too): they share the BOM-wide namespace of components. */
const collectServiceRefs = (walk: CycloneDxWalk, services: unknown, path: DocumentPath): void => {
  const stack: { node: unknown; path: DocumentPath }[] = listOf(services).map((node, index) => ({
    node,
    path: [...path, index],
  }))
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const service = recordOr(next.node)
    const ref = textOf(service['bom-ref'])
    if (ref !== undefined) walk.defineRef(ref, next.path)
    const nested = listOf(service['services'])
    for (let index = 0; index < nested.length; index += 1) {
      stack.push({ node: nested[index], path: [...next.path, 'services', index] })
    }
  }
}

// Indexed loops, not flatMap, spreads or for-of: this runs once per dependency entry of
// 100k-component SBOMs, and the two for-of loops it had allocated 150 bytes per entry (measured).
const dependenciesOf = (walk: CycloneDxWalk, value: unknown): SbomDependency[] => {
  // Where each known ref's dependencies were first given (-1: not yet); unknown refs, which
  // are rare, in a map of their own.
  const firstEntryOf = new Int32Array(walk.refPlaces.length).fill(-1)
  const firstEntryOfUnknown = new Map<string, number>()
  const dependencies: SbomDependency[] = []
  const entries = listOf(value)
  for (let index = 0; index < entries.length; index += 1) {
    const dependency = recordOr(entries[index])
    const ref = textOf(dependency['ref'])
    if (ref === undefined) continue
    const number = walk.refNumbers.get(ref)
    let first: number | undefined
    if (number === undefined) {
      first = firstEntryOfUnknown.get(ref)
      if (first === undefined) firstEntryOfUnknown.set(ref, index)
    } else {
      const given = firstEntryOf[number] ?? -1
      if (given >= 0) first = given
      else firstEntryOf[number] = index
    }
    if (first !== undefined) {
      walk.problems.push(
        problem(
          'cyclonedx/duplicate-dependency',
          `dependencies of '${ref}' are already given at $.dependencies[${String(first)}]; give each ref once`,
          ['dependencies', index, 'ref'],
          { related: { path: ['dependencies', first, 'ref'] } },
        ),
      )
    }
    if (number === undefined) warnUnknown(walk, ref, index)
    const dependsOn = textList(dependency['dependsOn'])
    for (let at = 0; at < dependsOn.length; at += 1) {
      const target = dependsOn[at]
      if (target !== undefined && !walk.refNumbers.has(target)) warnUnknown(walk, target, index)
    }
    dependencies.push({ ref, dependsOn })
  }
  return dependencies
}

/**
 * The texts of a list as `textOf` reads each item. When every item already is such a text (any
 * schema-valid BOM), the parsed list itself: one list less per dependency entry.
 */
const textList = (value: unknown): readonly string[] => {
  const items = listOf(value)
  if (items.length === 0) return NONE
  for (let at = 0; at < items.length; at += 1) {
    const item = items[at]
    if (typeof item !== 'string' || textOf(item) !== item) return textsOf(items)
  }
  return items as readonly string[]
}

const warnUnknown = (walk: CycloneDxWalk, ref: string, index: number): void => {
  walk.problems.push({
    ...problem(
      'cyclonedx/unknown-ref',
      `dependency ref '${ref}' names no component or service of this BOM`,
      ['dependencies', index],
    ),
    severity: 'warning',
  })
}

/**
 * A CycloneDX BOM (JSON, or XML turned into the same shape) as the normalized model, with the
 * checks the schema cannot make: unique bom-refs across components and services, each dependency
 * ref given once, dependency refs that name nothing, version ranges only on external components.
 */
export const normalizeCycloneDx = (
  bom: JsonRecord,
  specVersion: string,
  encoding: 'json' | 'xml',
  normalizePurl: PurlNormalizer,
): Normalized => {
  const walk = new CycloneDxWalk(normalizePurl)
  const metadata = recordOr(bom['metadata'])
  const described: SbomComponent[] = []
  walk.collect(metadata['component'], ['metadata', 'component'], described)
  const [subject, ...partsOfSubject] = described
  walk.components.push(...partsOfSubject)
  listOf(bom['components']).forEach((component, index) => {
    walk.collect(component, ['components', index], walk.components)
  })
  collectServiceRefs(walk, bom['services'], ['services'])
  const dependencies = dependenciesOf(walk, bom['dependencies'])
  const document: SbomDocument = {
    format: 'cyclonedx',
    encoding,
    specVersion,
    ...optional('serialNumber', textOf(bom['serialNumber'])),
    ...optional('created', textOf(metadata['timestamp'])),
    authors: authorsOf(metadata),
    tools: toolsOf(metadata['tools']),
    ...optional('subject', subject),
    components: walk.components,
    dependencies,
  }
  return { document, problems: walk.problems }
}
