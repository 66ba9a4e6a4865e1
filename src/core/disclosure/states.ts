/**
 * A vulnerability report's way through coordinated disclosure (ISO/IEC 30111 handling, ISO/IEC
 * 29147 disclosure): received, acknowledged to the finder, triaged to a verdict, remediated,
 * published, closed.
 */
export const DISCLOSURE_STATES = [
  'received',
  'acknowledged',
  'triaging',
  'accepted',
  'rejected',
  'duplicate',
  'remediating',
  'published',
  'closed',
] as const
export type DisclosureState = (typeof DISCLOSURE_STATES)[number]

/**
 * The states each state may move to. Spam and plain duplicates may be turned away before the
 * acknowledgement; an accepted report may be published without a separate remediation step when
 * the fix already shipped.
 */
export const DISCLOSURE_TRANSITIONS: Readonly<Record<DisclosureState, readonly DisclosureState[]>> =
  {
    received: ['acknowledged', 'rejected', 'duplicate'],
    acknowledged: ['triaging', 'rejected', 'duplicate'],
    triaging: ['accepted', 'rejected', 'duplicate'],
    accepted: ['remediating', 'published'],
    rejected: ['closed'],
    duplicate: ['closed'],
    remediating: ['published'],
    published: ['closed'],
    closed: [],
  }

export const isDisclosureState = (value: string): value is DisclosureState =>
  (DISCLOSURE_STATES as readonly string[]).includes(value)

export const canMoveTo = (from: DisclosureState, to: DisclosureState): boolean =>
  DISCLOSURE_TRANSITIONS[from].includes(to)

/** The triage verdicts: the state that records each stays on the report as its verdict. */
export const DISCLOSURE_VERDICTS = ['accepted', 'rejected', 'duplicate'] as const
export type DisclosureVerdict = (typeof DISCLOSURE_VERDICTS)[number]

export const verdictOf = (state: DisclosureState): DisclosureVerdict | undefined =>
  (DISCLOSURE_VERDICTS as readonly string[]).includes(state)
    ? (state as DisclosureVerdict)
    : undefined
