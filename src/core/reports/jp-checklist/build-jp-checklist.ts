import {
  needsInput,
  note,
  paragraph,
  section,
  tableBlock,
  type Block,
  type CellHighlight,
  type CellValue,
  type DataTable,
  type DocumentTree,
} from '../../documents/index.js'
import type { Evidence } from '../../model/index.js'
import type { DeliverablePart } from '../deliverable.js'
import { documentFrame } from '../document-frame.js'
import type { ReportContext } from '../report-context.js'
import {
  CHECKLIST_ITEMS,
  clauseKey,
  isAnnexF,
  itemFor,
  type ChecklistItem,
} from './checklist-items.js'
import { derivedEvidence, type DerivedEvidence } from './derived-evidence.js'
import { JP_CHECKLIST_TEXT, type JpChecklistText } from './jp-checklist-text.js'

const JIS_PREFIX = 'JIS:'

/** One row of part 2, before it becomes table cells. */
export interface ChecklistRow {
  readonly item: ChecklistItem
  readonly evidence: readonly Evidence[]
  readonly derived: readonly DerivedEvidence[]
  /** No evidence of its own nor through all its listed sub-clauses: a gap to fill. */
  readonly gap: boolean
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const jisTopics = (evidence: Evidence): string[] =>
  evidence.covers
    .filter((topic) => topic.startsWith(JIS_PREFIX))
    .map((t) => t.slice(JIS_PREFIX.length))

/** The checklist rows: model evidence by `covers: JIS:<clause>`, plus what medcyber derives. */
export const checklistRows = (ctx: ReportContext, text: JpChecklistText): ChecklistRow[] => {
  const evidence = [...ctx.model.evidence].sort((a, b) => compareText(a.id, b.id))
  const derived = derivedEvidence(ctx, text.derived)
  const own = CHECKLIST_ITEMS.map((item) => ({
    item,
    evidence: evidence.filter((doc) => jisTopics(doc).some((topic) => itemFor(topic) === item)),
    derived: derived.filter((found) => found.clause === item.clause),
  }))
  const covered = (row: (typeof own)[number]) => row.evidence.length > 0 || row.derived.length > 0
  return own.map((row) => {
    const children = own.filter((other) => other.item.clause.startsWith(`${row.item.clause}.`))
    const gap = !covered(row) && (children.length === 0 || !children.every(covered))
    return { ...row, gap }
  })
}

const documentNumber = (doc: Evidence): string =>
  doc.version === undefined ? doc.id : `${doc.id} (${doc.version})`

const titleOf = (item: ChecklistItem, text: JpChecklistText, language: 'en' | 'ja'): string => {
  const title = item.topics === undefined ? item.title : `${item.title} (${item.topics.join('; ')})`
  const shown = language === 'ja' ? (item.titleJa ?? `(${title})`) : title
  return item.confirmed ? shown : `${shown}${text.unconfirmedMark}`
}

const part2Table = (
  rows: readonly ChecklistRow[],
  text: JpChecklistText,
  language: 'en' | 'ja',
): { table: DataTable; highlights: CellHighlight[] } => {
  const c = text.columns
  const cells = rows.map((row, index): Record<string, CellValue> => {
    const names = [...row.evidence.map((doc) => doc.title), ...row.derived.map((d) => d.name)]
    const numbers = [
      ...row.evidence.map(documentNumber),
      ...row.derived.map((d) => `medcyber ${d.deliverable}`),
    ]
    const rationale = row.gap
      ? text.gapRationale(clauseKey(row.item.clause))
      : [
          ...(row.evidence.length > 0 ? [text.modelEvidenceRationale] : []),
          ...row.derived.map((d) => d.rationale),
          ...(names.length === 0 ? [text.childrenRationale] : []),
        ].join(' ')
    return {
      no: index + 1,
      clause: row.item.clause,
      title: titleOf(row.item, text, language),
      applicable: row.gap ? text.needsInput : text.yes,
      implemented: row.gap ? text.needsInput : text.yes,
      name: names.length === 0 ? (row.gap ? text.needsInput : null) : names.join('; '),
      number: numbers.length === 0 ? (row.gap ? text.needsInput : null) : numbers.join('; '),
      rationale,
    }
  })
  return {
    table: {
      title: text.part2Table,
      columns: [
        { key: 'no', title: c.no, type: 'number', width: 5 },
        { key: 'clause', title: c.clause, type: 'text', width: 9 },
        { key: 'title', title: c.title, type: 'text', width: 44 },
        { key: 'applicable', title: c.applicable, type: 'text', width: 12 },
        { key: 'implemented', title: c.implemented, type: 'text', width: 12 },
        { key: 'name', title: c.name, type: 'text', width: 36 },
        { key: 'number', title: c.number, type: 'text', width: 24 },
        { key: 'rationale', title: c.rationale, type: 'text', width: 44 },
      ],
      rows: cells,
      notes: [text.rowListNote],
    },
    highlights: rows.flatMap((row, index): CellHighlight[] =>
      row.gap ? [{ row: index, tone: 'gap' }] : [],
    ),
  }
}

const part1 = (ctx: ReportContext, text: JpChecklistText): Block[] => {
  const annexF = ctx.model.evidence
    .filter((doc) => jisTopics(doc).some(isAnnexF))
    .sort((a, b) => compareText(a.id, b.id))
  const c = text.part1Columns
  const table: DataTable = {
    title: text.part1Table,
    columns: [
      { key: 'summary', title: c.summary, type: 'text', width: 60 },
      { key: 'name', title: c.name, type: 'text', width: 36 },
      { key: 'number', title: c.number, type: 'text', width: 20 },
    ],
    rows: [
      {
        // The model records which document holds the Annex F record, not what it says.
        summary: text.needsInput,
        name: annexF.length === 0 ? text.needsInput : annexF.map((doc) => doc.title).join('; '),
        number: annexF.length === 0 ? text.needsInput : annexF.map(documentNumber).join('; '),
      },
    ],
  }
  const highlights: CellHighlight[] =
    annexF.length === 0 ? [{ row: 0, tone: 'gap' }] : [{ row: 0, column: 'summary', tone: 'gap' }]
  return [
    paragraph(text.part1Intro),
    tableBlock(table, { caption: text.part1Table, highlights }),
    needsInput(text.part1NeedsInput),
  ]
}

/**
 * The JIS T 81001-5-1 conformity checklist for Essential Principles Art. 12(3) (MHLW notice
 * 薬生機審発0523第1号, laid out as the 2024-01-31 Q&A shows), in the context's language.
 */
export const buildJpChecklist = (ctx: ReportContext): DeliverablePart[] => {
  const { model, language } = ctx
  const text = JP_CHECKLIST_TEXT[language]
  const rows = checklistRows(ctx, text)
  const { table, highlights } = part2Table(rows, text, language)
  const gaps = rows.filter((row) => row.gap).map((row) => row.item.clause)
  const jp = model.product.jurisdictions.JP
  const tree: DocumentTree = {
    id: 'jis-t-81001-5-1-checklist',
    title: text.title,
    subtitle: text.subtitle,
    ...documentFrame(ctx, language),
    sections: [
      section('scope', text.scopeTitle, [
        paragraph(text.scope),
        paragraph(jp === undefined ? text.noJapanMarket : text.japanMarket(jp.class, jp.jmdnCode)),
        note(text.evidenceSources),
      ]),
      section('annex-f', text.part1Title, part1(ctx, text)),
      section('clauses', text.part2Title, [
        tableBlock(table, { caption: text.part2Table, highlights }),
        note(text.rowListNote),
        ...(gaps.length === 0 ? [] : [needsInput(text.gapsNeedsInput(gaps.join(', ')))]),
      ]),
    ],
  }
  return [{ kind: 'document', tree }]
}
