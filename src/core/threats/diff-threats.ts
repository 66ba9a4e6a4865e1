import type { Threat } from './generate-threats.js'

export interface ThreatDiff {
  /** Threats the new revision has that the old one did not: new risks to assess. */
  readonly opened: readonly Threat[]
  /** Threats gone in the new revision: their decisions no longer apply. */
  readonly closed: readonly Threat[]
}

/** Which threats a model change opens and closes, by stable threat id. */
export const diffThreats = (before: readonly Threat[], after: readonly Threat[]): ThreatDiff => {
  const old = new Set(before.map((t) => t.id))
  const now = new Set(after.map((t) => t.id))
  return {
    opened: after.filter((t) => !old.has(t.id)),
    closed: before.filter((t) => !now.has(t.id)),
  }
}
