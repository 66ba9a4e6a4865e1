import type {
  ArchitectureView,
  FlowSecurity,
  ViewBoundary,
  ViewElement,
  ViewFlow,
  ViewInterface,
} from '../core/views/index.js'
import { dotId, escapeDotText, htmlLines } from './dot-text.js'

/**
 * Graphviz measures text with the metrics of the first font it knows. DejaVu Sans is the widest
 * of the usual sans-serif faces, so labels measured with it still fit when a viewer falls back to
 * Helvetica or Arial; the SVG renderer widens the family list afterwards.
 */
export const LAYOUT_FONT = 'DejaVu Sans'

const COLORS = {
  text: '#1f2937',
  muted: '#4b5563',
  edge: '#52525b',
  weak: '#c0152f',
  highlight: '#d97706',
  boundary: '#6b7280',
  control: '#166534',
  deviceFill: '#dbeafe',
  deviceLine: '#1e40af',
  manufacturerFill: '#dcfce7',
  manufacturerLine: '#166534',
  otherFill: '#f3f4f6',
  otherLine: '#4b5563',
  entityFill: '#ffffff',
} as const

const font = (text: string, attributes: string): string => `<FONT ${attributes}>${text}</FONT>`
const small = (text: string, color: string = COLORS.muted): string =>
  font(text, `POINT-SIZE="8" COLOR="${color}"`)

const KIND_WORDS: Readonly<Partial<Record<ViewElement['kind'], string>>> = {
  'device-component': 'device component',
  'mobile-app': 'mobile app',
  'desktop-app': 'desktop app',
  'web-app': 'web app',
  'cloud-service': 'cloud service',
  'update-server': 'update server',
  'data-store': 'data store',
  'network-infrastructure': 'network',
  'hdo-system': 'hospital system',
  'third-party-service': 'third-party service',
  'external-entity': 'external entity',
}
const OWNER_WORDS: Readonly<Record<ViewElement['owner'], string>> = {
  manufacturer: 'manufacturer',
  hdo: 'hospital',
  patient: 'patient',
  'third-party': 'third party',
}
const INTERFACE_WORDS: Readonly<Record<ViewInterface['type'], string>> = {
  ble: 'BLE',
  'bluetooth-classic': 'Bluetooth',
  wifi: 'Wi-Fi',
  ethernet: 'Ethernet',
  cellular: 'cellular',
  network: 'network',
  usb: 'USB',
  serial: 'serial',
  nfc: 'NFC',
  inductive: 'inductive',
  'proprietary-rf': 'RF',
  infrared: 'IR',
  'debug-jtag': 'JTAG',
  'debug-swd': 'SWD',
  'debug-uart': 'UART',
  'removable-media': 'media',
  'user-interface': 'UI',
  'local-api': 'local API',
}

/** Stable short tags (C1, C2, ...) for the controls of a view, in the view's order. */
const controlTags = (view: ArchitectureView): Map<string, string> =>
  new Map(view.controls.map((c, i) => [c.id, `C${String(i + 1)}`]))

const interfaceSummary = (element: ViewElement): string => {
  const words = (status: ViewInterface['status']): string[] => [
    ...new Set(
      element.interfaces.filter((i) => i.status === status).map((i) => INTERFACE_WORDS[i.type]),
    ),
  ]
  const active = words('active')
  const unused = words('unused').map((w) => `${w} (unused)`)
  const disabled = words('disabled').map((w) => `${w} (off)`)
  return [...active, ...unused, ...disabled].join(', ')
}

const elementStyle = (element: ViewElement, highlighted: boolean): string[] => {
  const [fill, line] =
    element.role === 'external-entity'
      ? [COLORS.entityFill, COLORS.otherLine]
      : element.partOfDevice
        ? [COLORS.deviceFill, COLORS.deviceLine]
        : element.owner === 'manufacturer'
          ? [COLORS.manufacturerFill, COLORS.manufacturerLine]
          : [COLORS.otherFill, COLORS.otherLine]
  const shape =
    element.role === 'data-store'
      ? ['shape=cylinder', 'style="filled"']
      : element.role === 'external-entity'
        ? ['shape=box', 'style="filled"']
        : element.role === 'network'
          ? ['shape=box', 'style="filled,diagonals"']
          : ['shape=box', 'style="filled,rounded"']
  const width = highlighted ? 3 : element.partOfDevice ? 2 : 1
  return [
    ...shape,
    `fillcolor="${fill}"`,
    `color="${highlighted ? COLORS.highlight : line}"`,
    `penwidth=${String(width)}`,
  ]
}

const elementLabel = (
  element: ViewElement,
  tags: ReadonlyMap<string, string>,
  badge: string | undefined,
): string => {
  const kind = KIND_WORDS[element.kind] ?? element.kind
  const quantity = element.quantity === undefined ? '' : ` × ${String(element.quantity)}`
  const about = `${kind}${quantity} · ${OWNER_WORDS[element.owner]}${element.partOfDevice ? ' · medical device' : ''}`
  const lines = [`<B>${htmlLines(element.name, 28, 4)}</B>`, small(htmlLines(about, 40))]
  const interfaces = interfaceSummary(element)
  if (interfaces !== '') lines.push(small(htmlLines(interfaces, 40, 3)))
  if (element.roles.length > 0) {
    const roles = element.roles.map((r) => `${r.name}${r.privileged ? ' (privileged)' : ''}`)
    lines.push(small(htmlLines(`roles: ${roles.join(', ')}`, 40, 2)))
  }
  const controls = element.controls.flatMap((id) => tags.get(id) ?? [])
  if (controls.length > 0) {
    lines.push(small(htmlLines(`controls ${controls.join(' ')}`, 40, 2), COLORS.control))
  }
  if (badge !== undefined)
    lines.push(font(`<B>${escapeDotText(badge)}</B>`, `POINT-SIZE="8" COLOR="${COLORS.highlight}"`))
  return `<${lines.join('<BR/>')}>`
}

const ENCRYPTION_WORDS: Readonly<Record<FlowSecurity['encryption'], string>> = {
  none: 'no encryption',
  tls: 'TLS',
  dtls: 'DTLS',
  'ble-link-layer': 'BLE link encryption',
  'wifi-link-layer': 'Wi-Fi link encryption',
  ipsec: 'IPsec',
  vpn: 'VPN',
  'application-layer': 'app-layer encryption',
  proprietary: 'proprietary encryption',
}
const AUTHENTICATION_WORDS: Readonly<Record<FlowSecurity['authentication'], string>> = {
  none: 'no auth',
  source: 'source auth',
  destination: 'server auth',
  mutual: 'mutual',
}
const INTEGRITY_WORDS: Readonly<Record<FlowSecurity['integrity'], string>> = {
  none: 'no integrity',
  crc: 'CRC only',
  mac: 'MAC',
  signature: 'signed',
  'authenticated-encryption': 'AEAD',
}

/** "TLS 1.3 · mutual auth · AEAD", each property red where the flow lacks it. */
const securityLine = (flow: ViewFlow): string => {
  const s: FlowSecurity = flow.security
  const weak = new Set(flow.weaknesses)
  const term = (text: string, isWeak: boolean): string =>
    isWeak ? font(`<B>${escapeDotText(text)}</B>`, `COLOR="${COLORS.weak}"`) : escapeDotText(text)
  const encryption = `${ENCRYPTION_WORDS[s.encryption]}${s.encryptionVersion === undefined ? '' : ` ${s.encryptionVersion}`}`
  const credentials =
    s.credentials !== undefined && weak.has('weak-credentials') ? ` (${s.credentials} secret)` : ''
  const terms = [
    term(encryption, weak.has('no-encryption')),
    term(
      `${AUTHENTICATION_WORDS[s.authentication]}${credentials}`,
      weak.has('no-authentication') || weak.has('weak-credentials'),
    ),
    term(INTEGRITY_WORDS[s.integrity], weak.has('no-integrity') || weak.has('crc-only')),
  ]
  if (weak.has('no-replay-protection')) terms.push(term('no anti-replay', true))
  return terms.join(' · ')
}

const flowBlock = (flow: ViewFlow, partial: boolean, name: (id: string) => string): string => {
  const releases = flow.releases.length === 0 ? '' : ` [${flow.releases.join(', ')}]`
  const title = `${flow.name}${releases}${partial && flow.bidirectional ? ' ⇄' : ''}`
  const lines = [
    `<B>${htmlLines(title, 34, 3)}</B>`,
    htmlLines(`${flow.protocol} — ${flow.payload.join(', ')}`, 36, 3),
  ]
  if (flow.intermediaries.length > 0) {
    lines.push(small(htmlLines(`via ${flow.intermediaries.map(name).join(', ')}`, 44, 2)))
  }
  return [...lines, securityLine(flow)].join('<BR/>')
}

/** Flows with the same ends, drawn as one labelled path. */
interface FlowGroup {
  readonly id: string
  readonly from: string
  readonly to: string
  readonly flows: readonly ViewFlow[]
}

/** Flows with the same ends share a label: parallel edges with long labels do not lay out well. */
const flowGroups = (flows: readonly ViewFlow[]): FlowGroup[] => {
  const groups = new Map<string, ViewFlow[]>()
  for (const flow of flows) {
    const key = `${flow.from}\u0000${flow.to}`
    groups.set(key, [...(groups.get(key) ?? []), flow])
  }
  return [...groups.values()].flatMap((group) => {
    const first = group[0]
    if (first === undefined) return []
    return [
      {
        id: `flow:${group.map((f) => f.id).join('+')}`,
        from: first.from,
        to: first.to,
        flows: group,
      },
    ]
  })
}

/**
 * A flow's label is a node of its own, the flow drawn as two edges through it: Graphviz never lets
 * nodes overlap, while edge labels of edges in clusters can land on each other.
 */
const flowLabelNode = (group: FlowGroup, name: (id: string) => string): string => {
  const both = group.flows.every((f) => f.bidirectional)
  const rows = group.flows
    .map((f) => `<TR><TD>${flowBlock(f, !both, name)}</TD></TR>`)
    .join('<HR/>')
  const label = `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="1" BGCOLOR="#ffffff" COLOR="#d4d4d8">${rows}</TABLE>`
  return `${dotId(group.id)} [shape=plain, fontsize=8, label=<${label}>]`
}

const flowEdges = (group: FlowGroup, highlighted: ReadonlySet<string>): string[] => {
  const both = group.flows.every((f) => f.bidirectional)
  const weak = group.flows.some((f) => f.weaknesses.length > 0)
  const strong = group.flows.some((f) => highlighted.has(f.id))
  const style = [
    `color="${weak ? COLORS.weak : strong ? COLORS.highlight : COLORS.edge}"`,
    `penwidth=${strong ? '3' : weak ? '1.6' : '1.1'}`,
  ].join(', ')
  const label = dotId(group.id)
  return [
    `  ${dotId(`element:${group.from}`)} -> ${label} [${style}, dir=${both ? 'back' : 'none'}]`,
    `  ${label} -> ${dotId(`element:${group.to}`)} [${style}]`,
  ]
}

const BOUNDARY_KIND_WORDS: Readonly<Record<ViewBoundary['kind'], string>> = {
  'network-zone': 'network zone',
  physical: 'physical',
  device: 'device',
  'execution-environment': 'execution environment',
  cloud: 'cloud',
  organization: 'organization',
}

const boundaryLines = (
  boundary: ViewBoundary,
  depth: number,
  contents: (boundary: ViewBoundary) => string[],
  tags: ReadonlyMap<string, string>,
): string[] => {
  const indent = '  '.repeat(depth + 1)
  const controls = boundary.controls.flatMap((id) => tags.get(id) ?? [])
  const about = `trust boundary · ${BOUNDARY_KIND_WORDS[boundary.kind]}${controls.length === 0 ? '' : ` · controls ${controls.join(' ')}`}`
  const left = '<BR ALIGN="LEFT"/>'
  const label = `<B>${htmlLines(boundary.name, 48, 2, left)}</B>${left}${small(htmlLines(about, 60, 2, left))}${left}`
  return [
    `${indent}subgraph ${dotId(`cluster:${boundary.id}`)} {`,
    `${indent}  label=<${label}>`,
    `${indent}  style="dashed,rounded,filled"`,
    `${indent}  pencolor="${COLORS.boundary}"`,
    `${indent}  labelloc=t`,
    `${indent}  labeljust=l`,
    `${indent}  fillcolor="${depth % 2 === 0 ? '#fbfbfa' : '#ffffff'}"`,
    ...contents(boundary).map((line) => `${indent}  ${line}`),
    ...boundary.boundaries.flatMap((b) => boundaryLines(b, depth + 1, contents, tags)),
    `${indent}}`,
  ]
}

const controlsTable = (view: ArchitectureView, tags: ReadonlyMap<string, string>): string => {
  const boundaries = (list: readonly ViewBoundary[]): (readonly [string, string])[] =>
    list.flatMap((b) => [[b.id, b.name] as const, ...boundaries(b.boundaries)])
  const names = new Map<string, string>([
    ...view.elements.map((e) => [e.id, e.name] as const),
    ...view.flows.map((f) => [f.id, f.name] as const),
    ...boundaries(view.boundaries),
  ])
  const header = `<TR><TD ALIGN="LEFT"><B>control</B></TD><TD ALIGN="LEFT"><B>name</B></TD><TD ALIGN="LEFT"><B>category</B></TD><TD ALIGN="LEFT"><B>status</B></TD><TD ALIGN="LEFT"><B>applies to</B></TD></TR>`
  const rows = view.controls.map((control) => {
    const targets = control.appliesTo.map((id) => names.get(id) ?? id).join('; ')
    const cells = [
      tags.get(control.id) ?? '',
      htmlLines(control.name, 40),
      escapeDotText(control.category),
      escapeDotText(control.status),
      htmlLines(targets, 70),
    ]
    return `<TR>${cells.map((c) => `<TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP">${c}</TD>`).join('')}</TR>`
  })
  return `<TABLE BORDER="1" COLOR="#d1d5db" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD COLSPAN="5" ALIGN="LEFT"><B>Trace to security controls</B></TD></TR>${header}${rows.join('')}</TABLE>`
}

/** Legend lines: a coloured glyph and what it means (table swatches would stretch with the text). */
const legendLines = (view: ArchitectureView): string => {
  const entry = (glyph: string, color: string, text: string): string =>
    `${font(glyph, `COLOR="${color}"`)}  ${escapeDotText(text)}`
  const entries = [
    entry('■', COLORS.deviceLine, 'part of the medical device (thick outline)'),
    entry('■', COLORS.manufacturerLine, 'other system of the manufacturer'),
    entry('■', COLORS.otherLine, 'system of the hospital, the patient or a third party'),
    entry(
      '□',
      COLORS.otherLine,
      'person or external entity; cylinder: data store; cut corners: network',
    ),
    entry('┅', COLORS.boundary, 'trust boundary'),
    entry(
      '━',
      COLORS.weak,
      'security property missing on a flow that carries commands, software, configuration, credentials or sensitive data',
    ),
    ...(view.highlights.meaning === ''
      ? []
      : [entry('■', COLORS.highlight, view.highlights.meaning)]),
    entry('⇄', COLORS.text, 'responses flow back on the same path (arrows at both ends)'),
    ...(view.flows.some((f) => f.releases.length > 0)
      ? [entry('[ ]', COLORS.text, '[1.2]: the flow exists only in the releases named')]
      : []),
    ...(view.controls.length === 0
      ? []
      : [
          entry(
            'C1',
            COLORS.control,
            'security controls on the element, listed in the trace table',
          ),
        ]),
  ]
  return font(entries.join('<BR/>'), `POINT-SIZE="9" COLOR="${COLORS.text}"`)
}

/**
 * Title, description and legend in one cell (a nested table would stretch its rows), the trace to
 * controls beside it: above the diagram, where no edge is routed through them.
 */
const headerLabel = (view: ArchitectureView, tags: ReadonlyMap<string, string>): string => {
  const text = [
    font(`<B>${htmlLines(view.title, 110)}</B>`, 'POINT-SIZE="16"'),
    font(htmlLines(view.description, 120), `POINT-SIZE="10" COLOR="${COLORS.text}"`),
    legendLines(view),
  ].join('<BR/><BR/>')
  const trace =
    view.controls.length === 0
      ? ''
      : `<TD WIDTH="24"> </TD><TD VALIGN="TOP">${controlsTable(view, tags)}</TD>`
  return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR><TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP">${text}</TD>${trace}</TR></TABLE>>`
}

/** Element id → the boundaries it is drawn in, outermost first. */
const boundaryPaths = (boundaries: readonly ViewBoundary[]): Map<string, string[]> => {
  const paths = new Map<string, string[]>()
  const walk = (boundary: ViewBoundary, above: readonly string[]): void => {
    const path = [...above, boundary.id]
    for (const id of boundary.elements) paths.set(id, path)
    for (const inner of boundary.boundaries) walk(inner, path)
  }
  for (const boundary of boundaries) walk(boundary, [])
  return paths
}

/** The innermost boundary holding both ends of a flow, where its label is drawn. */
const commonBoundary = (a: readonly string[], b: readonly string[]): string | undefined => {
  let common: string | undefined
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i += 1) common = a[i]
  return common
}

/**
 * The view as a Graphviz digraph: trust boundaries as nested dashed clusters, elements shaped by
 * their data flow diagram role, flows as labelled paths. Everything comes out in the view's
 * (sorted) order and every piece of model text goes through `escapeDotText`, so the same view
 * always gives the same DOT and no model text can change its structure.
 */
export const architectureViewDot = (view: ArchitectureView): string => {
  const tags = controlTags(view)
  const highlightedElements = new Set(view.highlights.elements)
  const highlightedFlows = new Set(view.highlights.flows)
  const node = (element: ViewElement): string => {
    const highlighted = highlightedElements.has(element.id)
    const attributes = [
      `label=${elementLabel(element, tags, highlighted ? view.highlights.badge : undefined)}`,
      ...elementStyle(element, highlighted),
    ]
    return `${dotId(`element:${element.id}`)} [${attributes.join(', ')}]`
  }
  const names = new Map(view.elements.map((e) => [e.id, e.name]))
  const name = (id: string): string => names.get(id) ?? id
  const paths = boundaryPaths(view.boundaries)
  const groups = flowGroups(view.flows)
  const inside = (boundary: string | undefined): string[] => [
    ...view.elements.filter((e) => paths.get(e.id)?.at(-1) === boundary).map(node),
    ...groups
      .filter((g) => commonBoundary(paths.get(g.from) ?? [], paths.get(g.to) ?? []) === boundary)
      .map((group) => flowLabelNode(group, name)),
  ]
  return [
    `digraph ${dotId(view.id)} {`,
    `  graph [rankdir=LR, splines=true, nodesep=0.25, ranksep=0.45, pad=0.3, fontname="${LAYOUT_FONT}", fontsize=10, fontcolor="${COLORS.text}", color="${COLORS.boundary}", labelloc=t, labeljust=l, label=${headerLabel(view, tags)}]`,
    `  node [fontname="${LAYOUT_FONT}", fontsize=10, fontcolor="${COLORS.text}", margin="0.12,0.06"]`,
    `  edge [arrowsize=0.7]`,
    ...view.boundaries.flatMap((b) => boundaryLines(b, 0, (inner) => inside(inner.id), tags)),
    ...inside(undefined).map((line) => `  ${line}`),
    ...groups.flatMap((group) => flowEdges(group, highlightedFlows)),
    '}',
    '',
  ].join('\n')
}
