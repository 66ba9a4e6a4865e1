import { XMLParser, XMLValidator } from 'fast-xml-parser'

import { err, ok, type Result } from '../../core/index.js'
import { isRecord, listOf, recordOr, type JsonRecord } from './json-access.js'
import { lineAndColumn, problem, type SbomProblem } from './sbom-problem.js'

/**
 * A DOCTYPE is how XML defines entities: external ones read files or URLs (XXE), nested internal
 * ones expand exponentially (billion laughs). CycloneDX never needs one, so any is refused before
 * a parser sees the text.
 */
const DOCTYPE = /<!(?:DOCTYPE|ENTITY)/i

const ROOT_TAG = /<(?:([A-Za-z_][\w.-]*):)?bom[\s>/]/
const CYCLONEDX_NAMESPACE = /^http:\/\/cyclonedx\.org\/schema\/bom\/(\d+\.\d+)$/

/** Elements that may repeat, always read as lists (fast-xml-parser makes one child an object). */
const REPEATED = new Set([
  'component',
  'service',
  'hash',
  'license',
  'expression',
  'dependency',
  'property',
  'tool',
  'author',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@',
  removeNSPrefix: true,
  // No entity handling at all: the five predefined entities and character references are decoded
  // by `decode` below, and nothing else exists without a DOCTYPE.
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
})

export interface ParsedXmlBom {
  /** The version named by the root element's CycloneDX namespace. */
  readonly version: string
  /** Parses the text into the shape of a CycloneDX JSON BOM (the parts medcyber reads). */
  readonly toJson: () => JsonRecord
}

/**
 * Checks that the text is well-formed XML without a DOCTYPE whose root is a CycloneDX `bom`, and
 * says which version its namespace names.
 */
export const readCycloneDxXml = (text: string): Result<ParsedXmlBom, SbomProblem> => {
  const doctype = DOCTYPE.exec(text)
  if (doctype !== null) {
    return err(
      problem(
        'sbom/xml-doctype',
        'XML with a DOCTYPE or ENTITY declaration is refused: it can define entities that read files (XXE) or expand without bound (billion laughs), and CycloneDX never needs one',
        [],
        lineAndColumn(text, doctype.index),
      ),
    )
  }
  // Deprecated in favour of the separate fast-xml-validator package, which is not a dependency;
  // the parser's own validator still gives the line and column of the first error.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const wellFormed = XMLValidator.validate(text)
  if (wellFormed !== true) {
    return err(
      problem('sbom/not-xml', `not well-formed XML: ${wellFormed.err.msg}`, [], {
        line: wellFormed.err.line,
        column: wellFormed.err.col,
      }),
    )
  }
  const version = namespaceVersion(text)
  if (version === undefined) {
    return err(
      problem(
        'sbom/unknown-format',
        'the XML root is not a CycloneDX <bom> in a http://cyclonedx.org/schema/bom/1.x namespace (SPDX XML and RDF/XML are not read; use SPDX JSON or tag-value)',
      ),
    )
  }
  return ok({ version, toJson: () => bomToJson(recordOr(recordOr(parser.parse(text))['bom'])) })
}

const namespaceVersion = (text: string): string | undefined => {
  const root = ROOT_TAG.exec(text)
  if (root === null) return undefined
  const end = text.indexOf('>', root.index)
  const tag = text.slice(root.index, end === -1 ? undefined : end)
  const prefix = root[1]
  const declaration = new RegExp(
    `xmlns${prefix === undefined ? '' : `:${prefix}`}\\s*=\\s*["']([^"']*)["']`,
  )
  const namespace = declaration.exec(tag)?.[1]
  return namespace === undefined ? undefined : CYCLONEDX_NAMESPACE.exec(namespace)?.[1]
}

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

const decode = (text: string): string =>
  text.includes('&')
    ? text.replace(ENTITY, (whole, name?: string, decimal?: string, hex?: string) => {
        if (name !== undefined) return NAMED[name] ?? whole
        const code = decimal === undefined ? parseInt(hex ?? '', 16) : parseInt(decimal, 10)
        return code <= 0x10ffff ? String.fromCodePoint(code) : whole
      })
    : text

/** The text of an element, whether or not it has attributes. */
const textOf = (node: unknown): string | undefined => {
  if (typeof node === 'string') return decode(node)
  const text = recordOr(node)['#text']
  return typeof text === 'string' ? decode(text) : undefined
}

const attributeOf = (node: unknown, name: string): string | undefined => {
  const value = recordOr(recordOr(node)['@'])[name]
  return typeof value === 'string' ? decode(value) : undefined
}

/** Drops absent fields, so the JSON shape has only what the XML had. */
const compact = (fields: Record<string, unknown>): JsonRecord => {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) result[key] = value
  return result
}

const childText = (node: JsonRecord, name: string): string | undefined => textOf(node[name])

const listIn = (node: unknown, wrapper: string, item: string): readonly unknown[] =>
  listOf(recordOr(recordOr(node)[wrapper])[item])

const organizationOf = (node: unknown): JsonRecord | undefined =>
  isRecord(node) ? compact({ name: childText(node, 'name') }) : undefined

const contactsOf = (node: unknown): JsonRecord[] | undefined => {
  const authors = listOf(recordOr(node)['author'])
  if (authors.length === 0) return undefined
  return authors.map((author) =>
    compact({
      name: childText(recordOr(author), 'name'),
      email: childText(recordOr(author), 'email'),
    }),
  )
}

const licensesOf = (node: unknown): JsonRecord[] | undefined => {
  if (!isRecord(node)) return undefined
  const licenses = listOf(node['license']).map((license) =>
    compact({
      license: compact({
        id: childText(recordOr(license), 'id'),
        name: childText(recordOr(license), 'name'),
      }),
    }),
  )
  const expressions = listOf(node['expression']).map((expression) =>
    compact({ expression: textOf(expression) }),
  )
  return [...licenses, ...expressions]
}

const componentToJson = (node: unknown): JsonRecord => {
  const element = recordOr(node)
  const authors = listOf(element['author'])
  const nested = listIn(element, 'components', 'component')
  return compact({
    'bom-ref': attributeOf(element, 'bom-ref'),
    type: attributeOf(element, 'type'),
    supplier: organizationOf(element['supplier']),
    manufacturer: organizationOf(element['manufacturer']),
    // 1.2-1.5: <author> is text; 1.6+: <authors><author><name>.
    author: authors.length > 0 ? textOf(authors[0]) : undefined,
    authors: contactsOf(element['authors']),
    publisher: childText(element, 'publisher'),
    group: childText(element, 'group'),
    name: childText(element, 'name'),
    version: childText(element, 'version'),
    versionRange: childText(element, 'versionRange'),
    // An attribute (xs:boolean) in XML, a property in JSON.
    isExternal: ['true', '1'].includes(attributeOf(element, 'isExternal') ?? '') ? true : undefined,
    scope: childText(element, 'scope'),
    hashes: listIn(element, 'hashes', 'hash').map((hash) =>
      compact({ alg: attributeOf(hash, 'alg'), content: textOf(hash) }),
    ),
    licenses: licensesOf(element['licenses']),
    cpe: childText(element, 'cpe'),
    purl: childText(element, 'purl'),
    swid: isRecord(element['swid'])
      ? compact({ tagId: attributeOf(element['swid'], 'tagId') })
      : undefined,
    properties: listIn(element, 'properties', 'property').map((property) =>
      compact({ name: attributeOf(property, 'name'), value: textOf(property) ?? '' }),
    ),
    components: nested.length === 0 ? undefined : nested.map(componentToJson),
  })
}

const serviceToJson = (node: unknown): JsonRecord => {
  const nested = listIn(node, 'services', 'service')
  return compact({
    'bom-ref': attributeOf(node, 'bom-ref'),
    services: nested.length === 0 ? undefined : nested.map(serviceToJson),
  })
}

const toolsToJson = (node: unknown): unknown => {
  const tool = (entry: unknown) =>
    compact({
      name: childText(recordOr(entry), 'name'),
      version: childText(recordOr(entry), 'version'),
    })
  const legacy = listOf(recordOr(node)['tool'])
  if (legacy.length > 0) return legacy.map(tool)
  return {
    components: listIn(node, 'components', 'component').map(tool),
    services: listIn(node, 'services', 'service').map(tool),
  }
}

const metadataToJson = (node: unknown): JsonRecord | undefined => {
  if (!isRecord(node)) return undefined
  return compact({
    timestamp: childText(node, 'timestamp'),
    authors: contactsOf(node['authors']),
    manufacturer: organizationOf(node['manufacturer']),
    tools: node['tools'] === undefined ? undefined : toolsToJson(node['tools']),
    component: isRecord(listOf(node['component'])[0])
      ? componentToJson(listOf(node['component'])[0])
      : undefined,
  })
}

const bomToJson = (bom: JsonRecord): JsonRecord =>
  compact({
    serialNumber: attributeOf(bom, 'serialNumber'),
    metadata: metadataToJson(bom['metadata']),
    components: listIn(bom, 'components', 'component').map(componentToJson),
    services: listIn(bom, 'services', 'service').map(serviceToJson),
    dependencies: listIn(bom, 'dependencies', 'dependency').map((dependency) => ({
      ref: attributeOf(dependency, 'ref'),
      dependsOn: listOf(recordOr(dependency)['dependency']).map((target) =>
        attributeOf(target, 'ref'),
      ),
    })),
  })
