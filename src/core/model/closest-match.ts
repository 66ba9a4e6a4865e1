/**
 * The candidate nearest to a misspelt word, if one is near enough to be a likely typo. Twenty
 * lines of edit distance do not justify a dependency.
 */
export const closestMatch = (word: string, candidates: readonly string[]): string | undefined => {
  const needle = word.toLowerCase()
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3))
  if (best !== undefined && bestDistance <= tolerance) return best
  const byPrefix = candidates.find(
    (candidate) => needle.length >= 3 && candidate.toLowerCase().startsWith(needle),
  )
  return byPrefix
}

const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i]
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
