import { describe, expect, it } from 'vitest'

import type { Approval, PortfolioProduct } from '../../api/types.js'
import {
  allSignatures,
  awaitingSignatures,
  parseSubject,
  releaseOfSubject,
  signableSubjects,
  type ProductSignatures,
} from './awaiting.js'

type Release = PortfolioProduct['releases'][number]

const release = (version: string, over: Partial<Release> = {}): Release => ({
  version,
  releasedAt: `20${version.replace(/\D/g, '').padEnd(2, '0').slice(0, 2)}-01-01`,
  supportPhase: 'support',
  endOfLife: null,
  endOfSupport: null,
  endOfSupportNoticeDue: null,
  ...over,
})

const approval = (over: Partial<Approval>): Approval => ({
  id: 'a1',
  subject: 'risk-register',
  release: null,
  meaning: 'reviewed',
  signer: { id: 'u-alice', name: 'Alice' },
  signedAt: '2026-01-01T00:00:00Z',
  reason: 'looked at it',
  modelRevision: 5,
  contentHash: 'h',
  auditSeq: 1,
  superseded: false,
  ...over,
})

const product = (
  approvals: Approval[],
  releases = [release('1.0'), release('2.0')],
): ProductSignatures => ({
  product: { id: 'pump', name: 'Infusion pump', releases },
  revision: 5,
  approvals,
})

const everything = () => true
const keys = (items: readonly { subject: string; meaning: string }[]) =>
  items.map((item) => `${item.subject} ${item.meaning}`)

describe('signableSubjects', () => {
  it('asks about the register with every meaning and releases with review and approval', () => {
    expect(
      signableSubjects([
        release('1.0'),
        release('3.0', { supportPhase: 'end-of-support' }),
        release('2.0'),
      ]),
    ).toEqual([
      { subject: 'risk-register', meanings: ['reviewed', 'approved', 'risk-accepted'] },
      { subject: 'release:2.0', meanings: ['reviewed', 'approved'] },
      { subject: 'release:1.0', meanings: ['reviewed', 'approved'] },
    ])
  })
})

describe('awaitingSignatures', () => {
  it('lists everything the roles allow when nothing is signed', () => {
    expect(keys(awaitingSignatures(product([]), 'u-alice', everything))).toEqual([
      'risk-register reviewed',
      'risk-register approved',
      'risk-register risk-accepted',
      'release:2.0 reviewed',
      'release:2.0 approved',
      'release:1.0 reviewed',
      'release:1.0 approved',
    ])
  })

  it('keeps to the meanings the roles allow', () => {
    const reviewerOnly = (meaning: string) => meaning === 'reviewed'
    expect(keys(awaitingSignatures(product([]), 'u-alice', reviewerOnly))).toEqual([
      'risk-register reviewed',
      'release:2.0 reviewed',
      'release:1.0 reviewed',
    ])
  })

  it('drops what the person signed at the current revision, and only that', () => {
    const items = awaitingSignatures(
      product([
        approval({}),
        approval({
          id: 'a2',
          subject: 'release:2.0',
          meaning: 'approved',
          signer: { id: 'u-bob', name: 'Bob' },
        }),
      ]),
      'u-alice',
      (meaning) => meaning !== 'risk-accepted',
    )
    expect(keys(items)).toEqual([
      'risk-register approved',
      'release:2.0 reviewed',
      'release:2.0 approved',
      'release:1.0 reviewed',
      'release:1.0 approved',
    ])
    expect(
      items.find((item) => item.subject === 'release:2.0' && item.meaning === 'approved')
        ?.signedByOthers,
    ).toEqual(['Bob'])
  })

  it('asks again when the person signed an earlier revision', () => {
    const items = awaitingSignatures(
      product([approval({ modelRevision: 4, superseded: true })]),
      'u-alice',
      (meaning) => meaning === 'reviewed',
    )
    expect(items[0]).toMatchObject({
      subject: 'risk-register',
      meaning: 'reviewed',
      resign: true,
      revision: 5,
    })
    expect(items[1]?.resign).toBe(false)
  })
})

describe('releaseOfSubject and allSignatures', () => {
  it('reads the release of a release subject', () => {
    expect(releaseOfSubject('release:2.1.0')).toBe('2.1.0')
    expect(releaseOfSubject('risk-register')).toBeUndefined()
  })

  it('merges every product’s signatures, newest first', () => {
    const merged = allSignatures([
      product([approval({ id: 'old', signedAt: '2025-01-01T00:00:00Z' })]),
      {
        ...product([approval({ id: 'new', signedAt: '2026-02-01T00:00:00Z' })]),
        product: { id: 'monitor', name: 'Monitor', releases: [] },
      },
    ])
    expect(merged.map((row) => [row.id, row.productId])).toEqual([
      ['new', 'monitor'],
      ['old', 'pump'],
    ])
  })
})

describe('parseSubject', () => {
  it.each([
    ['risk-register', { kind: 'register', id: '' }],
    ['release:2.1.0', { kind: 'release', id: '2.1.0' }],
    ['threat:spoofing-ble@pump-ble', { kind: 'threat', id: 'spoofing-ble@pump-ble' }],
    ['document:mds2', { kind: 'document', id: 'mds2' }],
    ['something-else', { kind: 'other', id: 'something-else' }],
  ])('%s', (subject, parsed) => {
    expect(parseSubject(subject)).toEqual(parsed)
  })
})
