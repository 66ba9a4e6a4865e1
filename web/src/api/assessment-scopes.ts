/**
 * The model keeps one decision per subject (threat, finding) and release scope: `releases`
 * absent means every release. These find the entry a save replaces and the one that applies.
 */
interface Scoped {
  readonly releases?: readonly string[]
}

/** Two release scopes are the same set; absent and empty both mean every release. */
export const sameReleases = (
  a: readonly string[] | undefined,
  b: readonly string[] | undefined,
): boolean => {
  const left = new Set(a ?? [])
  const right = new Set(b ?? [])
  return left.size === right.size && [...left].every((release) => right.has(release))
}

/** The entry for exactly these releases: the one a save with this scope replaces. */
export const entryForScope = <T extends Scoped>(
  entries: readonly T[],
  releases: readonly string[],
): T | undefined => entries.find((entry) => sameReleases(entry.releases, releases))

/**
 * The entry that decides for one release: the one naming it, else the one for every release
 * (the order src/core/vex/triage.ts resolves a finding's decision in).
 */
export const entryForRelease = <T extends Scoped>(
  entries: readonly T[],
  release: string,
): T | undefined =>
  entries.find((entry) => entry.releases?.includes(release) ?? false) ??
  entries.find((entry) => (entry.releases ?? []).length === 0)
