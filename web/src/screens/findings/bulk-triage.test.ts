import { describe, expect, test } from 'vitest'

import { ApiError } from '../../api/client.js'
import {
  countOutcomes,
  evaluationJobsOf,
  selectedFindings,
  triageSequentially,
} from './bulk-triage.js'
import { findingOf } from './test-findings.js'

describe('triageSequentially', () => {
  test('each request carries the ETag the previous answer gave', async () => {
    const sent: [string, string][] = []
    let revision = 7
    const result = await triageSequentially(['a@x', 'b@x', 'c@x'], '"r7"', (id, ifMatch) => {
      sent.push([id, ifMatch])
      revision += 1
      return Promise.resolve({ tag: `"r${String(revision)}"`, evaluationJobId: `job-${id}` })
    })
    expect(sent).toEqual([
      ['a@x', '"r7"'],
      ['b@x', '"r8"'],
      ['c@x', '"r9"'],
    ])
    expect(result.tag).toBe('"r10"')
    expect(countOutcomes(result.outcomes)).toEqual({ saved: 3, failed: 0, notSent: 0 })
    expect(evaluationJobsOf(result.outcomes)).toEqual(['job-a@x', 'job-b@x', 'job-c@x'])
  })

  test('a refused finding is reported and the next goes with the unchanged ETag', async () => {
    const sent: string[] = []
    const refused = new ApiError(422, 'invalid-model', 'no such control')
    const result = await triageSequentially(['a@x', 'b@x', 'a@x'], '"r1"', (id, ifMatch) => {
      sent.push(`${id} ${ifMatch}`)
      return id === 'a@x' ? Promise.reject(refused) : Promise.resolve({ tag: '"r2"' })
    })
    // The duplicate id is sent once.
    expect(sent).toEqual(['a@x "r1"', 'b@x "r1"'])
    expect(result.outcomes).toEqual([
      { findingId: 'a@x', result: 'failed', error: refused },
      { findingId: 'b@x', result: 'saved' },
    ])
    // A server without advisory data queues no re-evaluation.
    expect(evaluationJobsOf(result.outcomes)).toEqual([])
  })

  test('after a 412 the rest are not sent', async () => {
    const progress: number[] = []
    const result = await triageSequentially(
      ['a@x', 'b@x', 'c@x'],
      '"r1"',
      (id) =>
        id === 'b@x'
          ? Promise.reject(new ApiError(412, 'stale-revision', 'someone saved'))
          : Promise.resolve({ tag: '"r2"', evaluationJobId: `job-${id}` }),
      (done) => progress.push(done),
    )
    expect(result.outcomes.map((outcome) => outcome.result)).toEqual([
      'saved',
      'failed',
      'not-sent',
    ])
    expect(progress).toEqual([1, 2])
    expect(countOutcomes(result.outcomes)).toEqual({ saved: 1, failed: 1, notSent: 1 })
    expect(evaluationJobsOf(result.outcomes)).toEqual(['job-a@x'])
  })
})

describe('selectedFindings', () => {
  const row = (findingId: string, release: string) => findingOf({ findingId, release })
  const rows = [row('CVE-1@a', '1.0'), row('CVE-1@a', '2.0'), row('CVE-2@b', '1.0')]

  test('one row per finding, whatever the rows selected', () => {
    const picked = selectedFindings(rows, new Set(['CVE-1@a 1.0', 'CVE-1@a 2.0', 'CVE-2@b 1.0']))
    expect(picked).toEqual([rows[0], rows[2]])
  })

  test('rows not selected are left out', () => {
    expect(selectedFindings(rows, new Set(['CVE-1@a 2.0']))).toEqual([rows[1]])
  })
})
