import { describe, expect, it } from 'vitest'

import type { AuditEvent } from '../../api/types.js'
import {
  auditQuery,
  distinctValues,
  nextBefore,
  nextDay,
  NO_AUDIT_FILTERS,
  productOfSubject,
  stateText,
} from './audit-query.js'

const event = (seq: number, over: Partial<AuditEvent> = {}): AuditEvent => ({
  id: `e${String(seq)}`,
  seq,
  at: '2026-01-01T10:00:00.000Z',
  actor: 'alice',
  action: 'model.import',
  subject: 'product:pump',
  before: null,
  after: null,
  reason: null,
  hash: 'ab',
  ...over,
})

describe('nextDay', () => {
  it.each([
    ['2026-01-31', '2026-02-01'],
    ['2024-02-28', '2024-02-29'],
    ['2025-12-31', '2026-01-01'],
  ])('%s → %s', (date, next) => {
    expect(nextDay(date)).toBe(next)
  })
})

describe('auditQuery', () => {
  it('asks for the newest page without filters', () => {
    expect(auditQuery(NO_AUDIT_FILTERS, undefined, 200)).toBe('?limit=200')
  })

  it('sends trimmed filters, the last day included, and the page cursor', () => {
    expect(
      auditQuery(
        { actor: ' bob ', action: 'approval.sign', from: '2026-01-01', to: '2026-01-31' },
        42,
        100,
      ),
    ).toBe('?actor=bob&action=approval.sign&since=2026-01-01&until=2026-02-01&before=42&limit=100')
  })
})

describe('nextBefore', () => {
  it('continues below the oldest event of a full page', () => {
    expect(nextBefore({ items: [event(9), event(8)], total: 5 }, 2)).toBe(8)
  })

  it('stops after a short page or when everything is loaded', () => {
    expect(nextBefore({ items: [event(9)], total: 5 }, 2)).toBeUndefined()
    expect(nextBefore({ items: [event(2), event(1)], total: 2 }, 2)).toBeUndefined()
    expect(nextBefore({ items: [], total: 0 }, 2)).toBeUndefined()
  })
})

describe('productOfSubject', () => {
  it('finds the product of product subjects only', () => {
    expect(productOfSubject('product:pump')).toBe('pump')
    expect(productOfSubject('product:pump/threat:x@y')).toBe('pump')
    expect(productOfSubject('user:u1')).toBeUndefined()
    expect(productOfSubject('products')).toBeUndefined()
  })
})

describe('distinctValues and stateText', () => {
  it('lists each actor once, sorted', () => {
    expect(
      distinctValues([event(1, { actor: 'bob' }), event(2), event(3, { actor: 'bob' })], 'actor'),
    ).toEqual(['alice', 'bob'])
  })

  it('shows states as indented JSON and nothing for none', () => {
    expect(stateText({ a: 1 })).toBe('{\n  "a": 1\n}')
    expect(stateText(null)).toBeUndefined()
  })
})
