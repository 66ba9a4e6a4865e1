import type { SbomEncoding, SbomStandard } from '../../core/sbom/index.js'
import { isRecord, listOf } from './json-access.js'

/** What the first characters say the text is: enough to pick the parser. */
export type TextKind = 'json' | 'xml' | 'tag-value' | 'yaml' | 'unknown'

const FIRST_TAG = /^(?:\s*#[^\n]*\n)*\s*([A-Za-z]+)\s*:/

export const sniffText = (text: string): TextKind => {
  const start = /\S/.exec(text)?.[0]
  if (start === '{' || start === '[') return 'json'
  if (start === '<') return 'xml'
  const tag = FIRST_TAG.exec(text)?.[1]
  if (tag === 'SPDXVersion') return 'tag-value'
  if (/^(?:spdxVersion|bomFormat)\s*:/m.test(text.slice(0, 4096))) return 'yaml'
  return 'unknown'
}

export interface DetectedFormat {
  readonly format: SbomStandard
  readonly encoding: SbomEncoding
  /** As the document states it: `1.6`, `2.3`, `3.0.1`. */
  readonly specVersion: string
}

const SPDX3_CONTEXT = /^https:\/\/spdx\.org\/rdf\/(3\.\d+\.\d+)\/spdx-context\.jsonld$/

/** The format of parsed JSON by the marks each format carries, or undefined for none of ours. */
export const detectJsonFormat = (value: unknown): DetectedFormat | undefined => {
  if (!isRecord(value)) return undefined
  if (value['bomFormat'] === 'CycloneDX') {
    const stated = value['specVersion']
    return {
      format: 'cyclonedx',
      encoding: 'json',
      specVersion: typeof stated === 'string' ? stated : '',
    }
  }
  const spdxVersion = value['spdxVersion']
  if (typeof spdxVersion === 'string' && spdxVersion.startsWith('SPDX-')) {
    return { format: 'spdx', encoding: 'json', specVersion: spdxVersion.slice('SPDX-'.length) }
  }
  const context = value['@context']
  for (const entry of typeof context === 'string' ? [context] : listOf(context)) {
    const version = typeof entry === 'string' ? SPDX3_CONTEXT.exec(entry)?.[1] : undefined
    if (version !== undefined) return { format: 'spdx', encoding: 'json-ld', specVersion: version }
  }
  return undefined
}

/** What a JSON value that is none of our formats looks like, to say so in the error. */
export const describeUnknownJson = (value: unknown): string => {
  if (!isRecord(value)) return 'the JSON document is not an object'
  if ('bomFormat' in value)
    return `bomFormat is ${JSON.stringify(value['bomFormat'])}, not "CycloneDX"`
  if ('@context' in value) return 'the JSON-LD @context is not an SPDX 3 context'
  return 'it has neither bomFormat (CycloneDX), spdxVersion (SPDX 2) nor an SPDX 3 @context'
}
