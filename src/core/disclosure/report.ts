import type { DisclosureState, DisclosureVerdict } from './states.js'

/** A weakness as CSAF names it: the CWE id and its name in the CWE list. */
export interface CweRef {
  readonly id: string
  readonly name: string
}

/** A vulnerability report received from a finder, with the decisions made on it so far. */
export interface DisclosureReport {
  /** The tracking id the finder was given. */
  readonly id: string
  /** ISO 8601 instant. */
  readonly receivedAt: string
  readonly reporterName: string | null
  readonly reporterEmail: string | null
  /** Whether the finder agreed to be credited by name in the advisory. */
  readonly creditReporter: boolean
  /** The product as the finder named it. */
  readonly productText: string
  /** The product it was assigned to during triage. */
  readonly productId: string | null
  readonly title: string
  readonly description: string
  readonly state: DisclosureState
  readonly verdict: DisclosureVerdict | null
  /** The report this one repeats, when the verdict is duplicate. */
  readonly duplicateOf: string | null
  /** How many more times the same text arrived (folded into this report). */
  readonly repeats: number
  /** YYYY-MM-DD. */
  readonly acknowledgeDue: string
  readonly acknowledgedAt: string | null
  readonly cvssVector: string | null
  readonly cveId: string | null
  readonly cwe: CweRef | null
  /** Release versions of the assigned product the vulnerability affects. */
  readonly affectedReleases: readonly string[]
  /** The release that fixes it. */
  readonly fixedIn: string | null
  /** What users should do, in the manufacturer's words. */
  readonly remediation: string | null
  /** YYYY-MM-DD: the coordinated public disclosure date. */
  readonly publicDisclosureDate: string | null
  readonly updatedAt: string
}

export const DISCLOSURE_EVENT_KINDS = [
  'received',
  'repeated',
  'state',
  'assigned',
  'assessed',
  'note',
  'acknowledgement-sent',
] as const
export type DisclosureEventKind = (typeof DISCLOSURE_EVENT_KINDS)[number]

/** One entry of a report's coordination timeline. */
export interface DisclosureEvent {
  readonly seq: number
  /** ISO 8601 instant. */
  readonly at: string
  /** A username, or `reporter` for the finder. */
  readonly actor: string
  readonly kind: DisclosureEventKind
  readonly note: string
}
