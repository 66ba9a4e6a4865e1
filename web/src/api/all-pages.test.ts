import { describe, expect, test } from 'vitest'

import { fetchAllPages } from './all-pages.js'

const pagesOf = (all: readonly number[]) => {
  const asked: [number, number][] = []
  const fetchPage = (limit: number, offset: number) => {
    asked.push([limit, offset])
    return Promise.resolve({
      items: all.slice(offset, offset + limit),
      total: all.length,
      header: 'h',
    })
  }
  return { asked, fetchPage }
}

describe('fetchAllPages', () => {
  test('asks page after page at the given size until the total is reached', async () => {
    const all = Array.from({ length: 1203 }, (_, i) => i)
    const { asked, fetchPage } = pagesOf(all)
    const { first, items } = await fetchAllPages<number, Awaited<ReturnType<typeof fetchPage>>>(
      fetchPage,
      500,
    )
    expect(asked).toEqual([
      [500, 0],
      [500, 500],
      [500, 1000],
    ])
    expect(items).toEqual(all)
    expect(first.header).toBe('h')
  })

  test('one request when everything fits on the first page', async () => {
    const { asked, fetchPage } = pagesOf([1, 2, 3])
    const { items } = await fetchAllPages(fetchPage)
    expect(asked).toEqual([[500, 0]])
    expect(items).toEqual([1, 2, 3])
  })

  test('stops at an empty page even when the total says there is more', async () => {
    let calls = 0
    const { items } = await fetchAllPages((_limit, offset) => {
      calls += 1
      return Promise.resolve({ items: offset === 0 ? [1, 2] : [], total: 10 })
    }, 2)
    expect(items).toEqual([1, 2])
    expect(calls).toBe(2)
  })
})
