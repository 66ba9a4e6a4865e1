import { describe, expect, it } from 'vitest'

import { exampleReportContext } from '../../../../test/support/report-context.js'
import { tablesOf, type DocumentTree } from '../../documents/index.js'
import type { InstalledBaseEntry } from '../../installed-base/index.js'
import type { DeliverablePart } from '../deliverable.js'
import { buildDeliverable } from '../build-deliverable.js'

const INSTALLED: InstalledBaseEntry[] = [
  {
    customer: 'St. Mary',
    site: 'Ward 4',
    release: '2.4.1',
    units: 12,
    contactName: 'Ana Ito',
    contactEmail: 'ana@stmary.example',
    deployedOn: '2019-05-01',
  },
  {
    customer: 'Lakeside',
    site: 'Main',
    release: '2.4.1',
    units: 5,
    deployedOn: '2019-06-01',
    retiredOn: '2024-01-15',
  },
  { customer: 'Lakeside', site: 'Main', release: '3.1.0', units: 5, deployedOn: '2024-01-15' },
]

const documents = (parts: readonly DeliverablePart[]): DocumentTree[] =>
  parts.flatMap((part) => (part.kind === 'document' ? [part.tree] : []))

describe('end-of-support transfer package', () => {
  it('hands over the N70 contents, the sites still running the release and the SBOM and VEX', async () => {
    const ctx = await exampleReportContext('insulin-pump', {
      release: '2.4.1',
      date: '2027-07-01',
      installedBase: INSTALLED,
    })
    const parts = buildDeliverable('eos-transfer-package', ctx)
    const [tree] = documents(parts)
    if (tree === undefined) throw new Error('no document')
    expect(tree.id).toBe('eos-transfer-package-2.4.1')
    expect(tree.sections.map((s) => s.id)).toEqual([
      'introduction',
      'device',
      'dates',
      'transfer-package',
      'network-configuration',
      'recipients',
      'machine-readable',
    ])
    // Past end of support (2027-06-30): no "draft ahead of it" note.
    expect(JSON.stringify(tree.sections[0])).not.toContain('draft')
    const recipients = tablesOf({ ...tree, sections: [tree.sections[5]!] })[0]
    // Lakeside left 2.4.1 in 2024: only St. Mary must be told.
    expect(recipients?.table.rows).toEqual([
      {
        customer: 'St. Mary',
        contact: 'Ana Ito',
        email: 'ana@stmary.example',
        sites: 'Ward 4',
        units: 12,
      },
    ])
    const interfaces = tablesOf({ ...tree, sections: [tree.sections[4]!] })[0]
    expect(interfaces?.table.rows.length).toBeGreaterThan(0)
    const data = parts.flatMap((part) =>
      part.kind === 'data' ? [`${part.id}.${part.extension}`] : [],
    )
    expect(data).toEqual([
      'sbom-aria-insulin-pump-system-2.4.1.cdx.json',
      'vex-aria-insulin-pump-system-2.4.1.cdx.json',
      'vex-aria-insulin-pump-system-2.4.1.csaf.json',
    ])
    // The machine-readable section names the files delivered beside it.
    for (const name of data) expect(JSON.stringify(tree.sections[6])).toContain(name)
  })

  it('asks for the recipients without an installed base, and is a draft before end of support', async () => {
    const ctx = await exampleReportContext('insulin-pump', { release: '2.4.1', language: 'ja' })
    const [tree] = documents(buildDeliverable('eos-transfer-package', ctx))
    expect(tree?.language).toBe('ja')
    expect(JSON.stringify(tree?.sections[0])).toContain('2027-06-30')
    const recipients = tree?.sections.find((s) => s.id === 'recipients')
    expect(recipients?.blocks.map((b) => b.kind)).toEqual(['needs-input'])
  })

  it('lists the recipients in each lifecycle notice of the release', async () => {
    const ctx = await exampleReportContext('insulin-pump', { installedBase: INSTALLED })
    const notices = documents(buildDeliverable('lifecycle-notice', ctx))
    const eos = notices.find((tree) => tree.id === 'end-of-support-notice-2.4.1')
    const recipients = eos?.sections.find((s) => s.id === 'recipients')
    expect(JSON.stringify(recipients)).toContain('ana@stmary.example')
    expect(JSON.stringify(recipients)).not.toContain('Lakeside')
    const eos3 = notices.find((tree) => tree.id === 'end-of-support-notice-3.1.0')
    expect(JSON.stringify(eos3?.sections.find((s) => s.id === 'recipients'))).toContain('Lakeside')
  })
})
