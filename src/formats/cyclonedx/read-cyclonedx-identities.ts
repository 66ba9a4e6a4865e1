import { err, ok, type Result, type SbomIdentities } from '../../core/index.js'
import { decodeText } from '../files/decode-text.js'

interface CycloneDxComponent {
  readonly 'bom-ref'?: unknown
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
  const bomRefs = new Set<string>()
  const purls = new Set<string>()
  const cpes = new Set<string>()
  const root = bom as { metadata?: { component?: unknown }; components?: unknown }
  // An explicit stack: nesting depth comes from the file, so recursion could be made to overflow.
  const stack: unknown[] = [
    root.metadata?.component,
    ...(Array.isArray(root.components) ? root.components : []),
  ]
  while (stack.length > 0) {
    const component = stack.pop() as CycloneDxComponent | undefined
    if (component === null || typeof component !== 'object') continue
    if (typeof component['bom-ref'] === 'string') bomRefs.add(component['bom-ref'])
    if (typeof component.purl === 'string') purls.add(component.purl)
    if (typeof component.cpe === 'string') cpes.add(component.cpe)
    if (Array.isArray(component.components)) stack.push(...(component.components as unknown[]))
  }
  return ok({ bomRefs, purls, cpes })
}
