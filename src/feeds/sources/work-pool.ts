/**
 * Runs `work` over `items` with at most `limit` running at once, in order of the items.
 * `work` returns false to stop: items not yet started are then left alone.
 */
export const forEachLimited = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<boolean>,
): Promise<void> => {
  let next = 0
  let stopped = false
  const worker = async () => {
    while (!stopped && next < items.length) {
      const index = next
      next += 1
      const item = items[index] as T
      if (!(await work(item, index))) stopped = true
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker))
}
