import { formatPath, type DocumentPath } from '../../core/index.js'
import type {
  SbomComponent,
  SbomDependency,
  SbomDocument,
  SbomHash,
} from '../../core/sbom/index.js'
import { listOf, optional, recordOr, textOf, type JsonRecord } from './json-access.js'
import type { Normalized, PurlNormalizer } from './normalize-cyclonedx.js'
import { problem, type SbomProblem } from './sbom-problem.js'

/** Line of a path in the source, for tag-value documents. */
export type LineOf = (path: DocumentPath) => number | undefined

/** "A depends on B" relationships, and their inverses ("B is a dependency of A"). */
const DEPENDS = new Set([
  'DEPENDS_ON',
  'CONTAINS',
  'DYNAMIC_LINK',
  'STATIC_LINK',
  'HAS_PREREQUISITE',
])
const DEPENDED_ON = new Set([
  'DEPENDENCY_OF',
  'CONTAINED_BY',
  'BUILD_DEPENDENCY_OF',
  'DEV_DEPENDENCY_OF',
  'OPTIONAL_DEPENDENCY_OF',
  'PROVIDED_DEPENDENCY_OF',
  'RUNTIME_DEPENDENCY_OF',
  'TEST_DEPENDENCY_OF',
  'PREREQUISITE_FOR',
  'OPTIONAL_COMPONENT_OF',
  'PACKAGE_OF',
])

const NOT_STATED = new Set(['NOASSERTION', 'NONE'])

const stated = (value: unknown): string | undefined => {
  const text = textOf(value)
  return text === undefined || NOT_STATED.has(text) ? undefined : text
}

/** `Organization: Acme Inc. (security@acme.example)` → `Acme Inc.`; `Tool: x` → `x`. */
export const agentName = (value: string): string =>
  value
    .replace(/^(?:Person|Organization|Tool)\s*:\s*/, '')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .trim()

const hashesOf = (value: unknown): SbomHash[] =>
  listOf(value).flatMap((entry) => {
    const checksum = recordOr(entry)
    const algorithm = textOf(checksum['algorithm'])
    const content = textOf(checksum['checksumValue'])
    return algorithm === undefined || content === undefined ? [] : [{ algorithm, value: content }]
  })

interface ExternalIds {
  purl?: string
  cpe?: string
  swid?: string
}

const externalIdsOf = (value: unknown): ExternalIds => {
  const ids: ExternalIds = {}
  for (const entry of listOf(value)) {
    const reference = recordOr(entry)
    const type = textOf(reference['referenceType'])
    const locator = textOf(reference['referenceLocator'])
    if (locator === undefined) continue
    if (type === 'purl') ids.purl ??= locator
    else if (type === 'cpe23Type' || type === 'cpe22Type') ids.cpe ??= locator
    else if (type === 'swid') ids.swid ??= locator
  }
  return ids
}

class Spdx2Reader {
  readonly problems: SbomProblem[] = []
  readonly ids = new Map<string, DocumentPath>()
  private readonly normalizePurl: PurlNormalizer
  private readonly lineOf: LineOf

  constructor(normalizePurl: PurlNormalizer, lineOf: LineOf) {
    this.normalizePurl = normalizePurl
    this.lineOf = lineOf
  }

  /** SPDXIDs must be unique in the document (packages, files and snippets share them). */
  defineId(id: string, path: DocumentPath): void {
    const first = this.ids.get(id)
    if (first === undefined) {
      this.ids.set(id, path)
      return
    }
    this.problems.push(
      problem(
        'spdx/duplicate-spdxid',
        `SPDXID '${id}' is already used at ${formatPath(first)}`,
        [...path, 'SPDXID'],
        {
          ...this.at([...path, 'SPDXID']),
          related: { path: [...first, 'SPDXID'], ...this.at([...first, 'SPDXID']) },
        },
      ),
    )
  }

  at(path: DocumentPath): { line?: number } {
    const line = this.lineOf(path)
    return line === undefined ? {} : { line }
  }

  component(raw: JsonRecord, path: DocumentPath): SbomComponent {
    const ids = externalIdsOf(raw['externalRefs'])
    const purpose = textOf(raw['primaryPackagePurpose'])
    const licenses = [stated(raw['licenseConcluded']), stated(raw['licenseDeclared'])].flatMap(
      (license) => (license === undefined ? [] : [license]),
    )
    const supplier = stated(raw['supplier'])
    const originator = stated(raw['originator'])
    const line = this.lineOf(path)
    return {
      ref: textOf(raw['SPDXID']) ?? formatPath(path),
      type: purpose === undefined ? 'library' : purpose.toLowerCase().replace(/_/g, '-'),
      name: textOf(raw['name']) ?? '',
      ...optional('version', stated(raw['versionInfo'])),
      ...optional('supplier', supplier === undefined ? undefined : agentName(supplier)),
      ...optional('author', originator === undefined ? undefined : agentName(originator)),
      ...optional('purl', this.purl(ids.purl, path)),
      ...optional('cpe', ids.cpe),
      ...optional('swid', ids.swid),
      hashes: hashesOf(raw['checksums']),
      licenses: [...new Set(licenses)],
      ...optional('endOfSupport', textOf(raw['validUntilDate'])),
      place: line === undefined ? { path } : { path, line },
    }
  }

  private purl(text: string | undefined, path: DocumentPath): string | undefined {
    if (text === undefined) return undefined
    const normalized = this.normalizePurl(text)
    if (normalized.ok) return normalized.value
    this.problems.push({
      ...problem(
        'sbom/invalid-purl',
        `purl '${text}' is not a valid package URL: ${normalized.error}`,
        [...path, 'externalRefs'],
        this.at(path),
      ),
      severity: 'warning',
    })
    return undefined
  }
}

/** Dependency edges between packages, from relationships of any "depends on" kind. */
const dependenciesOf = (
  relationships: unknown,
  packages: ReadonlySet<string>,
): SbomDependency[] => {
  const edges = new Map<string, Set<string>>()
  const add = (from: string, to: string): void => {
    if (!packages.has(from) || !packages.has(to)) return
    let targets = edges.get(from)
    if (targets === undefined) {
      targets = new Set()
      edges.set(from, targets)
    }
    targets.add(to)
  }
  for (const entry of listOf(relationships)) {
    const relationship = recordOr(entry)
    const type = textOf(relationship['relationshipType'])
    const element = textOf(relationship['spdxElementId'])
    const related = textOf(relationship['relatedSpdxElement'])
    if (type === undefined || element === undefined || related === undefined) continue
    if (DEPENDS.has(type)) add(element, related)
    else if (DEPENDED_ON.has(type)) add(related, element)
  }
  return [...edges].map(([ref, targets]) => ({ ref, dependsOn: [...targets] }))
}

/** What the document describes: `documentDescribes` and DESCRIBES / DESCRIBED_BY relationships. */
const describedIds = (document: JsonRecord): Set<string> => {
  const self = textOf(document['SPDXID']) ?? 'SPDXRef-DOCUMENT'
  const described = new Set(
    listOf(document['documentDescribes']).flatMap((id) => {
      const text = textOf(id)
      return text === undefined ? [] : [text]
    }),
  )
  for (const entry of listOf(document['relationships'])) {
    const relationship = recordOr(entry)
    const type = relationship['relationshipType']
    const element = textOf(relationship['spdxElementId'])
    const related = textOf(relationship['relatedSpdxElement'])
    if (type === 'DESCRIBES' && element === self && related !== undefined) described.add(related)
    if (type === 'DESCRIBED_BY' && related === self && element !== undefined) described.add(element)
  }
  return described
}

const creatorsOf = (creationInfo: JsonRecord): { authors: string[]; tools: string[] } => {
  const authors: string[] = []
  const tools: string[] = []
  for (const creator of listOf(creationInfo['creators'])) {
    const text = textOf(creator)
    if (text === undefined) continue
    if (text.startsWith('Tool:')) tools.push(agentName(text))
    else authors.push(agentName(text))
  }
  return { authors, tools }
}

/**
 * An SPDX 2.2 / 2.3 document (JSON, or tag-value turned into the JSON form) as the normalized
 * model. Packages are the components (files and snippets are parts of them, not components); the
 * one package the document DESCRIBES is its subject; "depends on", "contains" and "links"
 * relationships between packages, and their inverses, are the dependency graph.
 */
export const normalizeSpdx2 = (
  document: JsonRecord,
  specVersion: string,
  encoding: 'json' | 'tag-value',
  normalizePurl: PurlNormalizer,
  lineOf: LineOf = () => undefined,
): Normalized => {
  const reader = new Spdx2Reader(normalizePurl, lineOf)
  const described = describedIds(document)
  const packages = listOf(document['packages']).map((raw, index) => {
    const path: DocumentPath = ['packages', index]
    const component = reader.component(recordOr(raw), path)
    reader.defineId(component.ref, path)
    return component
  })
  for (const kind of ['files', 'snippets'] as const) {
    listOf(document[kind]).forEach((raw, index) => {
      const id = textOf(recordOr(raw)['SPDXID'])
      if (id !== undefined) reader.defineId(id, [kind, index])
    })
  }
  const describedPackages = packages.filter((component) => described.has(component.ref))
  const subject = describedPackages.length === 1 ? describedPackages[0] : undefined
  const creationInfo = recordOr(document['creationInfo'])
  const result: SbomDocument = {
    format: 'spdx',
    encoding,
    specVersion,
    ...optional('serialNumber', textOf(document['documentNamespace'])),
    ...optional('created', textOf(creationInfo['created'])),
    ...creatorsOf(creationInfo),
    ...optional('subject', subject),
    components: packages.filter((component) => component !== subject),
    dependencies: dependenciesOf(
      document['relationships'],
      new Set(packages.map((component) => component.ref)),
    ),
  }
  return { document: result, problems: reader.problems }
}
