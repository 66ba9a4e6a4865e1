/** Tables of migration 0004 (issue 9); `StoreTables` extends this. */
export interface MonitoringTables {
  readonly settings: SettingsTable
  readonly notifications: NotificationsTable
  readonly advisory_alerts: AdvisoryAlertsTable
  readonly monitored_releases: MonitoredReleasesTable
  readonly risk_decisions: RiskDecisionsTable
  readonly regulatory_clocks: RegulatoryClocksTable
}

export interface SettingsTable {
  readonly key: string
  /** JSON of the setting's value; its shape is checked by whoever owns the key. */
  readonly value: string
  readonly updated_at: string
  readonly updated_by: string
}

/** One message to one recipient over one channel: the notification outbox. */
export interface NotificationsTable {
  readonly id: string
  /** What it is about: `advisory-alert`, `deadline-reminder`, `cvd-acknowledgement`, `test` … */
  readonly kind: string
  readonly product_id: string | null
  /** `email` or `webhook`. */
  readonly channel: string
  /** An e-mail address or a webhook URL. */
  readonly recipient: string
  readonly subject: string
  readonly text: string
  /** JSON of the structured event a webhook receives. */
  readonly data: string
  /** The sender's key: with channel and recipient, unique. */
  readonly dedupe_key: string
  /** pending, sending (claimed by a worker), sent or failed (for good). */
  readonly state: string
  readonly attempts: number
  readonly last_error: string | null
  /** When a worker claimed it; a claim older than the lease is taken again. */
  readonly claimed_at: string | null
  readonly created_at: string
  readonly sent_at: string | null
}

/** A finding new for a release after the release's first evaluation. */
export interface AdvisoryAlertsTable {
  readonly id: string
  readonly product_id: string
  readonly release: string
  readonly finding_id: string
  readonly vulnerability: string
  /** JSON array of the vulnerability's other ids. */
  readonly aliases: string
  readonly component: string
  readonly severity: string | null
  readonly kev: number
  readonly epss: number | null
  readonly created_at: string
  /** A VEX status the evidence suggests; people decide. */
  readonly suggested_status: string
  readonly suggested_justification: string | null
  /** JSON array of plain sentences: why that suggestion. */
  readonly reasoning: string
  /** JSON array of the risk register entry ids the finding is linked to. */
  readonly linked_risks: string
  /** open or acknowledged. */
  readonly state: string
  readonly acknowledged_by: string | null
  readonly acknowledged_at: string | null
}

export interface MonitoredReleasesTable {
  readonly product_id: string
  readonly release: string
  readonly first_evaluated_at: string
}

// Regulatory clocks (issue 9 part B).

/** A controlled/uncontrolled decision on one subject (finding or risk id) of one release. */
export interface RiskDecisionsTable {
  readonly id: string
  readonly product_id: string
  readonly release: string
  /** A finding id (`advisory@component`), a threat id or a risk register entry id. */
  readonly subject: string
  /** controlled or uncontrolled. */
  readonly decision: string
  readonly rationale: string
  /** Day 0 of the clocks: the day the manufacturer learned of the vulnerability. */
  readonly learned_on: string
  /** Where learned_on came from: request, finding-first-seen or decision-date. */
  readonly learned_from: string
  readonly decided_by: string
  readonly decided_at: string
  readonly model_revision: number
  /** The decision that replaced this one; null while it is the current one. */
  readonly superseded_by: string | null
  readonly audit_seq: number
}

/** One regulatory deadline started by a decision or a recorded event. */
export interface RegulatoryClocksTable {
  readonly id: string
  readonly product_id: string
  readonly release: string
  readonly subject: string
  readonly decision_id: string | null
  /** risk-decision, correction-initiated or eu-serious-incident. */
  readonly trigger_kind: string
  /** JSON of what else the trigger said (severity, reference, holidays). */
  readonly trigger_detail: string
  /** The deadline id, e.g. fda-uncontrolled-risk-communication. */
  readonly kind: string
  readonly title: string
  readonly started_on: string
  readonly due_on: string
  /** calendar-days or working-days. */
  readonly basis: string
  /** Days from started_on to due_on in that basis. */
  readonly period: number
  readonly source_document: string
  readonly source_clause: string
  readonly met_on: string | null
  readonly withdrawn_on: string | null
  /** JSON of the evidence of meeting it, or the reason for withdrawing it. */
  readonly closure: string | null
  readonly created_at: string
  readonly created_by: string
}
