/** The largest page a list route serves (MAX_PAGE_SIZE in src/server/pagination.ts). */
export const MAX_PAGE_SIZE = 500

interface PageLike<T> {
  readonly items: readonly T[]
  readonly total: number
}

/**
 * Every item of a paged list, asked for page by page at the largest size, so a screen that
 * filters and sorts in the browser sees the whole list. The first page's answer is returned
 * too: list routes put their header (revision, date, summary) beside the items.
 */
export const fetchAllPages = async <T, P extends PageLike<T>>(
  fetchPage: (limit: number, offset: number) => Promise<P>,
  pageSize = MAX_PAGE_SIZE,
): Promise<{ readonly first: P; readonly items: readonly T[] }> => {
  const first = await fetchPage(pageSize, 0)
  const items: T[] = [...first.items]
  let total = first.total
  // An empty page ends the loop even if the total grew in between, so it cannot run forever.
  while (items.length < total) {
    const page = await fetchPage(pageSize, items.length)
    if (page.items.length === 0) break
    items.push(...page.items)
    total = page.total
  }
  return { first, items }
}
