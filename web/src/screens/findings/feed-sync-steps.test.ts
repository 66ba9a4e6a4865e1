import { describe, expect, test } from 'vitest'

import type { JobStatus } from '../../api/types.js'
import { nextSyncStep } from './feed-sync-steps.js'

const job = (over: Partial<JobStatus>): JobStatus => ({
  id: 'j1',
  name: 'feeds-sync',
  state: 'queued',
  data: {},
  createdAt: '2026-11-29T00:00:00Z',
  startedAt: null,
  completedAt: null,
  output: null,
  error: null,
  ...over,
})

describe('nextSyncStep', () => {
  test('waits while queued or running', () => {
    expect(nextSyncStep(job({}))).toEqual({ kind: 'wait' })
    expect(nextSyncStep(job({ state: 'active' }))).toEqual({ kind: 'wait' })
  })

  test('a sync that published advisories hands over to the evaluation it queued', () => {
    const synced = job({ state: 'completed', output: { evaluationJobId: 'j2', feeds: [] } })
    expect(nextSyncStep(synced)).toEqual({ kind: 'watch', jobId: 'j2' })
  })

  test('a sync that changed nothing asks for this product’s evaluation', () => {
    expect(nextSyncStep(job({ state: 'completed', output: { evaluationJobId: null } }))).toEqual({
      kind: 'evaluate',
    })
  })

  test('a finished evaluation ends it; a failure says why', () => {
    expect(nextSyncStep(job({ name: 'portfolio-evaluate', state: 'completed' }))).toEqual({
      kind: 'done',
    })
    expect(
      nextSyncStep(job({ state: 'failed', error: 'feeds/all-failed: every feed failed' })),
    ).toEqual({
      kind: 'failed',
      error: 'feeds/all-failed: every feed failed',
    })
  })
})
