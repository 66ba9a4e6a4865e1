import { describe, expect, it } from 'vitest'

import { feedSyncOutputOf, generatedFilesOf } from './job-output.js'

describe('generatedFilesOf', () => {
  it('lists the files of a documents-generate output', () => {
    expect(
      generatedFilesOf({
        kind: 'sbom',
        documents: [
          { id: 'd1', name: 'sbom-2.0.0.cdx.json', size: 10 },
          { id: 'd2', name: 'sbom-2.0.0.spdx.json' },
          { name: 'no id' },
        ],
      }),
    ).toEqual([
      { id: 'd1', name: 'sbom-2.0.0.cdx.json' },
      { id: 'd2', name: 'sbom-2.0.0.spdx.json' },
    ])
  })

  it('is empty for anything else', () => {
    expect(generatedFilesOf(null)).toEqual([])
    expect(generatedFilesOf({ documents: 'x' })).toEqual([])
    expect(generatedFilesOf([1, 2])).toEqual([])
  })
})

describe('feedSyncOutputOf', () => {
  it('reads each feed and the evaluation queued', () => {
    expect(
      feedSyncOutputOf({
        evaluationJobId: 'j2',
        feeds: [
          { key: 'osv:npm', outcome: 'synced', summary: '12 advisories', error: null },
          { key: 'kev', outcome: 'failed', summary: null, error: 'network: timeout' },
          { outcome: 'no key' },
        ],
      }),
    ).toEqual({
      evaluationJobId: 'j2',
      feeds: [
        { key: 'osv:npm', outcome: 'synced', summary: '12 advisories', error: null },
        { key: 'kev', outcome: 'failed', summary: null, error: 'network: timeout' },
      ],
    })
    expect(feedSyncOutputOf(null)).toEqual({ evaluationJobId: null, feeds: [] })
  })
})
