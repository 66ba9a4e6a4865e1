import {
  needsInput,
  paragraph,
  section,
  type Block,
  type DocumentSection,
  type FigureBlock,
} from '../../documents/index.js'
import type { DataFlow } from '../../model/index.js'
import { selectView, type ViewFlow, type ViewSpec } from '../../views/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext, ViewFigure } from '../report-context.js'
import { fdaDocument } from './fda-document.js'
import { byText, inScope } from './release-scope.js'
import { column, joined, NEEDS_INPUT, table } from './table-helpers.js'

interface ViewEntry {
  readonly id: string
  readonly title: string
  /** What FDA asks the view to show, said before the model's own description. */
  readonly purpose: string
  readonly spec: ViewSpec
  /** Figure ids that stand for this view: the document's names and the command line's. */
  readonly figureIds: readonly string[]
}

const SYSTEM_VIEWS: readonly ViewEntry[] = [
  {
    id: 'global-system',
    title: 'Global system view',
    purpose:
      'All internal and external connections of the system: the device, its update infrastructure, the healthcare provider network, intermediaries, cloud services and patient home networks.',
    spec: 'global',
    figureIds: ['global-system', 'global'],
  },
  {
    id: 'multi-patient-harm',
    title: 'Multi-patient harm view',
    purpose:
      'How the system prevents and responds to an attack that could harm many patients at once, for example through a server or cloud service that reaches many devices.',
    spec: 'multi-patient',
    figureIds: ['multi-patient-harm', 'multi-patient'],
  },
  {
    id: 'updatability',
    title: 'Updatability and patchability view',
    purpose:
      'The end-to-end path of a software update from the manufacturer to the device, including the hops the manufacturer does not operate.',
    spec: 'update',
    figureIds: ['updatability', 'update'],
  },
]

const figureFor = (
  figures: readonly ViewFigure[],
  ids: readonly string[],
): ViewFigure | undefined => figures.find((figure) => ids.includes(figure.id))

const viewBlocks = (ctx: ReportContext, entry: ViewEntry): Block[] => {
  const view = selectView(ctx.model, entry.spec)
  const figure = figureFor(ctx.figures, entry.figureIds)
  const figureBlock: Block =
    figure === undefined
      ? needsInput(
          `The diagram of the ${entry.title.toLowerCase()} was not supplied with this document; draw it with 'medcyber diagram --view ${typeof entry.spec === 'string' ? entry.spec : `use-case:${entry.spec.useCase}`}' and include it, or explain why the view is omitted.`,
        )
      : ({
          kind: 'figure',
          svg: figure.svg,
          caption: figure.title,
          alt: view.ok ? view.value.description : figure.title,
        } satisfies FigureBlock)
  return [
    paragraph(entry.purpose),
    figureBlock,
    view.ok ? paragraph(view.value.description) : needsInput(view.error.message),
  ]
}

const useCases = (ctx: ReportContext): DocumentSection => {
  const functions = [...ctx.model.product.clinicalFunctions].sort((a, b) => byText(a.id, b.id))
  return section(
    'security-use-cases',
    'Security use case views',
    [
      paragraph(
        'One view per clinical function whose compromise could affect safety or effectiveness, across operational states (power-on, standby, transitions) and clinical states (programming, alarming, therapy delivery, data exchange, reporting).',
      ),
    ],
    functions.map((fn) =>
      section(
        `security-use-case-${fn.id}`,
        `Security use case: ${fn.name}`,
        viewBlocks(ctx, {
          id: `security-use-case:${fn.id}`,
          title: `Security use case view of ${fn.name}`,
          purpose: `The elements and flows that perform ${fn.name} (${fn.category}), and the controls that protect them.`,
          spec: { useCase: fn.id },
          figureIds: [`security-use-case:${fn.id}`, `use-case:${fn.id}`],
        }),
      ),
    ),
  )
}

const authText = (flow: DataFlow): string => {
  const { authentication } = flow
  const parts = [
    authentication.type,
    authentication.mechanism?.trim(),
    authentication.credentials === undefined
      ? undefined
      : `${authentication.credentials} credentials`,
  ].filter((part): part is string => part !== undefined)
  return parts.join('; ')
}

const encryptionText = (flow: DataFlow): string => {
  const { encryption } = flow
  return [
    `${encryption.type}${encryption.version === undefined ? '' : ` ${encryption.version}`}`,
    encryption.mechanism?.trim(),
  ]
    .filter((part): part is string => part !== undefined)
    .join('; ')
}

const WEAKNESS_COLUMNS: Readonly<Record<ViewFlow['weaknesses'][number], string>> = {
  'no-authentication': 'authentication',
  'weak-credentials': 'authentication',
  'no-encryption': 'encryption',
  'no-integrity': 'integrity',
  'crc-only': 'integrity',
  'no-replay-protection': 'replayProtection',
}

const communicationPaths = (ctx: ReportContext): DocumentSection => {
  const global = selectView(ctx.model, 'global')
  const weaknesses = new Map<string, readonly string[]>(
    (global.ok ? global.value.flows : []).map((flow) => [
      flow.id,
      flow.weaknesses.map((weakness) => WEAKNESS_COLUMNS[weakness]),
    ]),
  )
  const interfaces = new Map(ctx.model.interfaces.map((item) => [item.id, item]))
  const flows = ctx.model.dataFlows
    .filter((flow) => inScope(ctx, flow.releases))
    .sort((a, b) => byText(a.id, b.id))
  const unused = ctx.model.interfaces
    .filter((item) => item.status !== 'active' && inScope(ctx, item.releases))
    .sort((a, b) => byText(a.id, b.id))
  return section('communication-paths', 'Communication paths (Appendix 2)', [
    paragraph(
      'For each communication path: what it carries, its protocol, and how it is authenticated, encrypted, integrity-protected and protected against replay. Cells where what the path carries needs a property it lacks are marked as alerts.',
    ),
    table({
      title: 'Communication paths',
      columns: [
        column('id', 'Data flow', 'text', 22),
        column('path', 'From -> to', 'text', 28),
        column('protocol', 'Protocol', 'text', 18),
        column('payload', 'Carries', 'text', 18),
        column('authentication', 'Authentication', 'text', 26),
        column('encryption', 'Encryption', 'text', 26),
        column('integrity', 'Integrity', 'text', 14),
        column('replayProtection', 'Replay protection', 'boolean', 9),
        column('interfaces', 'Interfaces (ports)', 'text', 26),
        column('description', 'Handoffs and behaviour when cut', 'text', 36),
      ],
      rows: flows.map((flow) => ({
        id: flow.id,
        path: `${flow.from} -> ${[...(flow.intermediaries ?? []), flow.to].join(' -> ')}`,
        protocol: flow.protocol,
        payload: joined(flow.payload),
        authentication: authText(flow),
        encryption: encryptionText(flow),
        integrity: flow.integrity,
        replayProtection: flow.replayProtection,
        interfaces: joined(
          (flow.interfaces ?? []).map((id) => {
            const ports = interfaces.get(id)?.ports
            return ports === undefined ? id : `${id} (${ports.join(', ')})`
          }),
        ),
        description: flow.description?.trim() ?? NEEDS_INPUT,
      })),
      alertCell: (row, key) => weaknesses.get(String(row['id']))?.includes(key) === true,
    }),
    ...(unused.length === 0
      ? []
      : [
          table({
            title: 'Unused and disabled interfaces',
            columns: [
              column('id', 'Interface', 'text', 22),
              column('element', 'Element', 'text', 20),
              column('type', 'Type', 'text', 12),
              column('status', 'Status', 'text', 10),
              column('purpose', 'Purpose, and why it cannot be enabled', 'text', 50),
            ],
            rows: unused.map((item) => ({
              id: item.id,
              element: item.element,
              type: item.type,
              status: item.status,
              purpose: item.purpose?.trim() ?? NEEDS_INPUT,
            })),
          }),
        ]),
  ])
}

export const buildArchitectureViews = (ctx: ReportContext): DeliverablePart =>
  fdaDocument(ctx, 'architecture-views', [
    section('introduction', 'Views', [
      paragraph(
        'FDA asks for four kinds of security architecture view, each a diagram with explanatory text, and for an explanation where a view is omitted. The text under each diagram is generated from the same device model as the diagram.',
      ),
    ]),
    ...SYSTEM_VIEWS.map((entry) => section(entry.id, entry.title, viewBlocks(ctx, entry))),
    useCases(ctx),
    communicationPaths(ctx),
  ])
