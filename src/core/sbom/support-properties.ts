/**
 * Where CycloneDX SBOMs carry the two FDA additions (level of support, end-of-support date). The
 * standard has no field for either up to 1.7, so producers use component `properties`; these are
 * the names in use, the registered or proposed ones first:
 *
 * - `cdx:lifecycle:milestone:endOfSupport`: registered in the CycloneDX property taxonomy
 *   (cdx/lifecycle.md), ISO 8601 date or timestamp.
 * - `cdx:fda:level-of-support`, `cdx:fda:end-of-support-date`: the `cdx:fda` namespace proposed
 *   to the taxonomy for FDA premarket submissions (cdx/fda.md, pull request #186); values are the
 *   guidance's own words (`actively maintained`, `no longer maintained`, `abandoned`).
 * - `cdx:cle:supportStatus`, `cdx:cle:endOfSupport`: written by sbomify's lifecycle enrichment
 *   (Common Lifecycle Enumeration words: `active`, `deprecated`, `eol`, `abandoned`, `unknown`)
 *   before it moved to the registered lifecycle names.
 *
 * SPDX has fields of its own: 2.3 `validUntilDate` (end of the supplier's support period), 3.0
 * `supportLevel` and `validUntilTime`; the SPDX readers use those.
 */
export const SUPPORT_LEVEL_PROPERTIES = ['cdx:fda:level-of-support', 'cdx:cle:supportStatus']

export const END_OF_SUPPORT_PROPERTIES = [
  'cdx:lifecycle:milestone:endOfSupport',
  'cdx:fda:end-of-support-date',
  'cdx:cle:endOfSupport',
]

export interface SupportFacts {
  readonly supportLevel?: string
  readonly endOfSupport?: string
}

/** The support facts among name-value properties; the first name of each list that is set wins. */
export const supportFromProperties = (
  properties: readonly { readonly name: string; readonly value: string }[],
): SupportFacts => {
  if (properties.length === 0) return {}
  const byName = new Map<string, string>()
  for (const { name, value } of properties) {
    const trimmed = value.trim()
    if (trimmed !== '' && !byName.has(name)) byName.set(name, trimmed)
  }
  const supportLevel = firstOf(SUPPORT_LEVEL_PROPERTIES, byName)
  const endOfSupport = firstOf(END_OF_SUPPORT_PROPERTIES, byName)
  return {
    ...(supportLevel === undefined ? {} : { supportLevel }),
    ...(endOfSupport === undefined ? {} : { endOfSupport }),
  }
}

const firstOf = (names: readonly string[], values: Map<string, string>): string | undefined => {
  for (const name of names) {
    const value = values.get(name)
    if (value !== undefined) return value
  }
  return undefined
}
