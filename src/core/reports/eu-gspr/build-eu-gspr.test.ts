import { describe, expect, it } from 'vitest'

import { exampleNames } from '../../../../test/support/model-folders.js'
import { exampleReportContext } from '../../../../test/support/report-context.js'
import {
  tablesOf,
  type Block,
  type DocumentSection,
  type DocumentTree,
} from '../../documents/index.js'
import { isPartOfDevice } from '../../model/index.js'
import { buildEuGspr } from './index.js'

const trees = (parts: ReturnType<typeof buildEuGspr>): DocumentTree[] =>
  parts.flatMap((part) => (part.kind === 'document' ? [part.tree] : []))

const blocksOf = (sections: readonly DocumentSection[]): Block[] =>
  sections.flatMap((part) => [...part.blocks, ...blocksOf(part.sections ?? [])])

const treeById = (parts: ReturnType<typeof buildEuGspr>, id: string): DocumentTree => {
  const tree = trees(parts).find((item) => item.id === id)
  if (tree === undefined) throw new Error(`no ${id}`)
  return tree
}

describe.each(exampleNames())('EU documents of %s', (name) => {
  it('checks the five cybersecurity GSPRs and the related ones, with evidence and gaps', async () => {
    const ctx = await exampleReportContext(name)
    const parts = buildEuGspr(ctx)
    expect(trees(parts).map((tree) => tree.id)).toEqual([
      'eu-gspr-checklist',
      'eu-minimum-it-requirements',
      'eu-ifu-security',
    ])
    const [checklist] = tablesOf(treeById(parts, 'eu-gspr-checklist'))
    const rows = checklist?.table.rows ?? []
    const primary = rows.filter((row) => row['scope'] === 'Cybersecurity').map((row) => row['gspr'])
    expect(primary.map((gspr) => String(gspr).split(' ')[0])).toEqual([
      '17.2',
      '17.4',
      '18.8',
      '14.2(d)',
      '23.4(ab)',
    ])
    expect(rows.filter((row) => row['scope'] === 'Related').length).toBeGreaterThan(5)
    for (const [index, row] of rows.entries()) {
      const gspr = String(row['gspr']).split(' ')[0] ?? ''
      const evidence = ctx.model.evidence.filter((item) => item.covers.includes(`GSPR:${gspr}`))
      for (const item of evidence) expect(String(row['evidence'])).toContain(item.id)
      if (evidence.length === 0) {
        expect(String(row['gaps'])).toContain('needs input')
        expect(checklist?.highlights).toContainEqual({ row: index, column: 'gaps', tone: 'gap' })
      }
    }
    expect(String(rows.find((row) => row['gspr'] === '23.4(ab)')?.['evidence'])).toContain(
      'eu-ifu-security',
    )
  })

  it('states the minimum IT requirements from the active interfaces and asks for what the model lacks', async () => {
    const ctx = await exampleReportContext(name)
    const tree = treeById(buildEuGspr(ctx), 'eu-minimum-it-requirements')
    const device = new Set(ctx.model.elements.filter(isPartOfDevice).map((element) => element.id))
    const active = ctx.model.interfaces.filter(
      (item) =>
        item.status === 'active' &&
        device.has(item.element) &&
        (item.releases === undefined || item.releases.includes(ctx.release ?? '')),
    )
    const text = JSON.stringify(tree)
    for (const item of active) {
      for (const port of item.ports ?? []) expect(text).toContain(port)
    }
    expect(blocksOf(tree.sections).some((block) => block.kind === 'needs-input')).toBe(true)
  })

  it('writes the IFU security sections MDCG 2019-16 lists', async () => {
    const ctx = await exampleReportContext(name)
    const tree = treeById(buildEuGspr(ctx), 'eu-ifu-security')
    const ids = tree.sections.flatMap((part) => (part.sections ?? []).map((child) => child.id))
    expect(ids).toEqual(
      expect.arrayContaining([
        'risk-profile',
        'update-integrity',
        'backup',
        'roles',
        'data-streams',
      ]),
    )
    expect(buildEuGspr(ctx)).toEqual(buildEuGspr(ctx))
  })
})
