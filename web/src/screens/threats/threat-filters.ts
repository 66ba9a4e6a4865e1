import type { IdOption } from '../../api/model-ids.js'
import type { Threat } from '../../api/types.js'

export interface ThreatFilters {
  /** '' means any. */
  readonly status: string
  readonly category: string
  readonly element: string
  readonly text: string
}

export const NO_THREAT_FILTERS: ThreatFilters = { status: '', category: '', element: '', text: '' }

const matchesText = (threat: Threat, text: string): boolean => {
  const needle = text.trim().toLowerCase()
  if (needle === '') return true
  return [
    threat.id,
    threat.title,
    threat.element,
    threat.detail,
    ...threat.capec,
    ...threat.cwe,
  ].some((value) => value.toLowerCase().includes(needle))
}

/**
 * The threats the filters let through. The route filters status, category and element too, but
 * the screen holds the release's whole list so the element choices and counts stay put while
 * the user narrows it down.
 */
export const filterThreats = (
  threats: readonly Threat[],
  filters: ThreatFilters,
): readonly Threat[] =>
  threats.filter(
    (threat) =>
      (filters.status === '' || threat.status === filters.status) &&
      (filters.category === '' || threat.stride.includes(filters.category)) &&
      (filters.element === '' || threat.element === filters.element) &&
      matchesText(threat, filters.text),
  )

/** The elements threats target, for the element filter. */
export const elementsOf = (threats: readonly Threat[]): readonly string[] =>
  [...new Set(threats.map((threat) => threat.element))].sort((a, b) => a.localeCompare(b))

/** How many threats have each status. */
export const countByStatus = (threats: readonly Threat[]): ReadonlyMap<string, number> => {
  const counts = new Map<string, number>()
  for (const threat of threats) counts.set(threat.status, (counts.get(threat.status) ?? 0) + 1)
  return counts
}

/**
 * Hazardous situations the model already links to threats. The API has no list of all of them,
 * so the form also takes an id typed by hand (the save checks it against the model).
 */
export const knownHazardousSituations = (threats: readonly Threat[]): readonly IdOption[] =>
  [
    ...new Set(
      threats.flatMap((threat) => [
        ...threat.hazardousSituations,
        ...threat.assessments.flatMap((assessment) => assessment.hazardousSituations ?? []),
      ]),
    ),
  ]
    .sort((a, b) => a.localeCompare(b))
    .map((id) => ({ id }))
