import type { DocumentPath, ThreatAssessment, ThreatScenario } from '../../core/index.js'
import { dropFields } from './drop-fields.js'
import { slugify } from './id-allocator.js'
import { limitText, oneLine, plainText } from './plain-text.js'
import { compareText, isRecord, listOf, sortedEntries, textOf } from './source-data.js'
import { mapToStride, PLACEHOLDER_STRIDE } from './stride.js'
import { resolve, type ThreagileContext } from './threagile-context.js'
import { mapThreatStatus } from './threat-status.js'

/** A risk category written in the model: Threagile's `custom_risk_categories` (a list, newer)
 * or `individual_risk_categories` (keyed by title, older). */
interface Category {
  readonly id: string
  readonly value: Record<string, unknown>
  readonly path: DocumentPath
}

const categoriesOf = (model: Readonly<Record<string, unknown>>): Category[] => {
  const listed = listOf(model['custom_risk_categories']).flatMap((value, i) =>
    isRecord(value)
      ? [{ id: textOf(value['id']) ?? String(i), value, path: ['custom_risk_categories', i] }]
      : [],
  )
  const keyed = sortedEntries(model['individual_risk_categories']).flatMap(([title, value]) =>
    isRecord(value)
      ? [{ id: textOf(value['id']) ?? title, value, path: ['individual_risk_categories', title] }]
      : [],
  )
  return [...listed, ...keyed].sort((a, b) => compareText(a.id, b.id))
}

const CATEGORY_KEPT = ['id', 'title', 'description', 'stride', 'cwe', 'risks_identified']
const RISK_KEPT = [
  'most_relevant_technical_asset',
  'most_relevant_communication_link',
  'most_relevant_trust_boundary',
  'most_relevant_data_asset',
]

/**
 * Threagile's `createSyntheticId`: the category id and the most relevant technical asset,
 * communication link, trust boundary, shared runtime and data asset, joined by `@`.
 */
const syntheticId = (categoryId: string, risk: Readonly<Record<string, unknown>>): string =>
  [
    categoryId,
    ...[
      'most_relevant_technical_asset',
      'most_relevant_communication_link',
      'most_relevant_trust_boundary',
      'most_relevant_shared_runtime',
      'most_relevant_data_asset',
    ].flatMap((key) => {
      const id = textOf(risk[key])
      return id === undefined ? [] : [id]
    }),
  ].join('@')

/** What the most relevant items of a risk became: the threat's targets. */
const targetsOf = (
  risk: Readonly<Record<string, unknown>>,
  path: DocumentPath,
  context: ThreagileContext,
): string[] => {
  const { maps } = context
  const refs: [string, ReadonlyMap<string, string>, string][] = [
    ['most_relevant_technical_asset', maps.elements, 'technical asset'],
    ['most_relevant_communication_link', maps.flows, 'communication link'],
    ['most_relevant_trust_boundary', maps.boundaries, 'trust boundary'],
    ['most_relevant_data_asset', maps.assets, 'data asset'],
  ]
  return refs.flatMap(([key, map, what]) => {
    const ref = textOf(risk[key])
    return ref === undefined ? [] : resolve(context, map, ref, [...path, key], what)
  })
}

export interface ThreagileRisks {
  readonly threats: ThreatScenario[]
  readonly assessments: ThreatAssessment[]
}

/**
 * Individual risks, which people write into a Threagile model, become hand-written threats. Risk
 * tracking becomes threat assessments where it names one of them; decisions on risks that
 * Threagile's built-in rules generate have nothing to attach to in medcyber and are dropped.
 */
export const convertThreagileRisks = (
  model: Readonly<Record<string, unknown>>,
  context: ThreagileContext,
): ThreagileRisks => {
  const threats: ThreatScenario[] = []
  const bySyntheticId = new Map<string, string>()
  for (const category of categoriesOf(model)) {
    dropFields(context.notes, category.path, category.value, CATEGORY_KEPT)
    for (const [title, risk] of sortedEntries(category.value['risks_identified'])) {
      if (!isRecord(risk)) continue
      const path = [...category.path, 'risks_identified', title]
      const synthetic = syntheticId(category.id, risk)
      const threat = toThreat(category, title, risk, path, context)
      bySyntheticId.set(synthetic, threat.id)
      threats.push(threat)
    }
  }
  return { threats, assessments: convertTracking(model, bySyntheticId, context) }
}

const toThreat = (
  category: Category,
  title: string,
  risk: Readonly<Record<string, unknown>>,
  path: DocumentPath,
  context: ThreagileContext,
): ThreatScenario => {
  const name = oneLine(title) || category.id
  const id = context.ids.allocate(
    slugify(syntheticId(category.id, risk)) || 'risk',
    `individual risk '${name}'`,
  )
  const written = textOf(category.value['stride'])
  const mapped = mapToStride(written === undefined ? [] : [written])
  if (mapped.stride.length === 0) {
    context.notes.review(
      `threat '${id}'`,
      `stride [${PLACEHOLDER_STRIDE}] is a placeholder; the category gives ${written === undefined ? 'none' : `'${written}'`}`,
    )
  }
  const runtime = textOf(risk['most_relevant_shared_runtime'])
  if (runtime !== undefined) {
    context.notes.drop(
      [...path, 'most_relevant_shared_runtime'],
      `shared runtime '${runtime}' (medcyber has no shared runtimes)`,
    )
  }
  dropFields(context.notes, path, risk, [...RISK_KEPT, 'most_relevant_shared_runtime'])
  const cwe = category.value['cwe']
  const description = textOf(category.value['description'])
  return {
    id,
    title: limitText(name, 300),
    ...(description === undefined
      ? {}
      : { description: limitText(plainText(description), 20_000) }),
    stride: mapped.stride.length === 0 ? [PLACEHOLDER_STRIDE] : mapped.stride,
    elements: [...new Set(targetsOf(risk, path, context))].sort(compareText),
    ...(typeof cwe === 'number' && Number.isInteger(cwe) && cwe > 0 ? { cwe: [cwe] } : {}),
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Threagile's wildcard: `*` stands for one `@`-separated part. */
const matcherOf = (pattern: string): RegExp =>
  new RegExp(`^${pattern.split('*').map(escapeRegExp).join('[^@]+')}$`)

const convertTracking = (
  model: Readonly<Record<string, unknown>>,
  bySyntheticId: ReadonlyMap<string, string>,
  context: ThreagileContext,
): ThreatAssessment[] => {
  const assessed = new Set<string>()
  const assessments: ThreatAssessment[] = []
  // Exact ids first, so that they win over wildcards that also match.
  const tracked = sortedEntries(model['risk_tracking']).sort(
    ([a], [b]) => Number(a.includes('*')) - Number(b.includes('*')),
  )
  for (const [pattern, tracking] of tracked) {
    if (!isRecord(tracking)) continue
    const path = ['risk_tracking', pattern]
    const matcher = matcherOf(pattern)
    const threats = [...bySyntheticId]
      .filter(([synthetic]) => matcher.test(synthetic))
      .map(([, id]) => id)
    const status = textOf(tracking['status']) ?? 'unchecked'
    if (threats.length === 0) {
      context.notes.drop(path, `status '${status}': ${unmatchedReason(pattern)}`)
      continue
    }
    for (const threat of threats) {
      if (assessed.has(threat)) {
        context.notes.drop(
          path,
          `status '${status}' for threat '${threat}', already decided by a more specific entry`,
        )
        continue
      }
      assessed.add(threat)
      assessments.push(toAssessment(threat, status, tracking, context))
    }
  }
  return assessments
}

const isCalendarDate = (text: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) &&
  !Number.isNaN(Date.parse(text)) &&
  new Date(text).toISOString().startsWith(text)

const unmatchedReason = (pattern: string): string =>
  pattern.includes('*')
    ? 'matches no individual risk written in the model; risks of Threagile rules are not imported'
    : `names a risk of Threagile's rule '${pattern.split('@')[0] ?? pattern}', which medcyber does not generate, so the decision has no threat to attach to`

const toAssessment = (
  threat: string,
  status: string,
  tracking: Readonly<Record<string, unknown>>,
  context: ThreagileContext,
): ThreatAssessment => {
  const mapped = mapThreatStatus(status)
  if (!mapped.exact) {
    context.notes.review(
      `threat assessment of '${threat}'`,
      `status '${mapped.status}' for Threagile status '${status}'`,
    )
  }
  const ticket = textOf(tracking['ticket'])
  const justification = textOf(tracking['justification'])
  const rationale =
    (justification === undefined
      ? `Threagile risk tracking status '${status}'.`
      : plainText(justification)) + (ticket === undefined ? '' : ` (ticket ${ticket})`)
  const checkedBy = textOf(tracking['checked_by'])
  const date = textOf(tracking['date'])?.slice(0, 10)
  return {
    threat,
    status: mapped.status,
    rationale: limitText(rationale, 20_000),
    ...(checkedBy === undefined ? {} : { assessedBy: limitText(checkedBy, 300) }),
    ...(date !== undefined && isCalendarDate(date) ? { date } : {}),
  }
}
