import type { Clock } from './clock.js'

export interface RateLimiter {
  /** Resolves when one more request may be sent. */
  readonly acquire: () => Promise<void>
}

/**
 * A token bucket on an injected clock: `capacity` tokens, refilled continuously at
 * `capacity / perMilliseconds`. A request takes one token, waiting for it when the bucket is
 * empty.
 */
export const tokenBucket = (options: {
  readonly capacity: number
  readonly perMilliseconds: number
  readonly clock: Clock
}): RateLimiter => {
  const { capacity, perMilliseconds, clock } = options
  const msPerToken = perMilliseconds / capacity
  let tokens = capacity
  let updatedAt = clock.now()
  const refill = () => {
    const now = clock.now()
    tokens = Math.min(capacity, tokens + (now - updatedAt) / msPerToken)
    updatedAt = now
  }
  return {
    acquire: async () => {
      refill()
      while (tokens < 1) {
        await clock.sleep(Math.ceil((1 - tokens) * msPerToken))
        refill()
      }
      tokens -= 1
    },
  }
}

/**
 * NVD's documented limits: 5 requests in a rolling 30-second window without an API key, 50 with
 * one. A bucket holding the whole allowance would let a burst of N follow N-1 refills inside one
 * window (almost 2N), so the bucket holds one token and refills every 30 s / N: never more than
 * N requests in any 30 seconds.
 */
export const nvdRateLimiter = (hasApiKey: boolean, clock: Clock): RateLimiter =>
  tokenBucket({ capacity: 1, perMilliseconds: 30_000 / (hasApiKey ? 50 : 5), clock })
