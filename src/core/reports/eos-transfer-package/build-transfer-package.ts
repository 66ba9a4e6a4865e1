import {
  bulletList,
  needsInput,
  note,
  paragraph,
  section,
  tableBlock,
  type Block,
  type DocumentSection,
} from '../../documents/index.js'
import type { DeviceModel } from '../../model/index.js'
import { evaluateRiskRegister } from '../../risk-register/index.js'
import type { DeliverablePart } from '../deliverable.js'
import { documentFrame } from '../document-frame.js'
import {
  datesSection,
  deviceSection,
  factsOf,
  transferSection,
} from '../lifecycle-notice/build-lifecycle-notices.js'
import { LIFECYCLE_TEXT } from '../lifecycle-notice/lifecycle-text.js'
import { buildSbomDeliverable, buildVexDeliverable } from '../machine-readable/index.js'
import type { ReportContext } from '../report-context.js'
import { recipientsSection } from '../lifecycle-notice/recipients.js'
import { TRANSFER_TEXT, type TransferText } from '../lifecycle-notice/transfer-text.js'

const inRelease = (releases: readonly string[] | undefined, version: string): boolean =>
  releases === undefined || releases.includes(version)

const networkSection = (
  model: DeviceModel,
  version: string,
  text: TransferText,
): DocumentSection => {
  const names = new Map(model.elements.map((element) => [element.id, element.name]))
  const interfaces = model.interfaces
    .filter((item) => inRelease(item.releases, version))
    .sort((a, b) => a.id.localeCompare(b.id))
  const flows = [...model.dataFlows].sort((a, b) => a.id.localeCompare(b.id))
  const i = text.interfaceColumns
  const f = text.flowColumns
  const blocks: Block[] = [
    paragraph(text.networkIntro),
    tableBlock(
      {
        title: text.interfacesTitle,
        columns: [
          { key: 'id', title: i.id, type: 'text', width: 24 },
          { key: 'element', title: i.element, type: 'text', width: 24 },
          { key: 'type', title: i.type, type: 'text', width: 14 },
          { key: 'status', title: i.status, type: 'text', width: 10 },
          { key: 'ports', title: i.ports, type: 'text', width: 16 },
          { key: 'protocols', title: i.protocols, type: 'text', width: 24 },
        ],
        rows: interfaces.map((item) => ({
          id: item.id,
          element: names.get(item.element) ?? item.element,
          type: item.type,
          status: item.status,
          ports: (item.ports ?? []).join(', '),
          protocols: (item.protocols ?? []).join(', '),
        })),
      },
      { caption: text.interfacesTitle },
    ),
    tableBlock(
      {
        title: text.flowsTitle,
        columns: [
          { key: 'id', title: f.id, type: 'text', width: 24 },
          { key: 'from', title: f.from, type: 'text', width: 20 },
          { key: 'to', title: f.to, type: 'text', width: 20 },
          { key: 'protocol', title: f.protocol, type: 'text', width: 18 },
          { key: 'authentication', title: f.authentication, type: 'text', width: 14 },
          { key: 'encryption', title: f.encryption, type: 'text', width: 14 },
        ],
        rows: flows.map((flow) => ({
          id: flow.id,
          from: names.get(flow.from) ?? flow.from,
          to: names.get(flow.to) ?? flow.to,
          protocol: flow.protocol,
          authentication: flow.authentication.type,
          encryption: flow.encryption.type,
        })),
      },
      { caption: text.flowsTitle },
    ),
  ]
  const networked = interfaces.filter((item) => item.status !== 'disabled')
  if (networked.length > 0 && networked.every((item) => item.ports === undefined)) {
    blocks.push(needsInput(text.noPorts))
  }
  return section('network-configuration', text.networkTitle, blocks)
}

const fileName = (part: DeliverablePart | undefined): string =>
  part?.kind === 'data' ? `${part.id}.${part.extension}` : ''

/**
 * IMDRF N70 end-of-support transfer package for the documented release: the end-of-support
 * notice's transfer contents (final SBOM with support data, residual risks, compensating
 * controls against the N70 catalogue, known vulnerabilities, decommissioning, upgrade, contacts)
 * plus the network and security configuration, the customers and sites still running the
 * release, and the CycloneDX SBOM and VEX (and CSAF VEX) as machine-readable parts. In en or ja.
 */
export const buildEosTransferPackage = (ctx: ReportContext): DeliverablePart[] => {
  const { model } = ctx
  const release = model.releases.find((item) => item.version === ctx.release)
  const status = ctx.support.find((item) => item.version === ctx.release)
  if (release === undefined || status === undefined) return []
  const text = TRANSFER_TEXT[ctx.language]
  const lifecycle = LIFECYCLE_TEXT[ctx.language]
  const facts = factsOf(model, release, status, ctx.support)
  // The register of the documented release: ctx.register is drawn up for it already.
  const register =
    ctx.register.release === release.version
      ? ctx.register
      : evaluateRiskRegister(model, ctx.threats, ctx.policy, {
          today: ctx.date,
          release: release.version,
        })
  const sbom = buildSbomDeliverable(ctx).filter(
    (part) => part.kind === 'data' && part.extension === 'cdx.json',
  )
  const vex = buildVexDeliverable(ctx)
  const intro: Block[] = [paragraph(text.intro)]
  if (status.endOfSupport === undefined) intro.push(needsInput(text.noEndOfSupport))
  else if (status.endOfSupport > ctx.date) intro.push(note(text.eosNotReached(status.endOfSupport)))
  const tree = {
    id: `eos-transfer-package-${release.version.replace(/[^A-Za-z0-9.-]+/g, '-')}`,
    title: text.title(release.version),
    subtitle: text.subtitle,
    ...documentFrame(ctx, ctx.language, release.version),
    sections: [
      section('introduction', text.title(release.version), intro),
      deviceSection(model, facts, status.endOfSupport, lifecycle.eosMaintenance, lifecycle),
      datesSection(ctx, status, lifecycle),
      transferSection(ctx, facts, register, lifecycle),
      networkSection(model, release.version, text),
      recipientsSection(ctx, release.version),
      section('machine-readable', text.machineTitle, [
        paragraph(text.machineIntro),
        bulletList(text.machineFiles(fileName(sbom[0]), fileName(vex[0]), fileName(vex[1]))),
      ]),
    ],
  }
  return [{ kind: 'document', tree }, ...sbom, ...vex]
}
