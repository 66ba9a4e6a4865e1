import { describe, expect, it } from 'vitest'

import type { RiskEntry } from '../risk-register/index.js'
import { alertDigest, linkedRisksOf, type DigestAlert } from './alert-digest.js'

const alert = (change: Partial<DigestAlert>): DigestAlert => ({
  release: '4.1.2',
  vulnerability: 'CVE-2024-0001',
  component: 'openssl-3-0-2',
  severity: 'High',
  kev: false,
  suggestedStatus: 'under_investigation',
  linkedRisks: [],
  ...change,
})

describe('alertDigest', () => {
  it('counts advisories, names the releases and lists KEV first', () => {
    const digest = alertDigest('Aquila', [
      alert({}),
      alert({ release: '3.2.4' }),
      alert({ vulnerability: 'CVE-2021-44228', component: 'log4j-core-2-14', kev: true }),
      alert({ vulnerability: 'CVE-2024-0002', severity: null, linkedRisks: ['CVE-2024-0002@x'] }),
    ])
    expect(digest.subject).toBe('3 new advisories affect Aquila 3.2.4, 4.1.2')
    expect(digest.text.split('\n')).toEqual([
      'New findings of the latest evaluation:',
      '- CVE-2021-44228 in log4j-core-2-14 (4.1.2): High; in CISA KEV; suggested under_investigation',
      '- CVE-2024-0001 in openssl-3-0-2 (3.2.4): High; suggested under_investigation',
      '- CVE-2024-0001 in openssl-3-0-2 (4.1.2): High; suggested under_investigation',
      '- CVE-2024-0002 in openssl-3-0-2 (4.1.2): no CVSS score; suggested under_investigation; re-opens CVE-2024-0002@x',
    ])
  })

  it('says one advisory in the singular and cuts long lists', () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      alert({ component: `c-${String(i).padStart(2, '0')}` }),
    )
    const digest = alertDigest('Aquila', many)
    expect(digest.subject).toBe('1 new advisory affects Aquila 4.1.2')
    expect(digest.text.split('\n').at(-1)).toBe('… and 5 more findings')
  })
})

describe('linkedRisksOf', () => {
  const entry = (id: string, subject: string, releases?: string[]): RiskEntry =>
    ({
      id,
      subject,
      source: 'finding',
      ...(releases === undefined ? {} : { releases }),
    }) as unknown as RiskEntry
  it('finds the evaluations of any alias of the finding that apply to the release', () => {
    const entries = [
      entry('GHSA-1@log4j', 'GHSA-1@log4j'),
      entry('CVE-1@log4j#3.2.4', 'CVE-1@log4j', ['3.2.4']),
      entry('CVE-1@other', 'CVE-1@other'),
      { ...entry('t@log4j', 'CVE-1@log4j'), source: 'threat' } as RiskEntry,
    ]
    expect(linkedRisksOf(entries, ['CVE-1', 'GHSA-1'], 'log4j', '4.1.2')).toEqual(['GHSA-1@log4j'])
    expect(linkedRisksOf(entries, ['CVE-1', 'GHSA-1'], 'log4j', '3.2.4')).toEqual([
      'CVE-1@log4j#3.2.4',
      'GHSA-1@log4j',
    ])
  })
})
