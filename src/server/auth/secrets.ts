import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 256 bits from the system's CSPRNG, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url')

export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex')

/** Compares secrets in constant time, so their content cannot be guessed from response times. */
export const sameSecret = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'utf8')
  const right = Buffer.from(b, 'utf8')
  return left.length === right.length && timingSafeEqual(left, right)
}
