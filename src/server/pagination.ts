import { Type, type TSchema } from '@sinclair/typebox'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 500

/** `limit` and `offset` query parameters, shared by every list. */
export const PAGE_QUERY = {
  limit: Type.Integer({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: `How many items to return (at most ${String(MAX_PAGE_SIZE)})`,
  }),
  offset: Type.Integer({ minimum: 0, default: 0, description: 'How many items to skip' }),
} as const

export interface Page {
  readonly limit: number
  readonly offset: number
}

/** A page of a list: the items, how many there are in all, and the window asked for. */
export const PageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0, description: 'Items matching the filters, on all pages' }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  })

/** One page of a list held in memory. */
export const pageOf = <T>(items: readonly T[], page: Page) => ({
  items: items.slice(page.offset, page.offset + page.limit),
  total: items.length,
  limit: page.limit,
  offset: page.offset,
})
