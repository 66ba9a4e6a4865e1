/** The value with every `readonly` dropped, arrays included. */
export type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T

/**
 * Response schemas type their arrays as mutable while the domain hands out read-only ones; a
 * reply is only serialized, never changed, so the one may stand for the other.
 */
export const replyBody = <T>(value: T): Mutable<T> => value as Mutable<T>
