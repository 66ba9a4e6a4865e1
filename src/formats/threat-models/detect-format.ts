import { isRecord } from './source-data.js'

export type ThreatModelFormat =
  'otm' | 'threat-dragon' | 'threagile' | 'tm-bom-cyclonedx' | 'tm-bom' | 'unknown'

/**
 * Which threat-model format parsed content looks like, by the marks each format carries, so an
 * import handed the wrong kind of file can say what it is instead of listing schema errors.
 */
export const detectFormat = (content: unknown): ThreatModelFormat => {
  if (!isRecord(content)) return 'unknown'
  if ('otmVersion' in content) return 'otm'
  if (content['bomFormat'] === 'CycloneDX') return 'tm-bom-cyclonedx'
  if ('threagile_version' in content || 'technical_assets' in content) return 'threagile'
  if ('trust_zones' in content || 'threat_personas' in content) return 'tm-bom'
  if (['summary', 'detail', 'summarize', 'details'].some((key) => key in content)) {
    return 'threat-dragon'
  }
  return 'unknown'
}

const NAMES: Readonly<Record<ThreatModelFormat, string>> = {
  otm: 'an Open Threat Model (OTM) file',
  'threat-dragon': 'a Threat Dragon model',
  threagile: 'a Threagile model',
  'tm-bom-cyclonedx': 'a CycloneDX BOM (a TM-BOM carries a threat model inside CycloneDX)',
  'tm-bom': 'an OWASP Threat Model Library (TM-BOM) file',
  unknown: 'not a threat model medcyber knows',
}

const HOW: Readonly<Record<ThreatModelFormat, string>> = {
  otm: 'import it as OTM',
  'threat-dragon': 'import it as Threat Dragon',
  threagile: 'import it as Threagile',
  'tm-bom-cyclonedx': 'medcyber does not import TM-BOM',
  'tm-bom': 'medcyber does not import TM-BOM',
  unknown: '',
}

/** Says that the file is another format than the one expected, and what to do. */
export const wrongFormatMessage = (found: ThreatModelFormat, expected: string): string =>
  `this is ${NAMES[found]}, not ${expected}; ${HOW[found]}`
