import {
  expressionBuilder,
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
} from 'kysely'

import { toNumber } from './numbers.js'
import type { Store } from './open-store.js'
import type { StoreTables } from './schema.js'

/** A product as the portfolio lists it: the model's name and revision, and its releases. */
export interface ProductListing {
  readonly id: string
  readonly name: string
  readonly revision: number
  readonly releases: readonly ProductRelease[]
}

/** A release as recorded from the model at its last import. */
export interface ProductRelease {
  readonly version: string
  readonly releasedAt: string | null
  readonly supportEnds: string | null
}

export interface ProductQuery {
  /** Only products this user holds a role on (all of them with a role on `*`). */
  readonly visibleTo: string
  /** Case-insensitive part of the name or the id. */
  readonly text?: string
  readonly limit: number
  readonly offset: number
}

/** `%` and `_` in what people type are letters, not wildcards. */
export const likePattern = (text: string): string =>
  `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`

export const containsText = (column: Expression<string>, text: string): Expression<SqlBool> =>
  sql<SqlBool>`lower(${column}) like ${likePattern(text)} escape '\\'`

/** The product id is one the user holds a role on, or the user holds a role on `*`. */
export const heldBy = (userId: string, productId: Expression<string>): Expression<SqlBool> => {
  const eb = expressionBuilder<StoreTables>()
  return eb.or([
    eb.exists(
      eb
        .selectFrom('product_roles')
        .select('product_roles.role')
        .where('product_roles.user_id', '=', userId)
        .where('product_roles.product_id', '=', '*'),
    ),
    eb(
      productId,
      'in',
      eb
        .selectFrom('product_roles')
        .select('product_roles.product_id')
        .where('product_roles.user_id', '=', userId),
    ),
  ])
}

const visibleTo =
  (userId: string) =>
  (eb: ExpressionBuilder<StoreTables, 'products'>): Expression<SqlBool> =>
    heldBy(userId, eb.ref('products.id'))

/** One page of the products a user may see, by id, with the total for paging. */
export const listProducts = async (
  store: Store,
  query: ProductQuery,
): Promise<{ readonly items: readonly ProductListing[]; readonly total: number }> => {
  let base = store.db.selectFrom('products').where(visibleTo(query.visibleTo))
  const text = query.text?.trim()
  if (text !== undefined && text !== '') {
    base = base.where((eb) =>
      eb.or([
        containsText(eb.ref('products.name'), text),
        containsText(eb.ref('products.id'), text),
      ]),
    )
  }
  const counted = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst()
  const rows = await base
    .select(['products.id', 'products.name', 'products.model_revision'])
    .orderBy('products.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  const releases = await releasesOf(
    store,
    rows.map((row) => row.id),
  )
  return {
    total: toNumber(counted?.total ?? 0),
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      revision: toNumber(row.model_revision),
      releases: releases.get(row.id) ?? [],
    })),
  }
}

const releasesOf = async (
  store: Store,
  productIds: readonly string[],
): Promise<Map<string, ProductRelease[]>> => {
  const byProduct = new Map<string, ProductRelease[]>()
  if (productIds.length === 0) return byProduct
  const rows = await store.db
    .selectFrom('releases')
    .select(['product_id', 'version', 'released_at', 'support_ends'])
    .where('product_id', 'in', productIds)
    .orderBy('product_id')
    .orderBy('released_at')
    .orderBy('version')
    .execute()
  for (const row of rows) {
    const list = byProduct.get(row.product_id) ?? []
    list.push({ version: row.version, releasedAt: row.released_at, supportEnds: row.support_ends })
    byProduct.set(row.product_id, list)
  }
  return byProduct
}

/** The product's name and model revision; undefined when there is no such product. */
export const findProduct = async (
  store: Store,
  productId: string,
): Promise<
  { readonly id: string; readonly name: string; readonly revision: number } | undefined
> => {
  const row = await store.db
    .selectFrom('products')
    .select(['id', 'name', 'model_revision'])
    .where('id', '=', productId)
    .executeTakeFirst()
  return row === undefined
    ? undefined
    : { id: row.id, name: row.name, revision: toNumber(row.model_revision) }
}

/** What the portfolio shows of a model without parsing it: its product name and releases. */
export interface ModelFacts {
  readonly name: string
  readonly releases: readonly ProductRelease[]
}

/**
 * Writes the name and releases of a model inside the transaction that imports it, so the
 * portfolio never shows the facts of another revision than the one stored.
 */
export const writeModelFacts = async (
  trx: Kysely<StoreTables>,
  productId: string,
  facts: ModelFacts,
): Promise<void> => {
  await trx.updateTable('products').set({ name: facts.name }).where('id', '=', productId).execute()
  await trx.deleteFrom('releases').where('product_id', '=', productId).execute()
  const unique = new Map(facts.releases.map((release) => [release.version, release]))
  if (unique.size > 0) {
    await trx
      .insertInto('releases')
      .values(
        [...unique.values()].map((release) => ({
          product_id: productId,
          version: release.version,
          released_at: release.releasedAt,
          support_ends: release.supportEnds,
        })),
      )
      .execute()
  }
}
