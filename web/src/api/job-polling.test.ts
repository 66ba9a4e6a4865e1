import { describe, expect, test } from 'vitest'

import {
  followJobs,
  isJobOver,
  jobAnswered,
  jobStateOf,
  jobStep,
  NO_JOBS,
  pollInterval,
} from './job-polling.js'
import type { JobStatus } from './types.js'

const job = (
  id: string,
  state: JobStatus['state'],
  createdAt = '2026-11-29T10:00:00Z',
): JobStatus => ({
  id,
  name: 'portfolio-evaluate',
  state,
  data: { productId: 'pump' },
  createdAt,
  startedAt: null,
  completedAt: null,
  output: null,
  error: state === 'failed' ? 'advisory index missing' : null,
})

describe('polling', () => {
  test('a job is over once completed or failed', () => {
    expect(isJobOver(job('a', 'completed'))).toBe(true)
    expect(isJobOver(job('a', 'failed'))).toBe(true)
    expect(isJobOver(job('a', 'active'))).toBe(false)
    expect(isJobOver(undefined)).toBe(false)
  })

  test('asked for soon at first, less often as it ages, never once over', () => {
    const created = Date.parse('2026-11-29T10:00:00Z')
    expect(pollInterval(undefined, created)).toBe(1000)
    expect(pollInterval(job('a', 'queued'), created + 5_000)).toBe(1000)
    expect(pollInterval(job('a', 'active'), created + 60_000)).toBe(3000)
    expect(pollInterval(job('a', 'active'), created + 600_000)).toBe(10_000)
    expect(pollInterval(job('a', 'completed'), created + 5_000)).toBe(false)
  })
})

describe('jobs in turn', () => {
  test('each job leaves the wait once over, in the order they were queued', () => {
    let wait = followJobs(NO_JOBS, ['j1', 'j2'])
    wait = followJobs(wait, ['j2', 'j3'])
    expect(wait.waiting).toEqual(['j1', 'j2', 'j3'])
    expect(jobAnswered(wait, job('j1', 'active'))).toBeNull()
    // An answer about a job not first in line (a late one) changes nothing.
    expect(jobAnswered(wait, job('j2', 'completed'))).toBeNull()
    const next = jobAnswered(wait, job('j1', 'completed'))
    expect(next).toEqual({ waiting: ['j2', 'j3'], failed: [] })
  })

  test('failures are kept until the wait is over, and forgotten by the next wait', () => {
    const failed = job('j1', 'failed')
    const afterFirst = jobAnswered(followJobs(NO_JOBS, ['j1', 'j2']), failed)
    expect(afterFirst).toEqual({ waiting: ['j2'], failed: [failed] })
    const over = jobAnswered(afterFirst ?? NO_JOBS, job('j2', 'completed'))
    expect(over).toEqual({ waiting: [], failed: [failed] })
    expect(followJobs(over ?? NO_JOBS, ['j3'])).toEqual({ waiting: ['j3'], failed: [] })
    // Jobs added while others still run keep the failures seen so far.
    expect(followJobs(afterFirst ?? NO_JOBS, ['j3']).failed).toEqual([failed])
  })
})

describe('progress', () => {
  test.each([
    [undefined, 1],
    ['queued', 1],
    ['active', 2],
    ['completed', 3],
    ['failed', 3],
  ] as const)('%s is step %d', (state, step) => {
    expect(jobStep(state === undefined ? undefined : { state })).toBe(step)
  })

  test('a state the web does not know is not taken for one it knows', () => {
    expect(jobStateOf({ state: 'retrying' })).toBeUndefined()
    expect(jobStateOf({ state: 'failed' })).toBe('failed')
  })
})
