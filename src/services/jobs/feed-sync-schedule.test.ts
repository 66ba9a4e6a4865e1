import { afterEach, describe, expect, it, vi } from 'vitest'

import type { JobQueue, JobName } from '../../jobs/index.js'
import { FEEDS_SYNC_SINGLETON, scheduleFeedSync } from './feed-sync-schedule.js'

const recordingQueue = () => {
  const sent: { name: JobName; singletonKey: string | undefined }[] = []
  const queue: JobQueue = {
    send: (name, _data, options) => {
      sent.push({ name, singletonKey: options?.singletonKey })
      return Promise.resolve(String(sent.length))
    },
    get: () => Promise.resolve(undefined),
    work: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  }
  return { queue, sent }
}

describe('scheduleFeedSync', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('asks for one singleton feed sync per period until stopped', async () => {
    vi.useFakeTimers()
    const { queue, sent } = recordingQueue()
    const stop = scheduleFeedSync(queue, 6, () => undefined)
    await vi.advanceTimersByTimeAsync(6 * 3_600_000 - 1)
    expect(sent).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toEqual([{ name: 'feeds-sync', singletonKey: FEEDS_SYNC_SINGLETON }])
    await vi.advanceTimersByTimeAsync(12 * 3_600_000)
    expect(sent).toHaveLength(3)
    stop()
    await vi.advanceTimersByTimeAsync(24 * 3_600_000)
    expect(sent).toHaveLength(3)
  })

  it('hands a failed request to the error callback instead of throwing', async () => {
    vi.useFakeTimers()
    const errors: unknown[] = []
    const queue: JobQueue = {
      ...recordingQueue().queue,
      send: () => Promise.reject(new Error('database unreachable')),
    }
    const stop = scheduleFeedSync(queue, 1, (error) => errors.push(error))
    await vi.advanceTimersByTimeAsync(3_600_000)
    stop()
    expect(errors).toEqual([new Error('database unreachable')])
  })
})
