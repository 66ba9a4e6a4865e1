import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { exampleNames } from '../../../../test/support/model-folders.js'
import { exampleReportContext } from '../../../../test/support/report-context.js'
import { tablesOf, type DocumentTree } from '../../documents/index.js'
import { createReportContext, type ReportContext } from '../report-context.js'
import { itemFor } from './checklist-items.js'
import { buildJpChecklist } from './index.js'

const treeOf = (ctx: ReportContext): DocumentTree => {
  const [part] = buildJpChecklist(ctx)
  if (part?.kind !== 'document') throw new Error('expected a document')
  return part.tree
}

const GLOSSARY = '/work/shared/design/glossary-ja.md'

/** Japanese clause titles the design glossary confirms (confidence C), by clause. */
const CONFIRMED_TITLES: Readonly<Record<string, string>> = {
  '4': '一般要求事項',
  '5': 'ソフトウェア開発プロセス',
  '5.8.2': 'リリースの文書化',
  '5.8.2 b)': 'プロセスの厳密性及び適合性の文書化',
  '6': 'ソフトウェア保守プロセス',
}

describe('buildJpChecklist', () => {
  for (const name of exampleNames()) {
    for (const language of ['en', 'ja'] as const) {
      it(`${name} (${language}): part 1 Annex F and one row per listed clause`, async () => {
        const ctx = await exampleReportContext(name, { language })
        const tree = treeOf(ctx)
        expect(tree).toMatchObject({ id: 'jis-t-81001-5-1-checklist', language })
        expect(tree.sections.map((s) => s.id)).toEqual(['scope', 'annex-f', 'clauses'])
        const [annexF, clauses] = tablesOf(tree)
        const topics = ctx.model.evidence.flatMap((doc) => doc.covers)
        // No example declares transitional health software, so Annex F needs input.
        expect(topics.filter((t) => /^JIS:(Annex)?F$/i.test(t))).toEqual([])
        expect(annexF?.table.rows).toHaveLength(1)
        expect(annexF?.highlights).toEqual([{ row: 0, tone: 'gap' }])
        expect(tree.sections[1]?.blocks.some((b) => b.kind === 'needs-input')).toBe(true)
        const rows = clauses?.table.rows ?? []
        expect(rows.map((row) => row.clause)).toEqual([
          '4',
          '4.1',
          '5',
          '5.1',
          '5.2',
          '5.3',
          '5.4',
          '5.5',
          '5.6',
          '5.7',
          '5.8',
          '5.8.2',
          '5.8.2 b)',
          '6',
          '6.1',
          '6.2',
          '6.3',
          '7',
          '7.1',
          '7.2',
          '7.3',
          '7.4',
          '7.5',
          '8',
          '9',
        ])
        // What medcyber derives from every example: threats, risks, controls, tests, SBOMs.
        const byClause = new Map(rows.map((row) => [row.clause, row]))
        for (const clause of ['7', '7.2', '7.3', '7.4', '5.7', '8']) {
          expect(byClause.get(clause)?.number, clause).toMatch(/medcyber /)
        }
        // Clause 4 needs the quality system: only an evidence item can stand for it.
        const gapRows = new Set(clauses?.highlights?.map((h) => h.row))
        const clause4 = topics.some((t) => t.startsWith('JIS:4'))
        expect(gapRows.has(0)).toBe(!clause4)
        for (const doc of ctx.model.evidence.filter((d) =>
          d.covers.some((t) => t.startsWith('JIS:')),
        )) {
          expect(
            rows.some((row) => String(row.number).includes(doc.id)),
            doc.id,
          ).toBe(true)
        }
        for (const [index, row] of rows.entries()) {
          expect(gapRows.has(index)).toBe(
            row.number === (language === 'ja' ? '要入力' : 'Needs input'),
          )
        }
      })
    }

    it(`${name}: is deterministic`, async () => {
      const ctx = await exampleReportContext(name, { language: 'ja' })
      expect(treeOf(ctx)).toEqual(treeOf(ctx))
    })
  }

  it('uses the Japanese clause titles the glossary confirms, and no unconfirmed ones', async () => {
    const glossary = readFileSync(GLOSSARY, 'utf8')
    const ctx = await exampleReportContext('insulin-pump', { language: 'ja' })
    const [annexF, clauses] = tablesOf(treeOf(ctx))
    const titles = new Map(clauses?.table.rows.map((row) => [row.clause, String(row.title)]))
    for (const [clause, title] of Object.entries(CONFIRMED_TITLES)) {
      expect(glossary).toContain(`| ${title} |`)
      expect(titles.get(clause)).toBe(title)
    }
    expect(annexF?.table.title).toBe('附属書F トランジションヘルスソフトウェア')
    expect(annexF?.table.columns.map((c) => c.title)).toEqual([
      '実施内容概要',
      '社内ドキュメント名',
      '文書番号',
    ])
    // Clause 7's Japanese title is unconfirmed (U): the English stands in parentheses.
    expect(titles.get('7')).toBe('(Security risk management process) †')
    expect(titles.get('5.1')).toBe('(Software development planning) †')
    const en = tablesOf(treeOf({ ...ctx, language: 'en' }))[1]?.table.rows[0]?.title
    expect(en).toBe('General requirements')
  })

  it('maps evidence items by covers: JIS:<clause>, to the nearest listed clause', async () => {
    const base = await exampleReportContext('patient-monitor')
    const ctx = createReportContext({
      model: {
        ...base.model,
        evidence: [
          {
            id: 'QMS-SEC-001',
            title: 'Secure development procedure',
            version: 'C',
            covers: ['JIS:4', 'JIS:5.1'],
          },
          {
            id: 'SRS-014',
            title: 'Security requirements specification',
            covers: ['JIS:5.2.1', 'GSPR:17.2'],
          },
          { id: 'REL-DOC-3', title: 'Release documentation', covers: ['JIS:5.8.2b'] },
          { id: 'THS-001', title: 'Transitional health software declaration', covers: ['JIS:F'] },
        ],
      },
      policy: base.policy,
      policyIsExample: base.policyIsExample,
      date: base.date,
      language: 'en',
    })
    const [annexF, clauses] = tablesOf(treeOf(ctx))
    expect(annexF?.table.rows[0]).toMatchObject({
      name: 'Transitional health software declaration',
      number: 'THS-001',
    })
    const rows = clauses?.table.rows ?? []
    const row = (clause: string) => rows.find((r) => r.clause === clause)
    expect(row('4')).toMatchObject({ number: 'QMS-SEC-001 (C)', implemented: 'Yes' })
    expect(row('5.1')).toMatchObject({ name: 'Secure development procedure', implemented: 'Yes' })
    expect(row('5.2')).toMatchObject({ number: 'SRS-014' })
    expect(row('5.8.2 b)')).toMatchObject({ number: 'REL-DOC-3' })
    expect(row('5.8.2')?.number).toBe('Needs input')
    const gapRows = new Set(clauses?.highlights?.map((h) => rows[h.row]?.clause))
    expect(gapRows).not.toContain('4')
    expect(gapRows).toContain('4.1')
    expect(gapRows).toContain('5.8.2')
  })

  it('finds the row of an evidence topic', () => {
    expect(itemFor('5.2.1')?.clause).toBe('5.2')
    expect(itemFor('5.8.2(b)')?.clause).toBe('5.8.2 b)')
    expect(itemFor('5.8.2c')?.clause).toBe('5.8.2')
    expect(itemFor('7')?.clause).toBe('7')
    expect(itemFor('12')).toBeUndefined()
  })
})
