import { describe, expect, it } from 'vitest'

import { fakeClock } from '../../../test/support/feed-fixtures.js'
import { nvdRateLimiter, tokenBucket } from './token-bucket.js'

/** The times at which `count` requests go out through the limiter. */
const sendTimes = async (count: number, hasApiKey: boolean): Promise<number[]> => {
  const { clock } = fakeClock(0)
  const limiter = nvdRateLimiter(hasApiKey, clock)
  const times: number[] = []
  for (let index = 0; index < count; index += 1) {
    await limiter.acquire()
    times.push(clock.now())
  }
  return times
}

/** The most requests inside any half-open 30-second window (NVD's "rolling 30 second window"). */
const busiestWindow = (times: readonly number[]): number =>
  Math.max(...times.map((start) => times.filter((at) => at >= start && at < start + 30_000).length))

describe('NVD rate limiter', () => {
  it('never lets more than 5 requests into any 30 s without an API key', async () => {
    const times = await sendTimes(40, false)
    expect(busiestWindow(times)).toBe(5)
    expect(times.slice(0, 3)).toEqual([0, 6000, 12_000])
  })

  it('never lets more than 50 requests into any 30 s with an API key', async () => {
    const times = await sendTimes(400, true)
    expect(busiestWindow(times)).toBe(50)
    expect(times[399]).toBe(399 * 600)
  })
})

describe('tokenBucket', () => {
  it('lets a full bucket burst, then spaces requests by the refill rate', async () => {
    const { clock, slept } = fakeClock(0)
    const bucket = tokenBucket({ capacity: 3, perMilliseconds: 3000, clock })
    for (let index = 0; index < 5; index += 1) await bucket.acquire()
    expect(slept).toEqual([1000, 1000])
  })

  it('refills while idle, up to its capacity', async () => {
    const { clock, slept, advance } = fakeClock(0)
    const bucket = tokenBucket({ capacity: 2, perMilliseconds: 2000, clock })
    await bucket.acquire()
    await bucket.acquire()
    advance(60_000)
    await bucket.acquire()
    await bucket.acquire()
    expect(slept).toEqual([])
    await bucket.acquire()
    expect(slept).toEqual([1000])
  })
})
