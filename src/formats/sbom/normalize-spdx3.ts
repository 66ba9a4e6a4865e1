import { formatPath, type DocumentPath } from '../../core/index.js'
import type {
  SbomComponent,
  SbomDependency,
  SbomDocument,
  SbomHash,
} from '../../core/sbom/index.js'
import {
  isRecord,
  type JsonRecord,
  listOf,
  optional,
  recordOr,
  textOf,
  textsOf,
} from './json-access.js'
import type { Normalized, PurlNormalizer } from './normalize-cyclonedx.js'
import { problem, type SbomProblem } from './sbom-problem.js'

/** software_Package and its subclasses (AI and dataset profiles). */
const PACKAGE_TYPES = new Set(['software_Package', 'ai_AIPackage', 'dataset_DatasetPackage'])
const DEFAULT_TYPE: Readonly<Record<string, string>> = {
  ai_AIPackage: 'machine-learning-model',
  dataset_DatasetPackage: 'data',
}
const RELATIONSHIP_TYPES = new Set(['Relationship', 'LifecycleScopedRelationship'])
/** Relationship types that make `from` depend on each of `to`. */
const DEPENDS = new Set([
  'dependsOn',
  'contains',
  'hasDynamicLink',
  'hasStaticLink',
  'hasPrerequisite',
  'hasOptionalDependency',
  'hasProvidedDependency',
  'hasOptionalComponent',
])
const LICENSES = new Set(['hasConcludedLicense', 'hasDeclaredLicense'])

interface Indexed {
  readonly element: JsonRecord
  readonly path: DocumentPath
}

/** `spdx:Core/SupportType/limitedSupport` or `limitedSupport` → `limitedSupport`. */
const lastSegment = (value: string): string => value.slice(value.lastIndexOf('/') + 1)

/** `operatingSystem` → `operating-system`, the CycloneDX spelling of the same purpose. */
const kebab = (value: string): string => value.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)

class Spdx3Graph {
  readonly byId = new Map<string, Indexed>()
  readonly problems: SbomProblem[] = []
  readonly elements: readonly Indexed[]

  constructor(root: JsonRecord) {
    const graph = root['@graph']
    const all: Indexed[] = Array.isArray(graph)
      ? graph.flatMap((element, index) =>
          isRecord(element) ? [{ element, path: ['@graph', index] }] : [],
        )
      : [{ element: root, path: [] }]
    this.elements = all.filter((indexed) => this.index(indexed))
  }

  /**
   * Indexes an element by id; false for a repeated id. JSON-LD merges node objects with one id
   * into one node, so a repeat is legal and kept once; a repeat that says something else is
   * reported, since only the first is read.
   */
  private index(indexed: Indexed): boolean {
    const id = textOf(indexed.element['spdxId']) ?? textOf(indexed.element['@id'])
    if (id === undefined) return true
    const first = this.byId.get(id)
    if (first === undefined) {
      this.byId.set(id, indexed)
      return true
    }
    if (JSON.stringify(first.element) !== JSON.stringify(indexed.element)) {
      this.problems.push({
        ...problem(
          'spdx/repeated-element',
          `element '${id}' is described again, differently, after ${formatPath(first.path)}; only the first description is read`,
          indexed.path,
          { related: { path: first.path } },
        ),
        severity: 'warning',
      })
    }
    return false
  }

  /** A reference is an id string or the object itself, inlined. */
  resolve(reference: unknown): JsonRecord | undefined {
    if (isRecord(reference)) return reference
    const id = textOf(reference)
    return id === undefined ? undefined : this.byId.get(id)?.element
  }

  nameOf(reference: unknown): string | undefined {
    const element = this.resolve(reference)
    return element === undefined ? undefined : textOf(element['name'])
  }

  ofType(types: ReadonlySet<string>): Indexed[] {
    return this.elements.filter(({ element }) => types.has(String(element['type'])))
  }
}

const hashesOf = (value: unknown): SbomHash[] =>
  listOf(value).flatMap((entry) => {
    const method = recordOr(entry)
    const algorithm = textOf(method['algorithm'])
    const content = textOf(method['hashValue'])
    return method['type'] !== 'Hash' || algorithm === undefined || content === undefined
      ? []
      : [{ algorithm, value: content }]
  })

const externalId = (element: JsonRecord, types: readonly string[]): string | undefined => {
  for (const entry of listOf(element['externalIdentifier'])) {
    const identifier = recordOr(entry)
    const type = textOf(identifier['externalIdentifierType'])
    if (type !== undefined && types.includes(lastSegment(type))) {
      const value = textOf(identifier['identifier'])
      if (value !== undefined) return value
    }
  }
  return undefined
}

const licenseText = (graph: Spdx3Graph, reference: unknown): string | undefined => {
  const element = graph.resolve(reference)
  if (element === undefined) {
    const iri = textOf(reference)
    return iri === undefined ? undefined : lastSegment(iri)
  }
  return (
    textOf(element['simplelicensing_licenseExpression']) ??
    textOf(element['name']) ??
    textOf(element['spdxId'])
  )
}

/** Licence texts per element id, from hasConcludedLicense / hasDeclaredLicense relationships. */
const licensesByElement = (
  graph: Spdx3Graph,
  relationships: readonly Indexed[],
): Map<string, string[]> => {
  const licenses = new Map<string, string[]>()
  for (const { element } of relationships) {
    const from = textOf(element['from'])
    if (from === undefined || !LICENSES.has(String(element['relationshipType']))) continue
    const texts = licenses.get(from) ?? []
    for (const to of listOf(element['to'])) {
      const text = licenseText(graph, to)
      if (text !== undefined && !texts.includes(text)) texts.push(text)
    }
    licenses.set(from, texts)
  }
  return licenses
}

const supportLevelOf = (value: unknown): string | undefined => {
  const levels = (typeof value === 'string' ? [value] : textsOf(value)).map(lastSegment)
  return levels.length === 0 ? undefined : levels.join(', ')
}

const componentOf = (
  graph: Spdx3Graph,
  { element, path }: Indexed,
  licenses: readonly string[],
  normalizePurl: PurlNormalizer,
): SbomComponent => {
  const purpose = textOf(element['software_primaryPurpose'])
  const rawPurl = textOf(element['software_packageUrl']) ?? externalId(element, ['packageUrl'])
  let purl: string | undefined
  if (rawPurl !== undefined) {
    const normalized = normalizePurl(rawPurl)
    if (normalized.ok) purl = normalized.value
    else {
      graph.problems.push({
        ...problem(
          'sbom/invalid-purl',
          `purl '${rawPurl}' is not a valid package URL: ${normalized.error}`,
          [...path, 'software_packageUrl'],
        ),
        severity: 'warning',
      })
    }
  }
  return {
    ref: textOf(element['spdxId']) ?? formatPath(path),
    type:
      purpose === undefined
        ? (DEFAULT_TYPE[String(element['type'])] ?? 'library')
        : kebab(lastSegment(purpose)),
    name: textOf(element['name']) ?? '',
    ...optional('version', textOf(element['software_packageVersion'])),
    ...optional('supplier', graph.nameOf(element['suppliedBy'])),
    ...optional('author', graph.nameOf(listOf(element['originatedBy'])[0])),
    ...optional('purl', purl),
    ...optional('cpe', externalId(element, ['cpe23', 'cpe22'])),
    ...optional('swid', externalId(element, ['swid'])),
    hashes: hashesOf(element['verifiedUsing']),
    licenses,
    ...optional('supportLevel', supportLevelOf(element['supportLevel'])),
    ...optional('endOfSupport', textOf(element['validUntilTime'])),
    place: { path },
  }
}

/** The elements an SpdxDocument or software_Sbom names as roots, or describes. */
const rootIds = (graph: Spdx3Graph, relationships: readonly Indexed[]): Set<string> => {
  const containers = graph.ofType(new Set(['SpdxDocument', 'software_Sbom']))
  const containerIds = new Set(containers.map(({ element }) => textOf(element['spdxId'])))
  const roots = new Set(containers.flatMap(({ element }) => textsOf(element['rootElement'])))
  for (const { element } of relationships) {
    if (element['relationshipType'] === 'describes' && containerIds.has(textOf(element['from']))) {
      for (const to of textsOf(element['to'])) roots.add(to)
    }
  }
  return roots
}

const dependenciesOf = (
  relationships: readonly Indexed[],
  packages: ReadonlySet<string>,
): SbomDependency[] => {
  const edges = new Map<string, Set<string>>()
  for (const { element } of relationships) {
    const from = textOf(element['from'])
    if (
      from === undefined ||
      !packages.has(from) ||
      !DEPENDS.has(String(element['relationshipType']))
    )
      continue
    const targets = edges.get(from) ?? new Set<string>()
    for (const to of textsOf(element['to'])) if (packages.has(to)) targets.add(to)
    edges.set(from, targets)
  }
  return [...edges].map(([ref, targets]) => ({ ref, dependsOn: [...targets] }))
}

const creationOf = (
  graph: Spdx3Graph,
): { created?: string; authors: string[]; tools: string[]; serialNumber?: string } => {
  const document = graph.ofType(new Set(['SpdxDocument']))[0]?.element
  const info = recordOr(graph.resolve(document?.['creationInfo']))
  const names = (references: unknown): string[] =>
    listOf(references).flatMap((reference) => {
      const name = graph.nameOf(reference)
      return name === undefined ? [] : [name]
    })
  return {
    ...optional('created', textOf(info['created'])),
    ...optional('serialNumber', textOf(document?.['spdxId'])),
    authors: names(info['createdBy']),
    tools: names(info['createdUsing']),
  }
}

/**
 * An SPDX 3.0 JSON-LD document (the compacted form the SPDX serialization schema fixes) as the
 * normalized model: software_Package elements (and the AI and dataset packages derived from it)
 * are the components, the single package among the document's root elements is its subject,
 * licences come from hasConcludedLicense / hasDeclaredLicense relationships, and dependsOn,
 * contains and link relationships between packages are the dependency graph.
 */
export const normalizeSpdx3 = (
  root: JsonRecord,
  specVersion: string,
  normalizePurl: PurlNormalizer,
): Normalized => {
  const graph = new Spdx3Graph(root)
  const relationships = graph.ofType(RELATIONSHIP_TYPES)
  const licenses = licensesByElement(graph, relationships)
  const packages = graph
    .ofType(PACKAGE_TYPES)
    .map((indexed) =>
      componentOf(
        graph,
        indexed,
        licenses.get(textOf(indexed.element['spdxId']) ?? '') ?? [],
        normalizePurl,
      ),
    )
  const roots = rootIds(graph, relationships)
  const rootPackages = packages.filter((component) => roots.has(component.ref))
  const subject = rootPackages.length === 1 ? rootPackages[0] : undefined
  const document: SbomDocument = {
    format: 'spdx',
    encoding: 'json-ld',
    specVersion,
    ...creationOf(graph),
    ...optional('subject', subject),
    components: packages.filter((component) => component !== subject),
    dependencies: dependenciesOf(
      relationships,
      new Set(packages.map((component) => component.ref)),
    ),
  }
  return { document, problems: graph.problems }
}
