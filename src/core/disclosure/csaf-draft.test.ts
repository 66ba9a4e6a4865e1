import { describe, expect, it } from 'vitest'

import { csafFailures, csafValidator } from '../../../test/support/csaf-validator.js'
import { exampleReportContext } from '../../../test/support/report-context.js'
import { buildAdvisoryDraft, advisoryDraftGaps } from './csaf-draft.js'
import { buildCustomerNotice } from './customer-notice.js'
import type { DisclosureEvent, DisclosureReport } from './report.js'

type Json = Record<string, unknown>

const REPORT: DisclosureReport = {
  id: '6f1c2a8e-0d4b-4e55-9a51-3f3c1f1f2b10',
  receivedAt: '2026-03-06T09:00:00.000Z',
  reporterName: 'Ada Finder',
  reporterEmail: 'ada@finder.example',
  creditReporter: true,
  productText: 'Aquila LVP',
  productId: 'aquila-lvp-system',
  title: 'Unauthenticated bolus command over BLE',
  description: 'The pump accepts a bolus command from any bonded phone without the PIN.',
  state: 'accepted',
  verdict: 'accepted',
  duplicateOf: null,
  repeats: 0,
  acknowledgeDue: '2026-03-13',
  acknowledgedAt: '2026-03-09T10:00:00.000Z',
  cvssVector: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H',
  cveId: 'CVE-2026-12345',
  cwe: { id: 'CWE-306', name: 'Missing Authentication for Critical Function' },
  affectedReleases: ['3.2.4'],
  fixedIn: '4.1.2',
  remediation: 'Until updated, keep Bluetooth pairing disabled.',
  publicDisclosureDate: null,
  updatedAt: '2026-03-10T10:00:00.000Z',
}

const EVENTS: DisclosureEvent[] = [
  { seq: 1, at: '2026-03-06T09:00:00.000Z', actor: 'reporter', kind: 'received', note: 'Report' },
  {
    seq: 2,
    at: '2026-03-09T10:00:00.000Z',
    actor: 'sam',
    kind: 'state',
    note: 'received → acknowledged.',
  },
  { seq: 3, at: '2026-03-10T10:00:00.000Z', actor: 'sam', kind: 'assigned', note: 'Assigned.' },
  {
    seq: 4,
    at: '2026-03-11T10:00:00.000Z',
    actor: 'sam',
    kind: 'note',
    note: 'Called the finder.',
  },
  {
    seq: 5,
    at: '2026-03-12T10:00:00.000Z',
    actor: 'sam',
    kind: 'state',
    note: 'triaging → accepted.',
  },
]

const NOW = '2026-03-12T11:00:00.000Z'

const draftOf = async (report: DisclosureReport) => {
  const { model } = await exampleReportContext('infusion-pump-fleet')
  return buildAdvisoryDraft({ report, events: EVENTS, model, now: NOW })
}

describe('the CSAF advisory drafted from a disclosure report', { timeout: 120_000 }, () => {
  it('passes the CSAF 2.0 schema and every OASIS mandatory test', async () => {
    const { tests } = await csafValidator()
    expect(tests.length).toBeGreaterThan(40)
    expect(await csafFailures(await draftOf(REPORT))).toEqual([])
  })

  it('passes them too without a fix, CVE, CWE, score or credit', async () => {
    const bare: DisclosureReport = {
      ...REPORT,
      fixedIn: null,
      cveId: null,
      cwe: null,
      cvssVector: null,
      creditReporter: false,
      remediation: null,
      affectedReleases: ['3.2.4', '4.1.2'],
    }
    const draft = await draftOf(bare)
    expect(await csafFailures(draft)).toEqual([])
    expect(JSON.stringify(draft)).not.toContain('Ada Finder')
  })

  it('fails the mandatory tests with a CWE name that is not the CWE list’s', async () => {
    const wrong = await draftOf({ ...REPORT, cwe: { id: 'CWE-306', name: 'Something else' } })
    expect((await csafFailures(wrong)).map((test) => test.name)).toContain('mandatoryTest_6_1_11')
  })

  it('says what the decisions say: releases, score, fix, credit, revisions, draft status', async () => {
    const draft = (await draftOf(REPORT)) as { document: Json; vulnerabilities: Json[] }
    expect(draft.document['tracking']).toMatchObject({
      status: 'draft',
      version: '3',
      initial_release_date: '2026-03-09T10:00:00.000Z',
      current_release_date: '2026-03-12T10:00:00.000Z',
      generator: { date: NOW },
    })
    const vulnerability = draft.vulnerabilities[0]
    expect(vulnerability).toMatchObject({
      cve: 'CVE-2026-12345',
      cwe: { id: 'CWE-306' },
      product_status: {
        known_affected: ['aquila-lvp-system@3.2.4'],
        fixed: ['aquila-lvp-system@4.1.2'],
      },
      scores: [
        {
          products: ['aquila-lvp-system@3.2.4'],
          cvss_v3: { version: '3.1', baseScore: 8.1, baseSeverity: 'HIGH' },
        },
      ],
      acknowledgments: [{ names: ['Ada Finder'] }],
    })
    expect(vulnerability?.['remediations']).toEqual([
      expect.objectContaining({
        category: 'vendor_fix',
        product_ids: ['aquila-lvp-system@3.2.4'],
        details: expect.stringContaining('Update to release 4.1.2') as unknown,
      }),
    ])
    expect(await draftOf(REPORT)).toEqual(draft)
  })

  it('names what an unaccepted report lacks', () => {
    expect(
      advisoryDraftGaps({ ...REPORT, verdict: null, productId: null, affectedReleases: [] }),
    ).toHaveLength(3)
    expect(advisoryDraftGaps(REPORT)).toEqual([])
  })
})

describe('the customer notice', () => {
  it('gives releases, score, action and thanks in English and Japanese, without the finder’s text', async () => {
    const { model } = await exampleReportContext('infusion-pump-fleet')
    const en = buildCustomerNotice({ report: REPORT, model, language: 'en', date: '2026-03-12' })
    const ja = buildCustomerNotice({ report: REPORT, model, language: 'ja', date: '2026-03-12' })
    const text = (tree: unknown): string => JSON.stringify(tree)
    expect(text(en)).toContain('Update Aquila')
    expect(text(en)).toContain('CVSS v3.1 base score 8.1 (High)')
    expect(text(en)).toContain('We thank Ada Finder')
    expect(text(ja)).toContain('リリース 4.1.2 で修正されています')
    expect(text(ja)).toContain('共通脆弱性評価システム(CVSS) v3.1 基本値 8.1(高)')
    expect(text(en)).not.toContain('bonded phone')
    expect(en.sections.map((section) => section.id)).toEqual(
      ja.sections.map((section) => section.id),
    )
  })
})
