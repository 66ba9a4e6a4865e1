import type { CONTROL_CATEGORIES, STRIDE } from '../model/index.js'
import type { ItemKind } from '../model/model-index.js'
import type { ThreatContext } from './threat-context.js'

export type StrideCategory = (typeof STRIDE)[number]
export type ControlCategory = (typeof CONTROL_CATEGORIES)[number]

/** Where a rule's concern is written down, so an auditor can follow it to the source. */
export const CLAUSE_SOURCES = [
  'FDA premarket guidance',
  'FDA postmarket guidance',
  'IMDRF N60',
  'IMDRF N70',
  'IEC 81001-5-1',
  'MDS2',
  'MDCG 2019-16',
] as const
export type ClauseSource = (typeof CLAUSE_SOURCES)[number]

export interface ClauseReference {
  /** One of CLAUSE_SOURCES for built-in rules; a manufacturer's own rules may cite their own. */
  readonly source: ClauseSource | (string & Record<never, never>)
  /** Section, appendix item or MDS2 section id, e.g. "Appendix 1, Authentication" or "TXCF". */
  readonly clause: string
}

export interface Recommendation {
  readonly category: ControlCategory
  readonly text: string
}

/** What a rule found about one item of the model. */
export interface ThreatFinding {
  /** Id of the model item the threat is about; the threat id is `ruleId@subject`. */
  readonly subject: string
  /** Why it fires here, in terms of this model (names, protocols, ids). */
  readonly detail: string
  /** The threat can harm many patients at once (FDA multi-patient harm view). */
  readonly multiPatient?: boolean
}

/**
 * A threat rule: metadata that says what it looks for and why, and one pure function over the
 * model. Rules never throw on a valid model.
 */
export interface ThreatRule {
  /** Kebab-case, equal to the file name, never reused. */
  readonly id: string
  readonly title: string
  readonly stride: readonly StrideCategory[]
  readonly capec: readonly number[]
  readonly cwe: readonly number[]
  readonly references: readonly ClauseReference[]
  /** Why this matters for patients, in a sentence or two. */
  readonly rationale: string
  readonly recommendations: readonly Recommendation[]
  /** The kind of item its findings are about. */
  readonly subjectKind: ItemKind
  readonly evaluate: (context: ThreatContext) => readonly ThreatFinding[]
}
