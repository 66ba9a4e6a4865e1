import { describe, expect, it } from 'vitest'

import { csafFailures, csafValidator } from '../../../../test/support/csaf-validator.js'
import { exampleNames } from '../../../../test/support/model-folders.js'
import { exampleReportContext, REPORT_DATE } from '../../../../test/support/report-context.js'
import type { DeliverablePart } from '../deliverable.js'
import { buildCsafAdvisories } from './index.js'

type Json = Record<string, unknown>

const advisories = (parts: readonly DeliverablePart[]): Json[] =>
  parts.flatMap((part) => (part.kind === 'data' ? [part.data as Json] : []))

describe('CSAF 2.0 security advisories', { timeout: 120_000 }, () => {
  it.each(exampleNames())(
    'pass the CSAF 2.0 schema and every OASIS mandatory test for %s',
    async (name) => {
      const { tests } = await csafValidator()
      expect(tests.length).toBeGreaterThan(40)
      const ctx = await exampleReportContext(name)
      const parts = buildCsafAdvisories(ctx)
      for (const part of parts) {
        expect(part).toMatchObject({ kind: 'data', extension: 'csaf.json' })
        if (part.kind === 'data') expect(await csafFailures(part.data as Json)).toEqual([])
      }
      expect(buildCsafAdvisories(ctx)).toEqual(parts)
    },
  )

  it('fail the mandatory tests when a product id is left undefined', async () => {
    const ctx = await exampleReportContext('infusion-pump-fleet')
    const [advisory] = advisories(buildCsafAdvisories(ctx))
    const broken = structuredClone(advisory) as { vulnerabilities: { product_status: Json }[] }
    const first = broken.vulnerabilities[0]
    if (first === undefined) throw new Error('no vulnerability')
    first.product_status = { known_affected: ['no-such-product'] }
    expect((await csafFailures(broken as unknown as Json)).map((test) => test.name)).toContain(
      'mandatoryTest_6_1_1',
    )
  })

  it('disclose regreSSHion in the infusion pump fleet as affecting release 4.1.2', async () => {
    const ctx = await exampleReportContext('infusion-pump-fleet')
    expect(ctx.release).toBe('4.1.2')
    const found = advisories(buildCsafAdvisories(ctx)).find(
      (doc) => (doc['vulnerabilities'] as Json[])[0]?.['cve'] === 'CVE-2024-6387',
    )
    expect(found).toBeDefined()
    const document = found?.['document'] as Json
    expect(document).toMatchObject({
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      publisher: { category: 'vendor', name: ctx.model.product.manufacturer.name },
      tracking: {
        status: 'final',
        initial_release_date: `${REPORT_DATE}T00:00:00.000Z`,
        generator: { engine: { name: 'medcyber' } },
      },
    })
    const vulnerability = (found?.['vulnerabilities'] as Json[])[0]
    expect(vulnerability?.['product_status']).toEqual({
      known_affected: [`${ctx.model.product.id}@4.1.2`],
    })
    const categories = (vulnerability?.['remediations'] as Json[]).map((item) => item['category'])
    expect(categories).toContain('workaround')
    // No release in the model fixes it yet (4.2 is planned), so no vendor fix is claimed.
    expect(categories).not.toContain('vendor_fix')
    expect(JSON.stringify(found?.['product_tree'])).toContain('pkg:')
  })

  it('disclose a vulnerability fixed in the release with a vendor fix', async () => {
    const ctx = await exampleReportContext('infusion-pump-fleet')
    const found = advisories(buildCsafAdvisories(ctx)).find(
      (doc) => (doc['vulnerabilities'] as Json[])[0]?.['cve'] === 'CVE-2022-0847',
    )
    const vulnerability = (found?.['vulnerabilities'] as Json[] | undefined)?.[0]
    expect(vulnerability?.['product_status']).toEqual({ fixed: [`${ctx.model.product.id}@4.1.2`] })
    expect(vulnerability?.['remediations']).toContainEqual(
      expect.objectContaining({ category: 'vendor_fix' }),
    )
  })

  it('tell release 3.2.4 users that 4.1.2 fixes Dirty COW', async () => {
    const ctx = await exampleReportContext('infusion-pump-fleet', { release: '3.2.4' })
    const cves = advisories(buildCsafAdvisories(ctx)).map(
      (doc) => (doc['vulnerabilities'] as Json[])[0]?.['cve'],
    )
    expect(cves).toContain('CVE-2016-5195')
    expect(cves).not.toContain('CVE-2015-7547')
    for (const doc of advisories(buildCsafAdvisories(ctx))) {
      expect(await csafFailures(doc)).toEqual([])
    }
  })
})
