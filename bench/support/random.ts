/** mulberry32: a small seeded PRNG, so every run measures the same data. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(next: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(next() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** An integer in [low, high], log-uniform: many small values, a long tail of large ones. */
export const logUniform = (next: () => number, low: number, high: number): number =>
  Math.floor(Math.exp(Math.log(low) + next() * (Math.log(high + 1) - Math.log(low))))
