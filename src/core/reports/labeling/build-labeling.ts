import {
  bulletList,
  needsInput,
  note,
  paragraph,
  section,
  tableBlock,
  type Block,
  type DataTable,
  type DocumentSection,
  type DocumentTree,
} from '../../documents/index.js'
import type { Control } from '../../model/index.js'
import type { DeliverablePart } from '../deliverable.js'
import { documentFrame } from '../document-frame.js'
import type { ReportContext } from '../report-context.js'
import {
  deviceInterfaces,
  environmentElements,
  environmentFlows,
  releaseControls,
  userControls,
} from './environment-facts.js'
import { LABELING_TEXT, type LabelingText } from './labeling-text.js'
import { controlTable, flowTable, interfaceTable } from './labeling-tables.js'

const controlsBlock = (
  controls: readonly Control[],
  text: LabelingText,
  title: string,
  missing: string,
): Block =>
  controls.length === 0 ? needsInput(missing) : tableBlock(controlTable(controls, text, title))

const interfacesSection = (ctx: ReportContext, text: LabelingText): DocumentSection => {
  const interfaces = deviceInterfaces(ctx.model, ctx.release)
  const active = interfaces.filter((item) => item.status === 'active')
  const inactive = interfaces.filter((item) => item.status !== 'active')
  const missingFunction = active.some(
    (item) => item.purpose === undefined || item.approvedDestinations === undefined,
  )
  return section('interfaces', text.sections.interfaces, [
    ...(interfaces.length === 0 ? [needsInput(text.missing.interfaces)] : []),
    ...(active.length === 0
      ? []
      : [
          tableBlock(interfaceTable(ctx.model, active, text, text.tables.activeInterfaces), {
            highlights: active.flatMap((item, row) =>
              item.approvedDestinations === undefined
                ? [{ row, column: 'destinations', tone: 'gap' as const }]
                : [],
            ),
          }),
        ]),
    ...(missingFunction ? [needsInput(text.missing.interfaces)] : []),
    ...(inactive.length === 0
      ? []
      : [
          tableBlock(interfaceTable(ctx.model, inactive, text, text.tables.inactiveInterfaces)),
          note(text.inactiveNote),
        ]),
  ])
}

const infrastructureSection = (ctx: ReportContext, text: LabelingText): DocumentSection => {
  const flows = environmentFlows(ctx.model, ctx.release)
  const elements = environmentElements(ctx.model)
  return section('infrastructure', text.sections.infrastructure, [
    ...(flows.length === 0
      ? []
      : [tableBlock(flowTable(ctx.model, flows, text, text.tables.flows))]),
    ...(elements.length === 0
      ? []
      : [
          bulletList(
            elements.map((element) => `${element.name} (${element.kind}, ${element.owner})`),
          ),
        ]),
    needsInput(text.missing.infrastructure),
  ])
}

const withCapability = (controls: readonly Control[], capabilities: readonly string[]) =>
  controls.filter((control) =>
    (control.capabilities ?? []).some((capability) => capabilities.includes(capability)),
  )

const supportTable = (ctx: ReportContext, text: LabelingText): DataTable => ({
  title: text.tables.support,
  columns: [
    { key: 'release', title: text.columns.release, type: 'text', width: 12 },
    { key: 'phase', title: text.columns.phase, type: 'text', width: 16 },
    { key: 'endOfLife', title: text.columns.endOfLife, type: 'date', width: 14 },
    { key: 'endOfSupport', title: text.columns.endOfSupport, type: 'date', width: 14 },
  ],
  rows: [...ctx.support]
    .sort((a, b) => a.version.localeCompare(b.version, 'en', { numeric: true }))
    .map((status) => ({
      release: status.version,
      phase: status.phase,
      endOfLife: status.endOfLife ?? null,
      endOfSupport: status.endOfSupport ?? null,
    })),
})

const supportSection = (ctx: ReportContext, text: LabelingText): DocumentSection => {
  const own = ctx.support.find((status) => status.version === ctx.release)
  const unsupported = own?.unsupportedComponents ?? []
  const table = supportTable(ctx, text)
  return section('support', text.sections.support, [
    ...(table.rows.length === 0
      ? []
      : [
          tableBlock(table, {
            highlights: table.rows.flatMap((row, index) =>
              row['endOfSupport'] === null
                ? [{ row: index, column: 'endOfSupport', tone: 'gap' as const }]
                : [],
            ),
          }),
        ]),
    ...(own?.endOfSupport === undefined ? [needsInput(text.missing.support)] : []),
    ...(unsupported.length === 0
      ? []
      : [
          tableBlock(
            {
              title: text.tables.unsupported,
              columns: [
                { key: 'component', title: text.columns.component, type: 'text', width: 30 },
                { key: 'endOfSupport', title: text.columns.endOfSupport, type: 'date', width: 14 },
              ],
              rows: unsupported.map((item) => ({
                component:
                  ctx.model.components.find((component) => component.id === item.id)?.name ??
                  item.id,
                endOfSupport: item.endOfSupport,
              })),
            },
            { highlights: unsupported.map((_, row) => ({ row, tone: 'alert' as const })) },
          ),
        ]),
  ])
}

/** The customer security documentation in the context's language (English or Japanese). */
export const buildLabelingDocument = (ctx: ReportContext): DocumentTree => {
  const text = LABELING_TEXT[ctx.language]
  const { model } = ctx
  const controls = releaseControls(model, ctx.release)
  const release = model.releases.find((item) => item.version === ctx.release)
  const plan = model.managementPlan
  const logging = controls.filter(
    (control) =>
      control.category === 'event-detection-logging' ||
      (control.capabilities ?? []).includes('AUDT'),
  )
  const updates = controls.filter((control) => control.category === 'updatability-patchability')
  const backup = [
    ...new Set([
      ...withCapability(controls, ['DTBK']),
      ...controls.filter((control) => control.compensatingType === 'backup-restore'),
    ]),
  ]
  const configuration = withCapability(controls, ['CNFS', 'SAHD'])
  return {
    id: 'labeling-security',
    title: text.title,
    subtitle: text.subtitle,
    ...documentFrame(ctx),
    sections: [
      interfacesSection(ctx, text),
      section('user-controls', text.sections.userControls, [
        controlsBlock(
          userControls(model, ctx.release),
          text,
          text.tables.controls,
          text.missing.userControls,
        ),
      ]),
      infrastructureSection(ctx, text),
      section('sbom', text.sections.sbom, [
        release === undefined
          ? needsInput(text.missing.updates)
          : paragraph(text.sbomText((release.components ?? []).length, release.version)),
      ]),
      section('updates', text.sections.updates, [
        ...(release?.updateMethod === undefined
          ? []
          : [paragraph(text.updateMethod(release.updateMethod))]),
        ...(plan?.updateProcess === undefined
          ? [needsInput(text.missing.updates)]
          : [paragraph(plan.updateProcess)]),
        ...(plan?.customerCommunication === undefined
          ? []
          : [paragraph(`${text.customerCommunication}: ${plan.customerCommunication}`)]),
        ...(updates.length === 0
          ? []
          : [tableBlock(controlTable(updates, text, text.sections.updates))]),
      ]),
      section('anomalies', text.sections.anomalies, [
        controlsBlock(logging, text, text.sections.anomalies, text.missing.anomalies),
      ]),
      section('backup', text.sections.backup, [
        controlsBlock(backup, text, text.sections.backup, text.missing.backup),
      ]),
      section('secure-configuration', text.sections.secureConfiguration, [
        controlsBlock(
          configuration,
          text,
          text.sections.secureConfiguration,
          text.missing.secureConfiguration,
        ),
      ]),
      supportSection(ctx, text),
      section('decommissioning', text.sections.decommissioning, [
        needsInput(text.missing.decommissioning),
      ]),
    ],
  }
}

export const buildLabeling = (ctx: ReportContext): DeliverablePart[] => [
  { kind: 'document', tree: buildLabelingDocument(ctx) },
]
