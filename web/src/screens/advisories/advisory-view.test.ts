import { describe, expect, it } from 'vitest'

import type { Advisory } from '../../api/types.js'
import {
  affectedSummary,
  epssPercent,
  groupAffected,
  leadingNew,
  severityText,
  severityTone,
} from './advisory-view.js'

type Affected = Advisory['affected'][number]

const hit = (over: Partial<Affected>): Affected => ({
  productId: 'pump',
  productName: 'Infusion pump',
  release: '2.0.0',
  component: 'openssl',
  findingId: 'CVE-2024-1@openssl',
  vexStatus: 'untriaged',
  ...over,
})

const advisory = (over: Partial<Advisory>): Advisory => ({
  vulnerability: 'CVE-2024-1',
  aliases: [],
  severity: 'HIGH',
  cvssScore: 7.5,
  kev: false,
  epss: null,
  summary: null,
  firstSeen: '2026-01-02T00:00:00Z',
  lastEvaluatedAt: '2026-01-02T00:00:00Z',
  isNew: true,
  affected: [],
  ...over,
})

describe('groupAffected', () => {
  it('groups by product name, then release in version order, then component', () => {
    const grouped = groupAffected([
      hit({ release: '10.0.0', component: 'zlib' }),
      hit({ release: '2.0.0', component: 'zlib' }),
      hit({ productId: 'monitor', productName: 'Bedside monitor', release: '1.0' }),
      hit({ release: '2.0.0', component: 'busybox' }),
    ])
    expect(grouped).toEqual([
      {
        productId: 'monitor',
        productName: 'Bedside monitor',
        releases: [
          {
            release: '1.0',
            components: [
              { component: 'openssl', findingId: 'CVE-2024-1@openssl', vexStatus: 'untriaged' },
            ],
          },
        ],
      },
      {
        productId: 'pump',
        productName: 'Infusion pump',
        releases: [
          {
            release: '2.0.0',
            components: [
              { component: 'busybox', findingId: 'CVE-2024-1@openssl', vexStatus: 'untriaged' },
              { component: 'zlib', findingId: 'CVE-2024-1@openssl', vexStatus: 'untriaged' },
            ],
          },
          {
            release: '10.0.0',
            components: [
              { component: 'zlib', findingId: 'CVE-2024-1@openssl', vexStatus: 'untriaged' },
            ],
          },
        ],
      },
    ])
  })

  it('says nothing for an advisory that affects nothing', () => {
    expect(groupAffected([])).toEqual([])
    expect(affectedSummary([])).toBe('')
  })
})

describe('affectedSummary', () => {
  it('names each product once with its releases', () => {
    expect(
      affectedSummary([
        hit({ release: '1.0.0' }),
        hit({ release: '2.0.0' }),
        hit({ release: '2.0.0', component: 'zlib' }),
        hit({ productId: 'monitor', productName: 'Bedside monitor', release: '3.1' }),
      ]),
    ).toBe('Bedside monitor (3.1); Infusion pump (1.0.0, 2.0.0)')
  })
})

describe('leadingNew', () => {
  it('counts the new advisories before the first seen one', () => {
    const items = [advisory({}), advisory({}), advisory({ isNew: false }), advisory({})]
    expect(leadingNew(items, 10)).toEqual({ count: 2, more: false })
  })

  it('may find more new ones on the next page while every loaded one is new', () => {
    expect(leadingNew([advisory({}), advisory({})], 5)).toEqual({ count: 2, more: true })
    expect(leadingNew([advisory({}), advisory({})], 2)).toEqual({ count: 2, more: false })
  })
})

describe('epssPercent', () => {
  it.each([
    [null, '—'],
    [0.5, '50.0%'],
    [0.0123, '1.2%'],
    [0.0004, '0.04%'],
  ])('%s → %s', (epss, text) => {
    expect(epssPercent(epss)).toBe(text)
  })
})

describe('severityText and severityTone', () => {
  it('joins the score and the word, whichever is known', () => {
    expect(severityText({ severity: 'HIGH', cvssScore: 7.5 })).toBe('7.5 HIGH')
    expect(severityText({ severity: null, cvssScore: 5 })).toBe('5.0')
    expect(severityText({ severity: 'MODERATE', cvssScore: null })).toBe('MODERATE')
    expect(severityText({ severity: null, cvssScore: null })).toBe('—')
  })

  it('marks critical and high as bad, medium as warn, the rest neutral', () => {
    expect(severityTone('CRITICAL', null)).toBe('bad')
    expect(severityTone(null, 8.1)).toBe('bad')
    expect(severityTone('moderate', null)).toBe('warn')
    expect(severityTone('LOW', 2)).toBe('neutral')
    expect(severityTone(null, null)).toBe('neutral')
  })
})
