import { err, ok, type Result } from '../../../core/index.js'

/** One entry of CISA's Known Exploited Vulnerabilities catalog, in the catalog's own words. */
export interface KevEntry {
  readonly cveID: string
  readonly vendorProject: string
  readonly product: string
  readonly vulnerabilityName: string
  /** YYYY-MM-DD */
  readonly dateAdded: string
  readonly shortDescription: string
  readonly requiredAction: string
  /** YYYY-MM-DD: the remediation deadline for U.S. federal agencies (BOD 22-01). */
  readonly dueDate: string
  /** `Known` or `Unknown`. */
  readonly knownRansomwareCampaignUse: string
  readonly notes: string
  readonly cwes: readonly string[]
}

export interface KevCatalog {
  readonly catalogVersion: string
  readonly dateReleased: string
  readonly entries: readonly KevEntry[]
}

const CVE_ID = /^CVE-\d{4}-\d{4,19}$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * The KEV catalog JSON (schema: known_exploited_vulnerabilities_schema.json). The catalog is
 * checked as the schema requires; an entry that breaks it is left out and named, so one bad
 * entry does not hide the other thousand.
 */
export const parseKevCatalog = (
  json: unknown,
): Result<{ readonly catalog: KevCatalog; readonly rejected: readonly string[] }, string> => {
  if (typeof json !== 'object' || json === null) return err('the catalog is not a JSON object')
  const root = json as Record<string, unknown>
  const { catalogVersion, dateReleased, vulnerabilities } = root
  if (typeof catalogVersion !== 'string' || typeof dateReleased !== 'string') {
    return err('the catalog has no catalogVersion or dateReleased')
  }
  if (!Array.isArray(vulnerabilities)) return err('the catalog has no vulnerabilities list')
  const entries: KevEntry[] = []
  const rejected: string[] = []
  vulnerabilities.forEach((value: unknown, index) => {
    const entry = kevEntry(value)
    if (entry === undefined) rejected.push(`vulnerabilities[${String(index)}]`)
    else entries.push(entry)
  })
  return ok({ catalog: { catalogVersion, dateReleased, entries }, rejected })
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

const kevEntry = (value: unknown): KevEntry | undefined => {
  if (typeof value !== 'object' || value === null) return undefined
  const entry = value as Record<string, unknown>
  const { cveID, dateAdded, dueDate } = entry
  if (typeof cveID !== 'string' || !CVE_ID.test(cveID)) return undefined
  if (typeof dateAdded !== 'string' || !DATE.test(dateAdded)) return undefined
  if (typeof dueDate !== 'string' || !DATE.test(dueDate)) return undefined
  const cwes = Array.isArray(entry['cwes'])
    ? entry['cwes'].filter((cwe): cwe is string => typeof cwe === 'string')
    : []
  return {
    cveID,
    vendorProject: text(entry['vendorProject']),
    product: text(entry['product']),
    vulnerabilityName: text(entry['vulnerabilityName']),
    dateAdded,
    shortDescription: text(entry['shortDescription']),
    requiredAction: text(entry['requiredAction']),
    dueDate,
    knownRansomwareCampaignUse: text(entry['knownRansomwareCampaignUse']),
    notes: text(entry['notes']),
    cwes,
  }
}
