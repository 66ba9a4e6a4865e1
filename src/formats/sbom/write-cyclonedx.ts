import type { SbomComponent, SbomDocument, SbomHash } from '../../core/sbom/index.js'
import { problem, type SbomProblem } from './sbom-problem.js'

/** Component types of CycloneDX 1.6; other purposes (SPDX `source`, `archive`...) become library. */
const TYPES = new Set([
  'application',
  'framework',
  'library',
  'container',
  'platform',
  'operating-system',
  'device',
  'device-driver',
  'firmware',
  'file',
  'machine-learning-model',
  'data',
  'cryptographic-asset',
])

/** Hash algorithms of CycloneDX 1.6, keyed by name without case, dashes or underscores. */
const ALGORITHMS: Readonly<Record<string, string>> = {
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
  sha3256: 'SHA3-256',
  sha3384: 'SHA3-384',
  sha3512: 'SHA3-512',
  blake2b256: 'BLAKE2b-256',
  blake2b384: 'BLAKE2b-384',
  blake2b512: 'BLAKE2b-512',
  blake3: 'BLAKE3',
}
const HASH_CONTENT =
  /^(?:[a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$/
const UUID_URN =
  /^urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
/** What an SPDX licence expression may contain; anything else is a licence name. */
const EXPRESSION = /^[A-Za-z0-9.+\-:()\s]+$/

type Json = Record<string, unknown>

class CycloneDxWriter {
  readonly problems: SbomProblem[] = []

  component(component: SbomComponent): Json {
    const hashes = this.hashes(component)
    const properties = [
      ...(component.supportLevel === undefined
        ? []
        : [{ name: 'cdx:fda:level-of-support', value: component.supportLevel }]),
      ...(component.endOfSupport === undefined
        ? []
        : [{ name: 'cdx:lifecycle:milestone:endOfSupport', value: component.endOfSupport }]),
    ]
    return {
      type: TYPES.has(component.type) ? component.type : 'library',
      'bom-ref': component.ref,
      ...(component.supplier === undefined ? {} : { supplier: { name: component.supplier } }),
      ...(component.author === undefined ? {} : { authors: [{ name: component.author }] }),
      ...(component.group === undefined ? {} : { group: component.group }),
      name: component.name,
      ...(component.version === undefined ? {} : { version: component.version }),
      ...(component.scope === undefined ? {} : { scope: component.scope }),
      ...(hashes.length === 0 ? {} : { hashes }),
      ...(component.licenses.length === 0 ? {} : { licenses: licensesOf(component.licenses) }),
      ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
      ...(component.purl === undefined ? {} : { purl: component.purl }),
      ...(component.swid === undefined
        ? {}
        : { swid: { tagId: component.swid, name: component.name } }),
      ...(properties.length === 0 ? {} : { properties }),
    }
  }

  private hashes(component: SbomComponent): Json[] {
    return component.hashes.flatMap((hash: SbomHash) => {
      const algorithm = ALGORITHMS[hash.algorithm.toLowerCase().replace(/[-_]/g, '')]
      if (algorithm !== undefined && HASH_CONTENT.test(hash.value)) {
        return [{ alg: algorithm, content: hash.value }]
      }
      this.problems.push({
        ...problem(
          'cyclonedx/hash-dropped',
          `the ${hash.algorithm} hash of '${component.name}' has no CycloneDX 1.6 equivalent; left out`,
          component.place.path,
        ),
        severity: 'warning',
      })
      return []
    })
  }
}

/** One expression, or (the schema allows only one expression) every licence by name. */
const licensesOf = (licenses: readonly string[]): Json[] => {
  const [only] = licenses
  if (licenses.length === 1 && only !== undefined && EXPRESSION.test(only)) {
    return [{ expression: only }]
  }
  return licenses.map((name) => ({ license: { name } }))
}

/**
 * Nests each component under its parent again, without recursion: components first become
 * objects, then each joins its parent's `components` (or the top level) in document order.
 */
const nest = (
  writer: CycloneDxWriter,
  components: readonly SbomComponent[],
  subject: Json | undefined,
  subjectRef: string | undefined,
): Json[] => {
  const objects = new Map<string, Json>()
  if (subject !== undefined && subjectRef !== undefined) objects.set(subjectRef, subject)
  const written = components.map((component) => {
    const object = writer.component(component)
    objects.set(component.ref, object)
    return { component, object }
  })
  const top: Json[] = []
  for (const { component, object } of written) {
    const parent = component.parent === undefined ? undefined : objects.get(component.parent)
    if (parent === undefined) top.push(object)
    else ((parent['components'] as Json[] | undefined) ??= []).push(object)
  }
  return top
}

/**
 * A normalized SBOM as CycloneDX 1.6 JSON: what the model holds, nothing invented. Support facts
 * go to the registered `cdx:lifecycle:milestone:endOfSupport` property and the proposed
 * `cdx:fda:level-of-support`; hashes CycloneDX has no algorithm for are left out and reported.
 */
export const toCycloneDx16 = (document: SbomDocument): { bom: Json; problems: SbomProblem[] } => {
  const writer = new CycloneDxWriter()
  const subject = document.subject === undefined ? undefined : writer.component(document.subject)
  const components = nest(writer, document.components, subject, document.subject?.ref)
  const refs = new Set(document.components.map((component) => component.ref))
  if (document.subject !== undefined) refs.add(document.subject.ref)
  const dependencies = document.dependencies
    .filter((dependency) => refs.has(dependency.ref))
    .map((dependency) => ({
      ref: dependency.ref,
      dependsOn: [...new Set(dependency.dependsOn.filter((target) => refs.has(target)))],
    }))
  const metadata: Json = {
    ...(document.created === undefined ? {} : { timestamp: document.created }),
    ...(document.tools.length === 0
      ? {}
      : { tools: { components: document.tools.map((name) => ({ type: 'application', name })) } }),
    ...(document.authors.length === 0
      ? {}
      : { authors: document.authors.map((name) => ({ name })) }),
    ...(subject === undefined ? {} : { component: subject }),
  }
  const bom: Json = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    ...(document.serialNumber !== undefined && UUID_URN.test(document.serialNumber)
      ? { serialNumber: document.serialNumber }
      : {}),
    version: 1,
    ...(Object.keys(metadata).length === 0 ? {} : { metadata }),
    components,
    ...(dependencies.length === 0 ? {} : { dependencies }),
  }
  return { bom, problems: writer.problems }
}
