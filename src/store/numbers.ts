import { InternalError } from '../core/index.js'

/**
 * `pg` returns bigint results (COUNT, SUM, int8 columns) as strings so as not to lose precision;
 * better-sqlite3 returns numbers. The store hands out numbers only.
 */
export const toNumber = (value: string | number | bigint): number => {
  const number = Number(value)
  if (!Number.isSafeInteger(number)) {
    throw new InternalError('store/not-a-count', `expected a safe integer, got ${String(value)}`)
  }
  return number
}
