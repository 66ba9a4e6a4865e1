import { FDA_CONTROL_CATEGORIES } from '../../controls/index.js'
import {
  bulletList,
  note,
  paragraph,
  section,
  tableBlock,
  type CellHighlight,
  type CellValue,
  type DataTable,
  type DocumentTree,
  type TableColumn,
} from '../../documents/index.js'
import type { Control, DeviceModel, Verification } from '../../model/index.js'
import type { RiskEntry } from '../../risk-register/index.js'
import type { Threat } from '../../threats/index.js'
import type { DeliverablePart } from '../deliverable.js'
import { documentFrame } from '../document-frame.js'
import type { ReportContext } from '../report-context.js'
import { TRACEABILITY_TEXT as T } from './traceability-text.js'

type GapKind = keyof typeof T.gapKinds
type Row = Record<string, CellValue>

const COLUMNS: readonly TableColumn[] = [
  { key: 'source', title: T.columns.source, type: 'text', width: 9 },
  { key: 'subject', title: T.columns.subject, type: 'text', width: 36 },
  { key: 'subjectTitle', title: T.columns.subjectTitle, type: 'text', width: 40 },
  { key: 'status', title: T.columns.status, type: 'text', width: 14 },
  { key: 'risk', title: T.columns.risk, type: 'text', width: 30 },
  { key: 'residual', title: T.columns.residual, type: 'text', width: 22 },
  { key: 'control', title: T.columns.control, type: 'text', width: 28 },
  { key: 'controlName', title: T.columns.controlName, type: 'text', width: 32 },
  { key: 'requirement', title: T.columns.requirement, type: 'text', width: 30 },
  { key: 'verification', title: T.columns.verification, type: 'text', width: 28 },
  { key: 'result', title: T.columns.result, type: 'text', width: 22 },
  { key: 'components', title: T.columns.components, type: 'text', width: 32 },
  { key: 'hazardousSituations', title: T.columns.hazardousSituations, type: 'text', width: 28 },
  { key: 'hazards', title: T.columns.hazards, type: 'text', width: 28 },
]

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const sortedUnique = (values: Iterable<string>): string[] => [...new Set(values)].sort(compareText)
const joined = (values: readonly string[]): string | null =>
  values.length === 0 ? null : values.join(', ')

type VerificationResult = NonNullable<Verification['results']>[number]

/** The latest result for the release documented, else the latest of any release. */
const latestResult = (
  verification: Verification,
  release: string | undefined,
): VerificationResult | undefined => {
  const results = [...(verification.results ?? [])].sort(
    (a, b) => compareText(a.date, b.date) || compareText(a.verdict, b.verdict),
  )
  const forRelease = results.filter((result) => result.release === release)
  return (forRelease.length > 0 ? forRelease : results).at(-1)
}

interface Links {
  readonly model: DeviceModel
  readonly release: string | undefined
  readonly controls: ReadonlyMap<string, Control>
  readonly verificationsOf: ReadonlyMap<string, readonly Verification[]>
  readonly hazardOf: ReadonlyMap<string, string>
  readonly componentsOn: (element: string) => readonly string[]
}

const linksOf = (ctx: ReportContext): Links => {
  const { model } = ctx
  const verificationsOf = new Map<string, Verification[]>()
  for (const verification of [...model.verifications].sort((a, b) => compareText(a.id, b.id))) {
    for (const control of sortedUnique(verification.controls ?? [])) {
      verificationsOf.set(control, [...(verificationsOf.get(control) ?? []), verification])
    }
  }
  // A threat on an interface or a data flow reaches the components of the elements it touches.
  const elementsOf = new Map<string, readonly string[]>([
    ...model.interfaces.map((item) => [item.id, [item.element]] as const),
    ...model.dataFlows.map(
      (flow) => [flow.id, [flow.from, flow.to, ...(flow.intermediaries ?? [])]] as const,
    ),
  ])
  const componentIds = new Set(model.components.map((component) => component.id))
  const componentsOn = (element: string): readonly string[] => {
    if (componentIds.has(element)) return [element]
    const elements = new Set(elementsOf.get(element) ?? [element])
    return sortedUnique(
      model.components
        .filter((component) => (component.elements ?? []).some((e) => elements.has(e)))
        .map((component) => component.id),
    )
  }
  return {
    model,
    release: ctx.release,
    controls: new Map(model.controls.map((control) => [control.id, control])),
    verificationsOf,
    hazardOf: new Map(model.hazardousSituations.map((item) => [item.id, item.hazard])),
    componentsOn,
  }
}

const requirementOf = (control: Control): string => {
  const category =
    FDA_CONTROL_CATEGORIES.find((entry) => entry.id === control.category)?.name ?? control.category
  const capabilities = [...(control.capabilities ?? [])].sort(compareText)
  return capabilities.length === 0 ? category : `${category} / ${capabilities.join(', ')}`
}

const riskCell = (entry: RiskEntry): string =>
  `${entry.id} (${entry.before.exploitability} × ${entry.before.severity})`

const residualCell = (entry: RiskEntry): string =>
  `${entry.residual.acceptability}, ${entry.controlStatus}`

interface Chain {
  readonly source: 'threat' | 'finding' | 'control'
  readonly subject: string | null
  readonly subjectTitle: string | null
  readonly status: string | null
  readonly risk: RiskEntry | undefined
  /** True when the chain needs a risk evaluation it does not have. */
  readonly riskMissing: boolean
  readonly controls: readonly string[]
  readonly components: readonly string[]
  readonly hazardousSituations: readonly string[]
  /** A threat or finding that an open decision leaves without a control is a gap. */
  readonly controlMissing: boolean
}

interface Built {
  readonly rows: Row[]
  readonly highlights: CellHighlight[]
  readonly gaps: ReadonlyMap<GapKind, ReadonlySet<string>>
}

/** Collects rows with their highlights and the gaps they show. */
class MatrixWriter {
  readonly rows: Row[] = []
  readonly highlights: CellHighlight[] = []
  readonly gaps = new Map<GapKind, Set<string>>()

  add(row: Row): number {
    return this.rows.push(row) - 1
  }

  mark(row: number, column: string, tone: 'gap' | 'alert', kind: GapKind, item: string): void {
    this.highlights.push({ row, column, tone })
    this.gaps.set(kind, (this.gaps.get(kind) ?? new Set()).add(item))
  }
}

const chainBase = (chain: Chain, hazards: readonly string[]): Row => ({
  source: T.sources[chain.source],
  subject: chain.subject,
  subjectTitle: chain.subjectTitle,
  status: chain.status,
  risk: chain.risk === undefined ? null : riskCell(chain.risk),
  residual: chain.risk === undefined ? null : residualCell(chain.risk),
  components: joined(chain.components),
  hazardousSituations: joined(chain.hazardousSituations),
  hazards: joined(hazards),
})

/** The gaps a chain has in every row it takes: no threat, no risk evaluation, no hazard. */
const markChain = (
  out: MatrixWriter,
  row: number,
  chain: Chain,
  hazards: readonly string[],
): void => {
  if (chain.source === 'control') {
    out.mark(row, 'subject', 'gap', 'controlWithoutThreat', chain.controls[0] ?? '')
  }
  if (chain.riskMissing) out.mark(row, 'risk', 'gap', 'riskNotEvaluated', chain.subject ?? '')
  if (chain.risk?.patientHarm === true && hazards.length === 0) {
    out.mark(row, 'hazards', 'gap', 'riskWithoutHazard', chain.risk.id)
  }
}

const addVerificationRows = (
  out: MatrixWriter,
  withControl: Row,
  controlId: string,
  links: Links,
  onRow: (row: number) => void,
): void => {
  const verifications = links.verificationsOf.get(controlId) ?? []
  if (verifications.length === 0) {
    const row = out.add({ ...withControl, verification: null, result: null })
    onRow(row)
    out.mark(row, 'verification', 'gap', 'controlWithoutVerification', controlId)
    return
  }
  for (const verification of verifications) {
    const latest = latestResult(verification, links.release)
    const row = out.add({
      ...withControl,
      verification: verification.id,
      result:
        latest === undefined ? T.noResult : `${latest.verdict} (${latest.release}, ${latest.date})`,
    })
    onRow(row)
    const forRelease = links.release === undefined || latest?.release === links.release
    if (latest === undefined || !forRelease) {
      out.mark(row, 'result', 'gap', 'verificationWithoutResult', verification.id)
    }
    if (latest?.verdict === 'fail') {
      out.mark(row, 'result', 'alert', 'failedVerification', `${verification.id} (${controlId})`)
    }
  }
}

const expandChains = (chains: readonly Chain[], links: Links): Built => {
  const out = new MatrixWriter()
  for (const chain of chains) {
    const hazards = sortedUnique(
      chain.hazardousSituations.flatMap((id) => links.hazardOf.get(id) ?? []),
    )
    const base = chainBase(chain, hazards)
    const onRow = (row: number) => {
      markChain(out, row, chain, hazards)
    }
    if (chain.controls.length === 0) {
      const row = out.add({ ...base, control: null, controlName: null, requirement: null })
      onRow(row)
      if (chain.controlMissing) {
        out.mark(row, 'control', 'gap', 'threatWithoutControl', chain.subject ?? '')
      }
      continue
    }
    for (const controlId of chain.controls) {
      const control = links.controls.get(controlId)
      const withControl: Row = {
        ...base,
        control: controlId,
        controlName: control?.name ?? null,
        requirement: control === undefined ? null : requirementOf(control),
      }
      addVerificationRows(out, withControl, controlId, links, onRow)
    }
  }
  return { rows: out.rows, highlights: out.highlights, gaps: out.gaps }
}

const threatChains = (ctx: ReportContext, links: Links): Chain[] => {
  const entries = new Map<string, RiskEntry[]>()
  for (const entry of ctx.register.entries) {
    if (entry.source !== 'threat') continue
    entries.set(entry.subject, [...(entries.get(entry.subject) ?? []), entry])
  }
  const unevaluated = new Set(
    ctx.register.unevaluated.filter((item) => item.source === 'threat').map((item) => item.id),
  )
  const written = new Map(ctx.model.threats.map((threat) => [threat.id, threat.elements]))
  return ctx.threats.flatMap((threat: Threat): Chain[] => {
    const elements = written.get(threat.id) ?? [threat.element]
    const components = sortedUnique(elements.flatMap((element) => links.componentsOn(element)))
    const risks = entries.get(threat.id) ?? [undefined]
    return risks.map((risk) => ({
      source: 'threat',
      subject: threat.id,
      subjectTitle: threat.title,
      status: threat.status,
      risk,
      riskMissing: risk === undefined && unevaluated.has(threat.id),
      controls: sortedUnique([...threat.controls, ...(risk?.controls.map((c) => c.id) ?? [])]),
      components,
      hazardousSituations: sortedUnique([
        ...threat.hazardousSituations,
        ...(risk?.hazardousSituations ?? []),
      ]),
      controlMissing: threat.status === 'open' || threat.status === 'mitigated',
    }))
  })
}

const findingChains = (ctx: ReportContext): Chain[] =>
  ctx.register.entries
    .filter((entry) => entry.source === 'finding')
    .map((entry) => {
      const component = entry.subject.split('@')[1]
      const assessment = ctx.model.findingAssessments.find((a) => a.finding === entry.subject)
      return {
        source: 'finding',
        subject: entry.subject,
        subjectTitle: entry.title,
        status: entry.status,
        risk: entry,
        riskMissing: false,
        controls: sortedUnique([
          ...entry.controls.map((control) => control.id),
          ...(assessment?.controls ?? []),
        ]),
        components: component === undefined || component === '' ? [] : [component],
        hazardousSituations: entry.hazardousSituations,
        controlMissing: entry.status === 'affected',
      } satisfies Chain
    })

const orphanControlChains = (ctx: ReportContext, linked: ReadonlySet<string>): Chain[] =>
  [...ctx.model.controls]
    .filter((control) => !linked.has(control.id))
    .sort((a, b) => compareText(a.id, b.id))
    .map((control) => ({
      source: 'control',
      subject: null,
      subjectTitle: null,
      status: control.status,
      risk: undefined,
      riskMissing: false,
      controls: [control.id],
      components: sortedUnique(
        (control.elements ?? []).flatMap((element) =>
          ctx.model.components.some((c) => c.id === element) ? [element] : [],
        ),
      ),
      hazardousSituations: sortedUnique(control.hazardousSituations ?? []),
      controlMissing: false,
    }))

const GAP_ORDER: readonly GapKind[] = [
  'threatWithoutControl',
  'riskNotEvaluated',
  'controlWithoutVerification',
  'verificationWithoutResult',
  'failedVerification',
  'riskWithoutHazard',
  'controlWithoutThreat',
]

/** The rows, highlights and gaps of the matrix: what the document and its tests read. */
export const traceabilityMatrix = (ctx: ReportContext): Built & { table: DataTable } => {
  const links = linksOf(ctx)
  const chains = [...threatChains(ctx, links), ...findingChains(ctx)]
  const linked = new Set(chains.flatMap((chain) => chain.controls))
  const built = expandChains([...chains, ...orphanControlChains(ctx, linked)], links)
  return {
    ...built,
    table: {
      title: T.sheetTitle,
      columns: COLUMNS,
      rows: built.rows,
      notes: [T.requirementNote, T.legend],
    },
  }
}

/**
 * The traceability matrix (threat ↔ risk ↔ control ↔ requirement ↔ verification ↔ SBOM
 * component ↔ hazard) of the documented release, with every missing link highlighted and
 * summarised. Its main table is the spreadsheet the .xlsx renderer writes.
 */
export const buildTraceability = (ctx: ReportContext): DeliverablePart[] => {
  const matrix = traceabilityMatrix(ctx)
  const gapRows = GAP_ORDER.flatMap((kind) => {
    const items = [...(matrix.gaps.get(kind) ?? [])].sort(compareText)
    return items.length === 0
      ? []
      : [{ kind: T.gapKinds[kind], count: items.length, items: items.join(', ') }]
  })
  const findingCount = ctx.register.entries.filter((entry) => entry.source === 'finding').length
  const tree: DocumentTree = {
    id: 'traceability-matrix',
    title: T.title,
    subtitle: T.subtitle,
    ...documentFrame(ctx, 'en'),
    sections: [
      section('reading', T.introTitle, [
        paragraph(T.intro),
        note(T.requirementNote),
        paragraph(T.findingsNote(findingCount)),
      ]),
      section('matrix', T.matrixTitle, [
        tableBlock(matrix.table, { caption: T.matrixCaption, highlights: matrix.highlights }),
      ]),
      section('gaps', T.gapsTitle, [
        paragraph(T.gapsIntro),
        ...(gapRows.length === 0
          ? [paragraph(T.noGaps)]
          : [
              tableBlock(
                {
                  title: T.gapTable,
                  columns: [
                    { key: 'kind', title: T.gapColumns.kind, type: 'text', width: 40 },
                    { key: 'count', title: T.gapColumns.count, type: 'number', width: 8 },
                    { key: 'items', title: T.gapColumns.items, type: 'text', width: 80 },
                  ],
                  rows: gapRows,
                },
                { caption: T.gapTable },
              ),
              bulletList(gapRows.map((row) => `${row.kind}: ${String(row.count)}`)),
            ]),
      ]),
    ],
  }
  return [{ kind: 'document', tree }]
}
