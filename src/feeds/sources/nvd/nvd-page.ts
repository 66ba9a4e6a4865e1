import type { Advisory, Issue } from '../../../core/index.js'

/**
 * NVD CVE API 2.0 response → advisories, each record on its own: the records that convert,
 * and issues for those that do not. Written in `formats/advisories/nvd-record.ts` and injected,
 * so this feed does not depend on its progress.
 */
export type NvdConverter = (json: unknown) => {
  readonly advisories: readonly Advisory[]
  readonly issues: readonly Issue[]
}

export interface NvdPage {
  readonly totalResults: number
  readonly count: number
}

/** The paging fields of a CVE API response, or undefined when it is not one. */
export const pagingOf = (json: unknown): NvdPage | undefined => {
  if (typeof json !== 'object' || json === null) return undefined
  const page = json as Record<string, unknown>
  const { totalResults, vulnerabilities } = page
  if (typeof totalResults !== 'number' || !Array.isArray(vulnerabilities)) return undefined
  return { totalResults, count: vulnerabilities.length }
}

const onePage = (entry: unknown) => ({
  resultsPerPage: 1,
  startIndex: 0,
  totalResults: 1,
  vulnerabilities: [entry],
})

/**
 * A saved single record is read as a one-record response, whether saved as an API entry
 * (`{"cve": {...}}`) or as the bare CVE object (`{"id": "CVE-...", ...}`).
 */
export const asResponse = (json: unknown): unknown => {
  if (typeof json !== 'object' || json === null || 'vulnerabilities' in json) return json
  if ('cve' in json) return onePage(json)
  const id = (json as { id?: unknown }).id
  return typeof id === 'string' && id.startsWith('CVE-') ? onePage({ cve: json }) : json
}
