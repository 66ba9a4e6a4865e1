import { COMPENSATING_CONTROL_CATALOGUE } from '../../controls/index.js'
import {
  link,
  needsInput,
  note,
  paragraph,
  section,
  tableBlock,
  type Block,
  type DocumentSection,
  type DocumentTree,
} from '../../documents/index.js'
import type { ReleaseSupportStatus } from '../../lifecycle/index.js'
import type { Component, Control, DeviceModel, Release } from '../../model/index.js'
import { evaluateRiskRegister, type RiskRegister } from '../../risk-register/index.js'
import type { DeliverablePart } from '../deliverable.js'
import { documentFrame } from '../document-frame.js'
import type { ReportContext } from '../report-context.js'
import { LIFECYCLE_TEXT, type LifecycleText } from './lifecycle-text.js'
import { recipientsSection } from './recipients.js'

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** File-name-safe release version for the notice ids. */
const slug = (version: string): string => version.replace(/[^A-Za-z0-9.-]+/g, '-')

const OS_KINDS: ReadonlySet<string> = new Set(['operating-system', 'rtos'])
const OPEN_FINDING_STATUSES: ReadonlySet<string> = new Set(['affected', 'under_investigation'])

export interface ReleaseFacts {
  readonly release: Release
  readonly status: ReleaseSupportStatus
  readonly components: readonly Component[]
  readonly compensating: readonly Control[]
  readonly upgrades: readonly string[]
}

const inRelease = (releases: readonly string[] | undefined, version: string): boolean =>
  releases === undefined || releases.includes(version)

export const factsOf = (
  model: DeviceModel,
  release: Release,
  status: ReleaseSupportStatus,
  all: readonly ReleaseSupportStatus[],
): ReleaseFacts => {
  const byId = new Map(model.components.map((component) => [component.id, component]))
  const components = (
    release.components === undefined
      ? [...model.components]
      : release.components.flatMap((id) => byId.get(id) ?? [])
  ).sort((a, b) => compareText(a.id, b.id))
  const compensating = model.controls
    .filter(
      (control) => control.kind === 'compensating' && inRelease(control.releases, release.version),
    )
    .sort((a, b) => compareText(a.id, b.id))
  // A later release still in support is the upgrade path the model itself shows.
  const dates = new Map(model.releases.map((item) => [item.version, item.date]))
  const upgrades = all
    .filter((other) => other.phase === 'support' && (dates.get(other.version) ?? '') > release.date)
    .map((other) => other.version)
  return { release, status, components, compensating, upgrades }
}

const productLine = (model: DeviceModel): string =>
  `${model.product.name} (${model.product.modelNumbers.join(', ')})`

const phaseName = (status: ReleaseSupportStatus, text: LifecycleText): string =>
  status.phaseSource === 'declared' && status.phase !== status.phaseFromMilestones
    ? text.declaredPhase(text.phases[status.phase], text.phases[status.phaseFromMilestones])
    : text.phases[status.phase]

export const deviceSection = (
  model: DeviceModel,
  facts: ReleaseFacts,
  serviceChange: string | undefined,
  maintenance: string,
  text: LifecycleText,
): DocumentSection => {
  const f = text.fields
  const os = facts.components
    .filter((c) => OS_KINDS.has(c.kind))
    .map((c) => `${c.name} ${c.version}`)
  const udi = model.product.udiDi ?? []
  const rows = [
    {
      field: f.device,
      value: `${productLine(model)}${udi.length === 0 ? '' : `; UDI-DI ${udi.join(', ')}`}`,
    },
    { field: f.os, value: os.length === 0 ? text.common.notApplicable : os.join(', ') },
    { field: f.version, value: `${facts.release.version} (${facts.release.date})` },
    {
      field: f.components,
      value: text.sbomCount((facts.release.sboms ?? []).join(', '), facts.components.length),
    },
    { field: f.serviceChange, value: serviceChange ?? text.common.needsInput },
    { field: f.maintenance, value: maintenance },
    {
      field: f.compensating,
      value:
        facts.compensating.length === 0
          ? text.common.notApplicable
          : facts.compensating.map((c) => c.name).join('; '),
    },
  ]
  return section('device', text.deviceTitle, [
    tableBlock(
      {
        title: text.deviceTitle,
        columns: [
          { key: 'field', title: f.field, type: 'text', width: 30 },
          { key: 'value', title: f.value, type: 'text', width: 70 },
        ],
        rows,
      },
      {
        caption: text.deviceTitle,
        highlights: serviceChange === undefined ? [{ row: 4, column: 'value', tone: 'gap' }] : [],
      },
    ),
  ])
}

export const datesSection = (
  ctx: ReportContext,
  status: ReleaseSupportStatus,
  text: LifecycleText,
): DocumentSection => {
  const blocks: Block[] = [
    status.endOfLife === undefined
      ? needsInput(text.eolMissing)
      : paragraph(text.eolDate(status.endOfLife)),
    status.endOfSupport === undefined
      ? needsInput(text.eosMissing)
      : paragraph(text.eosDate(status.endOfSupport)),
  ]
  if (status.endOfSupportNoticeDue !== undefined) {
    blocks.push(
      status.endOfSupportNoticeDue < ctx.date
        ? note(text.noticeDuePassed(status.endOfSupportNoticeDue))
        : paragraph(text.noticeDue(status.endOfSupportNoticeDue)),
    )
  }
  return section('dates', text.datesTitle, blocks)
}

const compensatingSection = (facts: ReleaseFacts, text: LifecycleText): DocumentSection => {
  const c = text.compensatingColumns
  const specified = new Set(facts.compensating.flatMap((control) => control.compensatingType ?? []))
  const blocks: Block[] = [paragraph(text.compensatingIntro)]
  if (facts.compensating.length === 0) blocks.push(paragraph(text.compensatingNone))
  else {
    blocks.push(
      tableBlock(
        {
          title: text.compensatingTitle,
          columns: [
            { key: 'control', title: c.control, type: 'text', width: 28 },
            { key: 'name', title: c.name, type: 'text', width: 40 },
            { key: 'type', title: c.type, type: 'text', width: 26 },
            { key: 'status', title: c.status, type: 'text', width: 12 },
          ],
          rows: facts.compensating.map((control) => ({
            control: control.id,
            name: control.name,
            type:
              control.compensatingType === undefined
                ? text.typeNotStated
                : text.controlTypeNames[control.compensatingType],
            status: control.status,
          })),
        },
        { caption: text.compensatingTitle },
      ),
    )
  }
  blocks.push(
    tableBlock(
      {
        title: text.catalogueTitle,
        columns: [
          { key: 'type', title: text.catalogueColumns.type, type: 'text', width: 36 },
          {
            key: 'recommended',
            title: text.catalogueColumns.recommended,
            type: 'boolean',
            width: 14,
          },
        ],
        rows: COMPENSATING_CONTROL_CATALOGUE.map((entry) => ({
          type: text.controlTypeNames[entry.id],
          recommended: specified.has(entry.id),
        })),
      },
      { caption: text.catalogueTitle },
    ),
  )
  return section('compensating-controls', text.compensatingTitle, blocks)
}

const unsupportedBlocks = (status: ReleaseSupportStatus, text: LifecycleText): Block[] =>
  status.unsupportedComponents.length === 0
    ? []
    : [
        tableBlock(
          {
            title: text.unsupportedTitle,
            columns: [
              {
                key: 'component',
                title: text.unsupportedColumns.component,
                type: 'text',
                width: 36,
              },
              {
                key: 'endOfSupport',
                title: text.unsupportedColumns.endOfSupport,
                type: 'date',
                width: 14,
              },
            ],
            rows: status.unsupportedComponents.map((item) => ({
              component: item.id,
              endOfSupport: item.endOfSupport,
            })),
          },
          { caption: text.unsupportedTitle },
        ),
      ]

const upgradeSection = (facts: ReleaseFacts, text: LifecycleText): DocumentSection =>
  section('upgrade', text.upgradeTitle, [
    facts.upgrades.length === 0
      ? needsInput(text.upgradeNone)
      : paragraph(text.upgradeTo(facts.upgrades.join(', '))),
  ])

const contactSection = (model: DeviceModel, text: LifecycleText): DocumentSection => {
  const { securityContact, cvdPolicyUrl } = model.product.manufacturer
  const blocks: Block[] = []
  if (securityContact !== undefined) blocks.push(paragraph(text.contactSecurity(securityContact)))
  if (cvdPolicyUrl !== undefined) blocks.push(paragraph(link(text.contactCvd, cvdPolicyUrl)))
  if (blocks.length === 0) blocks.push(needsInput(text.contactNeedsInput))
  return section('contact', text.contactTitle, blocks)
}

export const transferSection = (
  ctx: ReportContext,
  facts: ReleaseFacts,
  register: RiskRegister,
  text: LifecycleText,
): DocumentSection => {
  const { model } = ctx
  const version = facts.release.version
  const s = text.sbomColumns
  const sbom = tableBlock(
    {
      title: text.sbomTitle,
      columns: [
        { key: 'component', title: s.component, type: 'text', width: 28 },
        { key: 'name', title: s.name, type: 'text', width: 28 },
        { key: 'version', title: s.version, type: 'text', width: 14 },
        { key: 'supplier', title: s.supplier, type: 'text', width: 24 },
        { key: 'supportLevel', title: s.supportLevel, type: 'text', width: 20 },
        { key: 'endOfSupport', title: s.endOfSupport, type: 'date', width: 14 },
      ],
      rows: facts.components.map((c) => ({
        component: c.id,
        name: c.name,
        version: c.version,
        supplier: c.supplier ?? null,
        supportLevel: c.supportLevel,
        endOfSupport: c.endOfSupport ?? null,
      })),
    },
    { caption: text.sbomTitle },
  )
  const r = text.residualColumns
  const residual =
    register.entries.length === 0
      ? paragraph(text.residualNone)
      : tableBlock(
          {
            title: text.residualTitle,
            columns: [
              { key: 'risk', title: r.risk, type: 'text', width: 30 },
              { key: 'title', title: r.title, type: 'text', width: 44 },
              { key: 'residual', title: r.residual, type: 'text', width: 24 },
              { key: 'controls', title: r.controls, type: 'text', width: 36 },
            ],
            rows: [...register.entries]
              .sort((a, b) => compareText(a.id, b.id))
              .map((entry) => ({
                risk: entry.id,
                title: entry.title,
                residual: `${entry.residual.acceptability} (${entry.controlStatus})`,
                controls: entry.controls.map((c) => c.id).join(', '),
              })),
          },
          {
            caption: text.residualTitle,
            highlights: [...register.entries]
              .sort((a, b) => compareText(a.id, b.id))
              .flatMap((entry, row) => (entry.acceptable ? [] : [{ row, tone: 'alert' as const }])),
          },
        )
  const scan = version === ctx.release ? ctx.knownVulnerabilities : undefined
  const scanned = scan !== undefined
  const triaged = model.findingAssessments
    .filter((a) => OPEN_FINDING_STATUSES.has(a.status) && inRelease(a.releases, version))
    .map((a) => ({ finding: a.finding, status: a.status, detail: a.detail ?? null }))
  const fromScan = (scan?.findings ?? [])
    .filter((f) => f.status !== 'not_affected' && f.status !== 'fixed')
    .filter((f) => !triaged.some((t) => t.finding === f.id))
    .map((f) => ({ finding: f.id, status: f.status, detail: f.summary ?? null }))
  const open = [...triaged, ...fromScan].sort((a, b) => compareText(a.finding, b.finding))
  const v = text.vulnerabilitiesColumns
  const vulnerabilities: Block[] = [
    open.length === 0
      ? paragraph(text.vulnerabilitiesNone)
      : tableBlock(
          {
            title: text.vulnerabilitiesTitle,
            columns: [
              { key: 'finding', title: v.finding, type: 'text', width: 36 },
              { key: 'status', title: v.status, type: 'text', width: 20 },
              { key: 'detail', title: v.detail, type: 'text', width: 60 },
            ],
            rows: open,
          },
          { caption: text.vulnerabilitiesTitle },
        ),
    ...(scanned ? [] : [note(text.triagedOnly)]),
  ]
  return section(
    'transfer-package',
    text.transferTitle,
    [paragraph(text.transferIntro)],
    [
      section('final-sbom', text.sbomTitle, [sbom, ...unsupportedBlocks(facts.status, text)]),
      section('residual-risks', text.residualTitle, [residual]),
      compensatingSection(facts, text),
      section('known-vulnerabilities', text.vulnerabilitiesTitle, vulnerabilities),
      section('decommissioning', text.decommissioningTitle, [
        paragraph(text.decommissioningAdvice),
        needsInput(text.decommissioningNeedsInput),
        needsInput(text.networkNeedsInput),
      ]),
      upgradeSection(facts, text),
      contactSection(model, text),
    ],
  )
}

const notice = (
  ctx: ReportContext,
  id: string,
  title: string,
  facts: ReleaseFacts,
  sections: readonly DocumentSection[],
): DeliverablePart => {
  const text = LIFECYCLE_TEXT[ctx.language]
  const tree: DocumentTree = {
    id: `${id}-${slug(facts.release.version)}`,
    title,
    subtitle: text.subtitle,
    ...documentFrame(ctx, ctx.language, facts.release.version),
    sections,
  }
  return { kind: 'document', tree }
}

const scheduleTree = (ctx: ReportContext, text: LifecycleText): DocumentTree => {
  const { model } = ctx
  const dates = new Map(model.releases.map((release) => [release.version, release.date]))
  const c = text.scheduleColumns
  const missing = ctx.support.filter(
    (s) => s.endOfLife === undefined && s.endOfSupport === undefined,
  )
  return {
    id: 'lifecycle-notices',
    title: text.scheduleTitle,
    subtitle: text.scheduleSubtitle,
    ...documentFrame(ctx),
    sections: [
      section('schedule', text.scheduleTitle, [
        paragraph(text.scheduleIntro),
        tableBlock(
          {
            title: text.scheduleTable,
            columns: [
              { key: 'version', title: c.version, type: 'text', width: 12 },
              { key: 'released', title: c.released, type: 'date', width: 14 },
              { key: 'phase', title: c.phase, type: 'text', width: 30 },
              { key: 'endOfLife', title: c.endOfLife, type: 'date', width: 14 },
              { key: 'endOfSupport', title: c.endOfSupport, type: 'date', width: 14 },
              { key: 'noticeDue', title: c.noticeDue, type: 'date', width: 14 },
            ],
            rows: ctx.support.map((s) => ({
              version: s.version,
              released: dates.get(s.version) ?? null,
              phase: phaseName(s, text),
              endOfLife: s.endOfLife ?? null,
              endOfSupport: s.endOfSupport ?? null,
              noticeDue: s.endOfSupportNoticeDue ?? null,
            })),
          },
          {
            caption: text.scheduleTable,
            highlights: ctx.support.flatMap((s, row) =>
              s.endOfLife === undefined && s.endOfSupport === undefined
                ? [{ row, tone: 'gap' as const }]
                : [],
            ),
          },
        ),
        ...missing.map((s) => needsInput(text.noMilestones(s.version))),
      ]),
    ],
  }
}

/**
 * IMDRF N70 lifecycle communications for every release with an end-of-life or end-of-support
 * date: the end-of-life notice, the limited-support notice while the release is in that phase,
 * and the end-of-support notice with the transfer package; plus the schedule of all releases,
 * which asks for the dates of releases that have none. Customer documents, in en or ja.
 */
export const buildLifecycleNotices = (ctx: ReportContext): DeliverablePart[] => {
  const { model } = ctx
  const text = LIFECYCLE_TEXT[ctx.language]
  const releases = new Map(model.releases.map((release) => [release.version, release]))
  const parts: DeliverablePart[] = [{ kind: 'document', tree: scheduleTree(ctx, text) }]
  for (const status of ctx.support) {
    const release = releases.get(status.version)
    if (release === undefined) continue
    if (status.endOfLife === undefined && status.endOfSupport === undefined) continue
    const facts = factsOf(model, release, status, ctx.support)
    const register =
      release.version === ctx.release
        ? ctx.register
        : evaluateRiskRegister(model, ctx.threats, ctx.policy, {
            today: ctx.date,
            release: release.version,
          })
    const dates = datesSection(ctx, status, text)
    parts.push(
      notice(ctx, 'end-of-life-notice', text.eolTitle(release.version), facts, [
        deviceSection(model, facts, status.endOfLife, text.eolMaintenance, text),
        dates,
        section('meaning', text.phases['limited-support'], [paragraph(text.eolMeaning)]),
        upgradeSection(facts, text),
        contactSection(model, text),
        recipientsSection(ctx, release.version),
      ]),
    )
    if (status.phase === 'limited-support') {
      parts.push(
        notice(ctx, 'limited-support-notice', text.lsTitle(release.version), facts, [
          deviceSection(model, facts, status.endOfSupport, text.lsMaintenance, text),
          dates,
          section('meaning', text.phases['limited-support'], [
            paragraph(text.lsMeaning),
            ...(release.supportPhaseRationale === undefined
              ? []
              : [note(text.lsDeclared(release.supportPhaseRationale))]),
            note(text.lsPublicNotice),
            ...unsupportedBlocks(status, text),
            needsInput(text.useRestrictions),
          ]),
          compensatingSection(facts, text),
          upgradeSection(facts, text),
          contactSection(model, text),
          recipientsSection(ctx, release.version),
        ]),
      )
    }
    const eosPassed = status.endOfSupport !== undefined && status.endOfSupport <= ctx.date
    parts.push(
      notice(ctx, 'end-of-support-notice', text.eosTitle(release.version), facts, [
        deviceSection(model, facts, status.endOfSupport, text.eosMaintenance, text),
        dates,
        section('meaning', text.phases['end-of-support'], [
          paragraph(text.eosMeaning),
          ...(eosPassed && status.phase !== 'end-of-support'
            ? [note(text.eosPassedButDeclared(text.phases[status.phase]))]
            : []),
          paragraph(text.eosDuties),
        ]),
        transferSection(ctx, facts, register, text),
        recipientsSection(ctx, release.version),
      ]),
    )
  }
  return parts
}
