import { err, ok, type Result, type SbomIdentities } from '../../core/index.js'
import { decodeText } from '../files/decode-text.js'

interface CycloneDxComponent {
  readonly 'bom-ref'?: unknown
  readonly version?: unknown
  readonly purl?: unknown
  readonly cpe?: unknown
  readonly components?: unknown
}

/**
 * The bom-refs, purls and CPEs of a CycloneDX JSON SBOM, nested components included: enough to
 * check that a model's component links point at real entries. Full SBOM ingestion with schema
 * validation is a separate reader.
 */
export const readCycloneDxIdentities = (bytes: Uint8Array): Result<SbomIdentities, string> => {
  const text = decodeText(bytes)
  if (!text.ok) return err(text.error)
  let bom: unknown
  try {
    bom = JSON.parse(text.value)
  } catch (error) {
    return err(`not valid JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (
    bom === null ||
    typeof bom !== 'object' ||
    (bom as { bomFormat?: unknown }).bomFormat !== 'CycloneDX'
  ) {
    return err('not a CycloneDX JSON document (bomFormat is not "CycloneDX")')
  }
  return ok(collectIdentities(bom as { metadata?: { component?: unknown }; components?: unknown }))
}

const collectIdentities = (root: {
  metadata?: { component?: unknown }
  components?: unknown
}): SbomIdentities => {
  const bomRefs = new Map<string, string>()
  const purls = new Map<string, string>()
  const cpes = new Map<string, string>()
  // An explicit stack: nesting depth comes from the file, so recursion could be made to overflow.
  const stack: unknown[] = [root.metadata?.component, ...asArray(root.components)]
  while (stack.length > 0) {
    const component = stack.pop()
    if (component === null || typeof component !== 'object') continue
    const { 'bom-ref': bomRef, version, purl, cpe, components } = component as CycloneDxComponent
    const entryVersion = typeof version === 'string' ? version : ''
    if (typeof bomRef === 'string') bomRefs.set(bomRef, entryVersion)
    if (typeof purl === 'string') purls.set(purl, entryVersion)
    if (typeof cpe === 'string') cpes.set(cpe, entryVersion)
    stack.push(...asArray(components))
  }
  return { bomRefs, purls, cpes }
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : [])
