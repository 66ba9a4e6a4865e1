import { describe, expect, it } from 'vitest'

import { exampleNames } from '../../../../test/support/model-folders.js'
import { exampleReportContext } from '../../../../test/support/report-context.js'
import {
  tablesOf,
  type Block,
  type DocumentSection,
  type DocumentTree,
} from '../../documents/index.js'
import type { Finding } from '../../vulnerabilities/index.js'
import type { ReportContext } from '../report-context.js'
import { buildFdaPremarket, FDA_DOCUMENT_TITLES } from './index.js'

const documents = (ctx: ReportContext): Map<string, DocumentTree> =>
  new Map(
    buildFdaPremarket(ctx).flatMap((part) =>
      part.kind === 'document' ? [[part.tree.id, part.tree] as const] : [],
    ),
  )

const doc = (ctx: ReportContext, id: string): DocumentTree => {
  const tree = documents(ctx).get(id)
  if (tree === undefined) throw new Error(`no document ${id}`)
  return tree
}

const allSections = (sections: readonly DocumentSection[]): DocumentSection[] =>
  sections.flatMap((part) => [part, ...allSections(part.sections ?? [])])

const sectionOf = (tree: DocumentTree, id: string): DocumentSection => {
  const found = allSections(tree.sections).find((part) => part.id === id)
  if (found === undefined) throw new Error(`no section ${id} in ${tree.id}`)
  return found
}

/** Every word a reader sees in the blocks of a section and its subsections, table cells included. */
const textOf = (part: DocumentSection): string =>
  allSections([part])
    .flatMap((item) => item.blocks.map(blockText))
    .join('\n')

const blockText = (block: Block): string => {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return block.content.map((run) => (typeof run === 'string' ? run : run.text)).join('')
    case 'list':
      return block.items
        .map((item) => item.map((run) => (typeof run === 'string' ? run : run.text)).join(''))
        .join('\n')
    case 'table':
      return block.table.rows.map((row) => Object.values(row).join(' | ')).join('\n')
    case 'figure':
      return block.caption
    case 'needs-input':
      return `NEEDS INPUT: ${block.what}`
  }
}

const needsInputs = (part: DocumentSection): string[] =>
  allSections([part]).flatMap((item) =>
    item.blocks.flatMap((block) => (block.kind === 'needs-input' ? [block.what] : [])),
  )

const tableTitled = (tree: DocumentTree, title: string) => {
  const found = tablesOf(tree).find((block) => block.table.title === title)
  if (found === undefined) throw new Error(`no table ${title} in ${tree.id}`)
  return found
}

describe.each(exampleNames())('FDA premarket set of %s', (name) => {
  it('has every document, in English, for the documented release, with well-typed tables', async () => {
    const ctx = await exampleReportContext(name)
    const trees = documents(ctx)
    expect([...trees.keys()]).toEqual(Object.keys(FDA_DOCUMENT_TITLES))
    for (const tree of trees.values()) {
      expect(tree).toMatchObject({
        subtitle: 'FDA premarket cybersecurity documentation',
        language: 'en',
        date: ctx.date,
        manufacturer: ctx.model.product.manufacturer.name,
        release: ctx.release,
      })
      expect(tree.product).toContain(ctx.model.product.name)
      const ids = allSections(tree.sections).map((part) => part.id)
      expect(new Set(ids).size, `${tree.id} section ids unique`).toBe(ids.length)
      for (const { table, highlights } of tablesOf(tree)) {
        const keys = table.columns.map((c) => c.key)
        for (const row of table.rows) {
          expect(Object.keys(row).sort(), `${tree.id}/${table.title}`).toEqual([...keys].sort())
          for (const col of table.columns) {
            const value = row[col.key]
            if (value === null || value === undefined) continue
            if (col.type === 'date') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/)
            if (col.type === 'number') expect(typeof value).toBe('number')
            if (col.type === 'boolean') expect(typeof value).toBe('boolean')
          }
        }
        for (const mark of highlights ?? []) {
          expect(mark.row).toBeLessThan(table.rows.length)
          if (mark.column !== undefined) expect(keys).toContain(mark.column)
        }
      }
    }
  })

  it('is deterministic and ignores the requested language', async () => {
    const ctx = await exampleReportContext(name)
    const again = await exampleReportContext(name)
    expect(JSON.stringify(buildFdaPremarket(ctx))).toBe(JSON.stringify(buildFdaPremarket(again)))
    const ja = await exampleReportContext(name, { language: 'ja' })
    expect(buildFdaPremarket(ja)).toEqual(buildFdaPremarket(ctx))
  })

  it('states the cyber-device determination with its three criteria and the evidence', async () => {
    const ctx = await exampleReportContext(name)
    const part = sectionOf(doc(ctx, 'security-risk-management-report'), 'cyber-device')
    const text = textOf(part)
    expect(text).toContain(
      ctx.cyberDevice.isCyberDevice ? 'is a cyber device' : 'is not a cyber device',
    )
    for (const evidence of ctx.cyberDevice.canConnectToInternet.evidence)
      expect(text).toContain(evidence)
    const criteria = part.blocks.find((block) => block.kind === 'table')
    expect(criteria?.kind === 'table' ? criteria.table.rows : []).toHaveLength(3)
  })

  it('computes the residual-risk conclusion from the register', async () => {
    const ctx = await exampleReportContext(name)
    const text = textOf(sectionOf(doc(ctx, 'security-risk-management-report'), 'residual-risk'))
    const { uncontrolled } = ctx.register.summary
    if (uncontrolled > 0)
      expect(text).toMatch(
        new RegExp(`${String(uncontrolled)} residual risks? (is|are) uncontrolled`),
      )
    if (ctx.register.unevaluated.length > 0) expect(text).toContain('not yet acceptable')
  })

  it('says whose risk policy rates the risks', async () => {
    const ctx = await exampleReportContext(name)
    const methods = textOf(sectionOf(doc(ctx, 'security-risk-management-report'), 'risk-policy'))
    const criteria = textOf(
      sectionOf(doc(ctx, 'cybersecurity-risk-assessment'), 'acceptance-criteria'),
    )
    for (const text of [methods, criteria]) {
      expect(text).toContain(ctx.policyIsExample ? ctx.policy.id : ctx.policy.title)
      if (ctx.policyIsExample) expect(text).toContain('not an FDA requirement')
      else expect(text).not.toContain('Example risk policy')
    }
  })

  it('shows every component of the release with support, marking gaps and expired support', async () => {
    const ctx = await exampleReportContext(name)
    const tree = doc(ctx, 'sbom-support')
    const { table, highlights = [] } = tableTitled(tree, 'SBOM')
    expect(table.rows.length).toBeGreaterThan(0)
    table.rows.forEach((row, index) => {
      const component = ctx.model.components.find((c) => c.id === row['id'])
      expect(component).toBeDefined()
      expect(row['endOfSupport']).toBe(component?.endOfSupport ?? null)
      const expired = component?.endOfSupport !== undefined && component.endOfSupport < ctx.date
      expect(
        highlights.some(
          (h) => h.row === index && h.column === 'endOfSupport' && h.tone === 'alert',
        ),
      ).toBe(expired)
      if (component?.endOfSupport === undefined) {
        expect(highlights).toContainEqual({ row: index, column: 'endOfSupport', tone: 'gap' })
      }
    })
  })

  it('asks for input where the model is silent, and only there', async () => {
    const ctx = await exampleReportContext(name)
    const plan = doc(ctx, 'cybersecurity-management-plan')
    const anomalies = doc(ctx, 'unresolved-anomalies')
    const silentPlan = ctx.model.managementPlan === undefined
    expect(needsInputs(sectionOf(plan, 'responsibility')).length > 0).toBe(
      ctx.model.managementPlan?.responsible === undefined,
    )
    if (silentPlan) expect(needsInputs(sectionOf(plan, 'patch-timelines'))).toHaveLength(1)
    expect(needsInputs(sectionOf(anomalies, 'anomalies')).length > 0).toBe(
      ctx.model.anomalies.length === 0,
    )
    for (const anomaly of ctx.model.anomalies)
      expect(textOf(sectionOf(anomalies, 'anomalies'))).toContain(anomaly.id)
    // No figures were drawn for this context: every view says so instead of showing nothing.
    const views = doc(ctx, 'architecture-views')
    for (const id of ['global-system', 'multi-patient-harm', 'updatability']) {
      expect(needsInputs(sectionOf(views, id)).join(' ')).toContain('diagram')
    }
  })

  it('notes that only triaged findings are shown when the advisory store was not consulted', async () => {
    const ctx = await exampleReportContext(name)
    const text = textOf(sectionOf(doc(ctx, 'known-vulnerabilities'), 'findings'))
    expect(text).toContain('Advisory store not consulted')
    for (const assessment of ctx.model.findingAssessments) {
      if (assessment.releases === undefined || assessment.releases.includes(ctx.release ?? '')) {
        expect(text).toContain(assessment.finding)
      }
    }
  })
})

describe('infusion-pump-fleet', () => {
  it('shows CVE-2024-6387 as uncontrolled with its FDA deadlines', async () => {
    const ctx = await exampleReportContext('infusion-pump-fleet')
    const report = textOf(sectionOf(doc(ctx, 'security-risk-management-report'), 'residual-risk'))
    expect(report).toContain('CVE-2024-6387@openssh-8-7')
    expect(report).toContain('1 residual risk is uncontrolled')
    expect(report).toContain('2026-12-10')
    expect(report).toContain('2027-01-09')

    const assessment = doc(ctx, 'cybersecurity-risk-assessment')
    const { table, highlights = [] } = tableTitled(assessment, 'Security risk register')
    const index = table.rows.findIndex((row) => String(row['id']).startsWith('CVE-2024-6387@'))
    expect(table.rows[index]).toMatchObject({ controlStatus: 'uncontrolled', acceptable: false })
    expect(highlights).toContainEqual({ row: index, tone: 'alert' })

    const known = tableTitled(doc(ctx, 'known-vulnerabilities'), 'Known vulnerabilities')
    const row = known.table.rows.find((item) => item['id'] === 'CVE-2024-6387@openssh-8-7')
    expect(row?.['risk']).toMatch(/^uncontrolled, not acceptable/)
    expect(row?.['deadlines']).toContain('2027-01-09')
    expect(
      textOf(sectionOf(doc(ctx, 'cybersecurity-management-plan'), 'current-remediations')),
    ).toContain('CVE-2024-6387')
  })

  it('embeds supplied figures and marks KEV findings from a scan', async () => {
    const finding = {
      id: 'CVE-2024-6387@openssh-8-7',
      vulnerability: 'CVE-2024-6387',
      aliases: ['CVE-2024-6387', 'GHSA-2x8c-95vh-gfv4'],
      advisories: ['CVE-2024-6387'],
      target: { id: 'openssh-8-7', name: 'OpenSSH', version: '8.7p1', releases: ['4.1.2'] },
      severity: {
        vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
        score: 8.1,
        rating: 'high',
      },
      kev: { dateAdded: '2024-07-01' },
      epss: { epss: 0.5, percentile: 0.97 },
      confidence: 'exact',
      evidence: [{ advisory: 'CVE-2024-6387', via: 'cpe', confidence: 'exact', detail: '' }],
      status: 'affected',
      assessedAs: 'CVE-2024-6387@openssh-8-7',
    } as unknown as Finding
    const ctx = await exampleReportContext('infusion-pump-fleet', {
      figures: [{ id: 'global-system', title: 'Global system view', svg: '<svg/>' }],
      knownVulnerabilities: { generation: 'g42', findings: [finding] },
    })
    const views = doc(ctx, 'architecture-views')
    const global = sectionOf(views, 'global-system')
    expect(global.blocks.some((block) => block.kind === 'figure' && block.svg === '<svg/>')).toBe(
      true,
    )
    expect(needsInputs(global)).toEqual([])
    expect(needsInputs(sectionOf(views, 'updatability')).length).toBeGreaterThan(0)

    const known = doc(ctx, 'known-vulnerabilities')
    const { table, highlights = [] } = tableTitled(known, 'Known vulnerabilities')
    expect(table.rows[0]).toMatchObject({ kev: true, epss: 0.5, aliases: 'GHSA-2x8c-95vh-gfv4' })
    expect(highlights).toContainEqual({ row: 0, column: 'kev', tone: 'alert' })
    expect(textOf(sectionOf(known, 'findings'))).toContain('generation g42')
    expect(textOf(sectionOf(doc(ctx, 'cybersecurity-risk-assessment'), 'kev'))).toContain(
      'CVE-2024-6387@openssh-8-7 (affected)',
    )
  })
})

describe('insulin-pump', () => {
  it('uses its own risk policy and its management plan', async () => {
    const ctx = await exampleReportContext('insulin-pump')
    expect(ctx.policyIsExample).toBe(false)
    const methods = textOf(sectionOf(doc(ctx, 'security-risk-management-report'), 'risk-policy'))
    expect(methods).toContain("manufacturer's own risk policy")
    const plan = ctx.model.managementPlan
    expect(plan).toBeDefined()
    const timelines = tableTitled(doc(ctx, 'cybersecurity-management-plan'), 'Patch timelines')
    expect(timelines.table.rows.map((row) => row['target'])).toEqual(
      plan?.patchTimelines?.map((timeline) => timeline.target),
    )
  })

  it("states the manufacturer's threat-model assumptions, discovery methods and test durations", async () => {
    const ctx = await exampleReportContext('insulin-pump')
    const assumptions = sectionOf(doc(ctx, 'threat-model'), 'assumptions')
    expect(textOf(assumptions)).toContain('Factory key provisioning at the contract manufacturer')
    expect(textOf(assumptions)).toContain('Left out of the threat model')
    expect(needsInputs(assumptions)).toEqual([])

    const findings = tableTitled(doc(ctx, 'known-vulnerabilities'), 'Known vulnerabilities')
    const discovery = new Map(findings.table.rows.map((row) => [row['id'], row['discovery']]))
    expect(discovery.get('CVE-2019-16336@psoc4-ble-3-61')).toBe(
      'notification by the component supplier',
    )
    expect(discovery.get('CVE-2023-36053@django-3-2-18')).toBe('SBOM monitoring of advisory feeds')

    const checklist = tableTitled(
      doc(ctx, 'security-testing-summary'),
      'Penetration test checklist',
    )
    const recorded = (element: string) =>
      checklist.table.rows.find(
        (row) => row['test'] === 'ble-penetration-test' && row['element'] === element,
      )?.['recorded']
    expect(recorded('Duration')).toBe('10 working days per release tested')
    expect(recorded('Tester expertise')).toContain('OSCP and GPEN')
    expect(recorded('Scope')).toContain('BLE links between pump, CGM transmitter and app')
  })
})
