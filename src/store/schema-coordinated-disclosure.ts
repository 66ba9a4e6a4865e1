/** Tables of migration 0005 (issue 9); `StoreTables` extends this. */
export interface DisclosureTables {
  readonly disclosure_reports: DisclosureReportsTable
  readonly disclosure_events: DisclosureEventsTable
}

/** A vulnerability report from a finder, and the triage decisions on it. */
export interface DisclosureReportsTable {
  readonly id: string
  readonly received_at: string
  readonly reporter_name: string | null
  readonly reporter_email: string | null
  /** 1 when the finder agreed to be named in the advisory. */
  readonly credit_reporter: number
  readonly product_text: string
  readonly product_id: string | null
  readonly title: string
  readonly description: string
  /** SHA-256 of the normalized title and description: the same text folds into one report. */
  readonly text_hash: string
  readonly state: string
  readonly verdict: string | null
  readonly duplicate_of: string | null
  readonly repeats: number
  /** YYYY-MM-DD. */
  readonly acknowledge_due: string
  readonly acknowledged_at: string | null
  readonly cvss_vector: string | null
  readonly cve_id: string | null
  readonly cwe_id: string | null
  readonly cwe_name: string | null
  /** JSON array of release versions. */
  readonly affected_releases: string
  readonly fixed_in: string | null
  readonly remediation: string | null
  readonly public_disclosure_date: string | null
  readonly updated_at: string
}

/** The coordination timeline of a report, numbered per report. */
export interface DisclosureEventsTable {
  readonly report_id: string
  readonly seq: number
  readonly at: string
  readonly actor: string
  readonly kind: string
  readonly note: string
}
