import { describe, expect, it } from 'vitest'

import { exampleNames } from '../../../../test/support/model-folders.js'
import { exampleReportContext } from '../../../../test/support/report-context.js'
import {
  tablesOf,
  type Block,
  type DocumentSection,
  type DocumentTree,
} from '../../documents/index.js'
import { createReportContext, type ReportContext } from '../report-context.js'
import { buildLifecycleNotices } from './index.js'

const treesOf = (ctx: ReportContext): DocumentTree[] =>
  buildLifecycleNotices(ctx).map((part) => {
    if (part.kind !== 'document') throw new Error('expected documents only')
    return part.tree
  })

const allBlocks = (sections: readonly DocumentSection[]): Block[] =>
  sections.flatMap((s) => [...s.blocks, ...allBlocks(s.sections ?? [])])

const textOf = (tree: DocumentTree): string => JSON.stringify(tree)

/** What every end-of-support notice must hand over (IMDRF N70 transfer package). */
const checkEndOfSupportNotice = (
  ctx: ReportContext,
  trees: readonly DocumentTree[],
  version: string,
): void => {
  const status = ctx.support.find((s) => s.version === version)
  const eos = trees.find((t) => t.id === `end-of-support-notice-${version}`)
  if (eos === undefined || status === undefined) throw new Error('no EOS notice')
  // The N70 two-year notice date and the milestones are stated.
  expect(textOf(eos)).toContain(String(status.endOfSupportNoticeDue))
  expect(textOf(eos)).toContain(String(status.endOfSupport))
  const transfer = eos.sections.find((s) => s.id === 'transfer-package')
  expect(transfer?.sections?.map((s) => s.id)).toEqual([
    'final-sbom',
    'residual-risks',
    'compensating-controls',
    'known-vulnerabilities',
    'decommissioning',
    'upgrade',
    'contact',
  ])
  // Decommissioning guidance is not in the model: the notice asks for it.
  const decommissioning = transfer?.sections?.find((s) => s.id === 'decommissioning')
  expect(decommissioning?.blocks.some((b) => b.kind === 'needs-input')).toBe(true)
  // The final SBOM lists the release's components with their support data.
  const release = ctx.model.releases.find((r) => r.version === version)
  const sbom = tablesOf({ ...eos, sections: transfer?.sections?.slice(0, 1) ?? [] })[0]
  expect(sbom?.table.rows.map((row) => row.component).sort()).toEqual(
    [...(release?.components ?? ctx.model.components.map((c) => c.id))].sort(),
  )
  // The model's compensating controls for the release are handed over.
  const compensating = ctx.model.controls.filter(
    (c) => c.kind === 'compensating' && (c.releases === undefined || c.releases.includes(version)),
  )
  for (const control of compensating) expect(textOf(eos)).toContain(control.id)
  // Without a scan, the notice says only triaged findings are shown.
  expect(allBlocks(eos.sections).some((b) => b.kind === 'note')).toBe(true)
}

describe('buildLifecycleNotices', () => {
  for (const name of exampleNames()) {
    for (const language of ['en', 'ja'] as const) {
      it(`${name} (${language}): EOL, limited-support and EOS notices per release`, async () => {
        const ctx = await exampleReportContext(name, { language })
        const trees = treesOf(ctx)
        const ids = trees.map((tree) => tree.id)
        expect(ids[0]).toBe('lifecycle-notices')
        for (const tree of trees) expect(tree.language).toBe(language)
        const expected = ctx.support.flatMap((s) => [
          `end-of-life-notice-${s.version}`,
          ...(s.phase === 'limited-support' ? [`limited-support-notice-${s.version}`] : []),
          `end-of-support-notice-${s.version}`,
        ])
        expect(ids.slice(1)).toEqual(expected)
        for (const status of ctx.support) checkEndOfSupportNotice(ctx, trees, status.version)
        if (language === 'ja') {
          const eos = trees.find((t) => t.id.startsWith('end-of-support-notice-'))
          expect(eos?.title).toMatch(/^EOS の通知: リリース /)
          expect(textOf(trees[0] as DocumentTree)).toContain('EOL 及び EOS 計画(日程)')
          expect(textOf(eos as DocumentTree)).toContain('補完的リスクコントロール手段(補完的手段)')
        }
      })
    }

    it(`${name}: is deterministic`, async () => {
      const ctx = await exampleReportContext(name)
      expect(treesOf(ctx)).toEqual(treesOf(ctx))
    })
  }

  it('lists the residual risks of each release from its own register', async () => {
    const ctx = await exampleReportContext('infusion-pump-fleet')
    const old = treesOf(ctx).find((t) => t.id === 'end-of-support-notice-3.2.4')
    const residual = allBlocks(old?.sections ?? []).find(
      (b) => b.kind === 'table' && b.table.title === 'Residual risks',
    )
    if (residual?.kind !== 'table') throw new Error('no residual risk table')
    // legacy-library-tampering is accepted for 3.2.4 only.
    expect(residual.table.rows.map((r) => r.risk)).toContainEqual(
      expect.stringMatching(/^legacy-library-tampering/),
    )
  })

  it('asks for the dates of a release without milestones and issues no notices for it', async () => {
    const base = await exampleReportContext('patient-monitor')
    const [first, ...rest] = base.model.releases
    if (first === undefined) throw new Error('no releases')
    const { milestones: _dropped, ...withoutMilestones } = first
    const ctx = createReportContext({
      model: { ...base.model, releases: [withoutMilestones, ...rest] },
      policy: base.policy,
      policyIsExample: base.policyIsExample,
      date: base.date,
      language: 'en',
    })
    const trees = treesOf(ctx)
    expect(trees.some((t) => t.id.endsWith(`-${first.version}`))).toBe(false)
    const schedule = trees[0]
    const needs = allBlocks(schedule?.sections ?? []).filter((b) => b.kind === 'needs-input')
    expect(needs).toEqual([
      {
        kind: 'needs-input',
        what: `Release ${first.version}: end-of-life and end-of-support dates (milestones), so its notices can be issued.`,
      },
    ])
    const table = tablesOf(schedule as DocumentTree)[0]
    expect(table?.highlights).toEqual([{ row: 0, tone: 'gap' }])
  })

  it('warns when the two-year notice date has passed', async () => {
    const ctx = await exampleReportContext('insulin-pump')
    // 2.4.1: end of support 2027-06-30, notice due 2025-06-30, before the report date.
    const eos = treesOf(ctx).find((t) => t.id === 'end-of-support-notice-2.4.1')
    expect(allBlocks(eos?.sections ?? [])).toContainEqual({
      kind: 'note',
      content: [
        'The two-year advance notice date of IMDRF N70 (2025-06-30) has passed: this notice is late.',
      ],
    })
  })
})
