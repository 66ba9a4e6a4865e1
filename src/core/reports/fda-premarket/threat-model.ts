import {
  bulletList,
  needsInput,
  paragraph,
  section,
  strong,
  type DocumentSection,
} from '../../documents/index.js'
import { isPartOfDevice } from '../../model/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { cite, fdaDocument, releasePhrase } from './fda-document.js'
import { inScope } from './release-scope.js'
import { column, countOf, joined, NEEDS_INPUT, orNeedsInput, table } from './table-helpers.js'

const method = (ctx: ReportContext): DocumentSection => {
  const generated = ctx.threats.filter((threat) => threat.rule !== undefined).length
  const manual = ctx.threats.length - generated
  return section('method', 'Method and its justification', [
    paragraph(
      `The threat model applies STRIDE per element (spoofing, tampering, repudiation, information disclosure, denial of service, elevation of privilege) to the architecture model of ${ctx.model.product.name}: every element, interface, data flow, trust boundary, asset and component is checked against medcyber's rule catalogue, and the manufacturer adds threats the rules cannot see (${countOf(generated, 'generated threat')}, ${countOf(manual, 'manual threat')}).`,
    ),
    ...(ctx.model.threatModel?.methodRationale === undefined
      ? []
      : [
          paragraph(
            strong("Manufacturer's rationale. "),
            ctx.model.threatModel.methodRationale.trim(),
          ),
        ]),
    paragraph(
      strong('Justification. '),
      'STRIDE per element is one of the methods the MITRE/MDIC "Playbook for Threat Modeling Medical Devices" teaches. Applied by rules to a machine-readable architecture it is systematic (nothing in the model is skipped), repeatable (the same model gives the same threats under the same ids) and maintained with the design: when an element, interface or flow changes, the threats are regenerated and the decisions already made are kept. The manual threats cover attacks that span several elements or depend on clinical use.',
    ),
  ])
}

const assumptions = (ctx: ReportContext): DocumentSection => {
  const { product } = ctx.model
  const outside = ctx.model.elements
    .filter((element) => !isPartOfDevice(element) && element.owner !== 'manufacturer')
    .map((element) => `${element.name} (${element.owner})`)
  const fromModel = [
    `Use environments: ${product.useEnvironments.join(', ')}.`,
    ...(outside.length === 0
      ? []
      : [`Operated by others and outside the manufacturer's control: ${outside.join(', ')}.`]),
    ...ctx.model.trustBoundaries
      .filter((boundary) => boundary.description !== undefined)
      .map((boundary) => `${boundary.name}: ${(boundary.description ?? '').trim()}`),
  ]
  const stated = (ctx.model.threatModel?.assumptions ?? []).map((text) => text.trim())
  const excluded = (ctx.model.threatModel?.outOfScope ?? []).map((text) => text.trim())
  return section('assumptions', 'Assumptions', [
    paragraph(
      strong('Hostile network. '),
      'As FDA asks, every network the device connects to is assumed hostile: an adversary on the network can read, alter, drop, inject and replay packets. No protection of the hospital or home network is relied on unless a threat decision names it as a compensating control.',
    ),
    paragraph('Assumptions stated in the device model:'),
    bulletList(fromModel),
    product.foreseeableMisuse === undefined
      ? needsInput(
          'Reasonably foreseeable misuse: the model does not state it (product.foreseeableMisuse).',
        )
      : paragraph(`Reasonably foreseeable misuse: ${product.foreseeableMisuse.trim()}`),
    ...(stated.length === 0
      ? [
          needsInput(
            'Further assumptions the threat model relies on (threatModel.assumptions), for example physical access to the device, user training, security of the manufacturing site and key provisioning: state them or confirm there are none.',
          ),
        ]
      : [paragraph("The manufacturer's further assumptions:"), bulletList(stated)]),
    ...(excluded.length === 0
      ? []
      : [paragraph('Left out of the threat model, and why:'), bulletList(excluded)]),
  ])
}

const architecture = (ctx: ReportContext): DocumentSection => {
  const { model } = ctx
  const boundaries = model.trustBoundaries
  const crosses = (from: string, to: string): string[] =>
    boundaries
      .filter((boundary) => boundary.elements.includes(from) !== boundary.elements.includes(to))
      .map((boundary) => boundary.id)
      .sort()
  return section(
    'architecture',
    'Elements, interfaces, data flows and trust boundaries',
    [],
    [
      section('elements', 'Elements', [
        table({
          title: 'Elements',
          columns: [
            column('id', 'Element', 'text', 24),
            column('name', 'Name', 'text', 30),
            column('kind', 'Kind', 'text', 16),
            column('owner', 'Operated by', 'text', 14),
            column('partOfDevice', 'Part of the device', 'boolean', 10),
            column('quantity', 'Quantity', 'number', 8),
          ],
          rows: [...model.elements]
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map((element) => ({
              id: element.id,
              name: element.name,
              kind: element.kind,
              owner: element.owner,
              partOfDevice: isPartOfDevice(element),
              quantity: element.quantity ?? null,
            })),
        }),
      ]),
      section('interfaces', 'Interfaces', [
        paragraph(
          'Every interface, used or not: FDA asks for unused interfaces too, since they are attack surface.',
        ),
        table({
          title: 'Interfaces',
          columns: [
            column('id', 'Interface', 'text', 22),
            column('element', 'Element', 'text', 20),
            column('type', 'Type', 'text', 12),
            column('status', 'Status', 'text', 10),
            column('direction', 'Direction', 'text', 9),
            column('protocols', 'Protocols', 'text', 24),
            column('ports', 'Ports', 'text', 16),
            column('purpose', 'Purpose', 'text', 36),
          ],
          rows: model.interfaces
            .filter((item) => inScope(ctx, item.releases))
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map((item) => ({
              id: item.id,
              element: item.element,
              type: item.type,
              status: item.status,
              direction: item.direction ?? NEEDS_INPUT,
              protocols: joined(item.protocols),
              ports: joined(item.ports),
              purpose: orNeedsInput(item.purpose),
            })),
        }),
      ]),
      section('data-flows', 'Data flows', [
        table({
          title: 'Data flows',
          columns: [
            column('id', 'Data flow', 'text', 24),
            column('name', 'Name', 'text', 28),
            column('from', 'From', 'text', 18),
            column('to', 'To', 'text', 18),
            column('protocol', 'Protocol', 'text', 18),
            column('payload', 'Carries', 'text', 20),
            column('boundaries', 'Trust boundaries crossed', 'text', 24),
          ],
          rows: model.dataFlows
            .filter((flow) => inScope(ctx, flow.releases))
            .sort((a, b) => (a.id < b.id ? -1 : 1))
            .map((flow) => ({
              id: flow.id,
              name: flow.name,
              from: flow.from,
              to: flow.to,
              protocol: flow.protocol,
              payload: joined(flow.payload),
              boundaries: joined(crosses(flow.from, flow.to)),
            })),
        }),
        paragraph(`How each path is protected: ${cite('architecture-views')}, per-path table.`),
      ]),
      section('trust-boundaries', 'Trust boundaries', [
        boundaries.length === 0
          ? needsInput(
              'The model defines no trust boundaries (trustBoundaries): security domains cannot be shown.',
            )
          : table({
              title: 'Trust boundaries',
              columns: [
                column('id', 'Trust boundary', 'text', 24),
                column('name', 'Name', 'text', 28),
                column('kind', 'Kind', 'text', 16),
                column('elements', 'Elements inside', 'text', 44),
              ],
              rows: [...boundaries]
                .sort((a, b) => (a.id < b.id ? -1 : 1))
                .map((boundary) => ({
                  id: boundary.id,
                  name: boundary.name,
                  kind: boundary.kind,
                  elements: joined([...boundary.elements, ...(boundary.boundaries ?? [])]),
                })),
            }),
      ]),
    ],
  )
}

const threats = (ctx: ReportContext): DocumentSection =>
  section('threats', 'Threats', [
    paragraph(
      `${countOf(ctx.threats.length, 'threat')} for ${releasePhrase(ctx)}. Open threats without a control are marked as gaps; the risk of each decided threat is rated in ${cite('cybersecurity-risk-assessment')}.`,
    ),
    table({
      title: 'Threats',
      columns: [
        column('id', 'Threat', 'text', 36),
        column('title', 'Title', 'text', 40),
        column('stride', 'STRIDE', 'text', 18),
        column('target', 'Targets', 'text', 22),
        column('source', 'Found by', 'text', 12),
        column('status', 'Status', 'text', 12),
        column('controls', 'Controls', 'text', 30),
      ],
      rows: ctx.threats.map((threat) => ({
        id: threat.id,
        title: threat.title,
        stride: threat.stride.join(', '),
        target: `${threat.element}${threat.elementKind === undefined ? '' : ` (${threat.elementKind})`}`,
        source: threat.rule === undefined ? 'manual' : `rule ${threat.rule}`,
        status: threat.status,
        controls: joined(threat.controls),
      })),
      gapCell: (row, key) =>
        key === 'controls' &&
        row['controls'] === '' &&
        (row['status'] === 'open' || row['status'] === 'mitigated'),
    }),
  ])

/** FDA asks the threat model to cover the whole product life cycle, not only operation. */
const lifecycleCoverage = (ctx: ReportContext): DocumentSection => {
  const { model } = ctx
  const threatsOn = (kinds: readonly string[]) =>
    ctx.threats.filter(
      (threat) => threat.elementKind !== undefined && kinds.includes(threat.elementKind),
    ).length
  const software = model.dataFlows.filter((flow) => flow.payload.includes('software'))
  const updateServers = model.elements.filter((element) => element.kind === 'update-server')
  const external = model.dataFlows.filter((flow) => {
    const ends = [flow.from, flow.to].map((id) =>
      model.elements.find((element) => element.id === id),
    )
    return ends.some((element) => element !== undefined && !isPartOfDevice(element))
  })
  const hdo = model.elements.filter(
    (element) => element.owner === 'hdo' || element.owner === 'patient',
  )
  const ends = model.releases.filter((release) => release.milestones?.endOfSupport !== undefined)
  const rows = [
    {
      phase: 'Supply chain',
      covered: `${countOf(model.components.length, 'component')} and ${countOf(model.sboms.length, 'SBOM')}; threats on components and their support status`,
      threats: threatsOn(['component', 'SBOM']),
    },
    { phase: 'Manufacturing', covered: NEEDS_INPUT, threats: null },
    {
      phase: 'Deployment',
      covered: `${countOf(hdo.length, 'element')} operated by the healthcare provider or patient; use environments ${model.product.useEnvironments.join(', ')}`,
      threats: threatsOn(['element', 'trust boundary']),
    },
    {
      phase: 'Interoperation',
      covered: `${countOf(external.length, 'data flow')} to or from systems outside the device`,
      threats: threatsOn(['data flow', 'interface']),
    },
    {
      phase: 'Maintenance and update',
      covered:
        software.length === 0
          ? NEEDS_INPUT
          : `${countOf(software.length, 'data flow')} carrying software${updateServers.length === 0 ? '' : `; update infrastructure ${updateServers.map((element) => element.name).join(', ')}`}`,
      threats:
        software.length === 0
          ? null
          : ctx.threats.filter((threat) => software.some((flow) => flow.id === threat.element))
              .length,
    },
    {
      phase: 'Decommissioning',
      covered:
        ends.length === 0
          ? NEEDS_INPUT
          : `end of support dated for ${ends.map((release) => release.version).join(', ')}; sanitization of data and credentials is not modelled`,
      threats: null,
    },
  ]
  return section('lifecycle-coverage', 'Coverage of the product life cycle', [
    paragraph(
      'FDA asks the threat model to consider supply chain, manufacturing, deployment, interoperation, maintenance and update, and decommissioning. What the device model covers for each:',
    ),
    table({
      title: 'Life cycle coverage',
      columns: [
        column('phase', 'Life cycle phase', 'text', 22),
        column('covered', 'What the model covers', 'text', 60),
        column('threats', 'Threats', 'number', 10),
      ],
      rows,
      gapCell: (row, key) => key === 'threats' && row['threats'] === null,
    }),
    needsInput(
      'Manufacturing and decommissioning threats (key and credential provisioning at the factory, secure disposal and sanitization of patient data and credentials): the device model has no elements for them; describe how they were considered.',
    ),
  ])
}

export const buildThreatModel = (ctx: ReportContext): DeliverablePart =>
  fdaDocument(ctx, 'threat-model', [
    method(ctx),
    assumptions(ctx),
    architecture(ctx),
    threats(ctx),
    lifecycleCoverage(ctx),
  ])
