/** Tables of migration 0006 (issue 9); `StoreTables` extends this. */
export interface InstalledBaseTables {
  readonly installed_base: InstalledBaseTable
}

/** One release in service (or once in service) at a customer's site; see InstalledBaseEntry. */
export interface InstalledBaseTable {
  readonly product_id: string
  /** Position in the imported file (the CSV line), unique per product. */
  readonly line: number
  readonly customer: string
  readonly site: string
  readonly release: string
  readonly units: number
  readonly contact_name: string | null
  readonly contact_email: string | null
  /** YYYY-MM-DD */
  readonly deployed_on: string
  /** YYYY-MM-DD the site stopped running the release; null while it still does. */
  readonly retired_on: string | null
  /** ISO 8601 instant of the import that wrote the row. */
  readonly imported_at: string
}
