import { describe, expect, it } from 'vitest'

import { exampleNames } from '../../../../test/support/model-folders.js'
import { exampleReportContext } from '../../../../test/support/report-context.js'
import { tablesOf, type DocumentTree } from '../../documents/index.js'
import type { DeviceModel } from '../../model/index.js'
import { createReportContext, type ReportContext } from '../report-context.js'
import { buildTraceability } from './index.js'
import { traceabilityMatrix } from './build-traceability.js'

const treeOf = (ctx: ReportContext): DocumentTree => {
  const [part] = buildTraceability(ctx)
  if (part?.kind !== 'document') throw new Error('expected a document')
  return part.tree
}

const withModel = (ctx: ReportContext, model: DeviceModel): ReportContext =>
  createReportContext({
    model,
    policy: ctx.policy,
    policyIsExample: ctx.policyIsExample,
    date: ctx.date,
    language: ctx.language,
  })

describe('buildTraceability', () => {
  for (const name of exampleNames()) {
    describe(name, () => {
      it('has the matrix as its first table, one chain per threat at least, and a gap summary', async () => {
        const ctx = await exampleReportContext(name)
        const tree = treeOf(ctx)
        expect(tree.id).toBe('traceability-matrix')
        expect(tree.sections.map((s) => s.id)).toEqual(['reading', 'matrix', 'gaps'])
        const [main, summary] = tablesOf(tree)
        const rows = main?.table.rows ?? []
        const subjects = new Set(rows.map((row) => row.subject))
        for (const threat of ctx.threats) expect(subjects).toContain(threat.id)
        for (const entry of ctx.register.entries) expect(subjects).toContain(entry.subject)
        // Every control appears in some chain, linked to a threat or as an orphan.
        const controls = new Set(rows.map((row) => row.control))
        for (const control of ctx.model.controls) expect(controls).toContain(control.id)
        expect(summary?.table.title).toBe('Gap summary')
      })

      it('highlights what the coverage report calls missing or failing', async () => {
        const ctx = await exampleReportContext(name)
        const { rows, highlights, gaps } = traceabilityMatrix(ctx)
        const gapCells = (column: string) =>
          highlights.filter((h) => h.column === column && h.tone === 'gap').map((h) => rows[h.row])
        // Threats the coverage report finds uncontrolled have a gap in the control cell.
        expect(new Set(gapCells('control').map((row) => row?.subject))).toEqual(
          new Set(ctx.coverage.threatsWithoutControl.map((t) => t.threat)),
        )
        expect([...(gaps.get('controlWithoutVerification') ?? [])].sort()).toEqual(
          ctx.coverage.controlsWithoutVerification.map((c) => c.control),
        )
        for (const row of gapCells('verification')) expect(row?.verification).toBeNull()
        for (const h of highlights.filter((h) => h.tone === 'alert')) {
          expect(rows[h.row]?.result).toMatch(/^fail /)
        }
        // A risk with patient harm and no hazard is flagged; one with hazards is not.
        for (const row of gapCells('hazards')) expect(row?.hazards).toBeNull()
      })

      it('is deterministic', async () => {
        const ctx = await exampleReportContext(name)
        expect(treeOf(ctx)).toEqual(treeOf(ctx))
      })
    })
  }

  it('marks a control without verification as a gap, and a failing one as an alert', async () => {
    const ctx = await exampleReportContext('insulin-pump')
    const threat = ctx.threats[0]
    if (threat === undefined) throw new Error('no threats')
    const model: DeviceModel = {
      ...ctx.model,
      controls: [
        ...ctx.model.controls,
        {
          id: 'test-unverified-control',
          name: 'Unverified control',
          category: 'authentication',
          kind: 'design',
          status: 'implemented',
          capabilities: ['NAUT'],
          mitigates: [threat.id],
        },
        {
          id: 'test-failing-control',
          name: 'Failing control',
          category: 'cryptography',
          kind: 'design',
          status: 'implemented',
          mitigates: [threat.id],
        },
      ],
      verifications: [
        ...ctx.model.verifications,
        {
          id: 'test-failing-verification',
          name: 'Failing test',
          kind: 'security-requirement-test',
          controls: ['test-failing-control'],
          results: [{ release: ctx.release ?? '', date: '2026-01-01', verdict: 'fail' }],
        },
      ],
    }
    const { rows, highlights, gaps } = traceabilityMatrix(withModel(ctx, model))
    const unverified = rows.findIndex((row) => row.control === 'test-unverified-control')
    expect(rows[unverified]).toMatchObject({
      subject: threat.id,
      verification: null,
      requirement: 'Authentication / NAUT',
    })
    expect(highlights).toContainEqual({ row: unverified, column: 'verification', tone: 'gap' })
    expect(gaps.get('controlWithoutVerification')).toContain('test-unverified-control')
    const failing = rows.findIndex((row) => row.verification === 'test-failing-verification')
    expect(rows[failing]?.result).toBe(`fail (${ctx.release ?? ''}, 2026-01-01)`)
    expect(highlights).toContainEqual({ row: failing, column: 'result', tone: 'alert' })
    expect(gaps.get('failedVerification')).toContain(
      'test-failing-verification (test-failing-control)',
    )
  })

  it('reaches hazards through hazardous situations and SBOM components through elements', async () => {
    const ctx = await exampleReportContext('insulin-pump')
    const { rows } = traceabilityMatrix(ctx)
    const linked = new Set(ctx.register.entries.flatMap((entry) => entry.hazardousSituations))
    const situation = ctx.model.hazardousSituations.find((item) => linked.has(item.id))
    if (situation === undefined) throw new Error('no linked hazardous situation')
    const withSituation = rows.filter((row) =>
      String(row.hazardousSituations).split(', ').includes(situation.id),
    )
    expect(withSituation.length).toBeGreaterThan(0)
    for (const row of withSituation) {
      expect(String(row.hazards).split(', ')).toContain(situation.hazard)
    }
    const component = ctx.model.components.find((c) => (c.elements ?? []).length > 0)
    const element = component?.elements?.[0]
    const onElement = rows.filter(
      (row) => ctx.threats.find((t) => t.id === row.subject)?.element === element,
    )
    expect(onElement.length).toBeGreaterThan(0)
    for (const row of onElement) expect(String(row.components)).toContain(component?.id)
  })
})
