import { LIST_SECTIONS, type DeviceModel, type ListSection } from './model-document-schema.js'

/**
 * Every list section but people's decisions: those are keyed by the threat or finding they are
 * about, and a changed decision is not a design change. Items are keyed by id (releases by
 * version).
 */
type DiffSection = Exclude<ListSection, 'threatAssessments' | 'findingAssessments' | 'mds2Answers'>
const DIFF_SECTIONS = LIST_SECTIONS.filter(
  (section): section is DiffSection =>
    section !== 'threatAssessments' &&
    section !== 'findingAssessments' &&
    section !== 'mds2Answers',
)

export interface FieldChange {
  /** Dotted path inside the item, e.g. `authentication.type`. */
  readonly field: string
  readonly before: unknown
  readonly after: unknown
}

export interface ItemChange {
  readonly id: string
  readonly changes: readonly FieldChange[]
}

export interface SectionDiff {
  readonly section: DiffSection
  readonly added: readonly string[]
  readonly removed: readonly string[]
  readonly changed: readonly ItemChange[]
}

export interface ModelDiff {
  readonly sections: readonly SectionDiff[]
  /** Product-level fields that changed (intended use, markets, ...). */
  readonly product: readonly FieldChange[]
  /**
   * Why the change is likely to matter for cybersecurity, in FDA's terms for modifications:
   * new connectivity, changed authentication or cryptography, changed update mechanism, weaker
   * controls, more sensitive data. Empty when nothing suggests it.
   */
  readonly significance: readonly string[]
}

const keyOf = (section: DiffSection, item: unknown): string =>
  section === 'releases' ? (item as { version: string }).version : (item as { id: string }).id

/** Lists of plain values compare as sets: reordering `elements: [a, b]` is no change. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) {
    const items = value.map(canonical)
    return items.every((item) => typeof item !== 'object' || item === null)
      ? [...items].sort((a, b) => String(a).localeCompare(String(b)))
      : items
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    )
  }
  return value
}

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

/** Field-level changes, descending one level into objects such as `authentication`. */
export const fieldChanges = (before: unknown, after: unknown, prefix = ''): FieldChange[] => {
  const a = (before ?? {}) as Record<string, unknown>
  const b = (after ?? {}) as Record<string, unknown>
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  return fields.flatMap((field) => {
    const x = a[field]
    const y = b[field]
    if (same(x, y)) return []
    const isObject = (v: unknown): boolean =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
    if (prefix === '' && isObject(x) && isObject(y)) return fieldChanges(x, y, `${field}.`)
    return [{ field: `${prefix}${field}`, before: x, after: y }]
  })
}

const diffSection = (
  section: DiffSection,
  before: DeviceModel,
  after: DeviceModel,
): SectionDiff => {
  const old = new Map(
    (before[section] as readonly unknown[]).map((item) => [keyOf(section, item), item]),
  )
  const now = new Map(
    (after[section] as readonly unknown[]).map((item) => [keyOf(section, item), item]),
  )
  const sorted = (ids: Iterable<string>): string[] => [...ids].sort()
  return {
    section,
    added: sorted([...now.keys()].filter((id) => !old.has(id))),
    removed: sorted([...old.keys()].filter((id) => !now.has(id))),
    changed: sorted([...now.keys()].filter((id) => old.has(id)))
      .map((id) => ({ id, changes: fieldChanges(old.get(id), now.get(id)) }))
      .filter((change) => change.changes.length > 0),
  }
}

const PROTECTION_FIELDS = /^(authentication|encryption|integrity|replayProtection)/
const CONTROL_STRENGTH = ['planned', 'implemented', 'verified']
const NEED = ['none', 'low', 'high']

type SignificanceCheck = (
  bySection: ReadonlyMap<DiffSection, SectionDiff>,
  before: DeviceModel,
  after: DeviceModel,
) => string[]

const newConnectivity: SignificanceCheck = (bySection, _before, after) => {
  const interfaces = bySection.get('interfaces')
  const added = after.interfaces
    .filter((i) => interfaces?.added.includes(i.id) === true && i.status !== 'disabled')
    .map((i) => `new connectivity: interface '${i.id}' (${i.type}, ${i.status})`)
  const enabled = (interfaces?.changed ?? []).flatMap((change) => {
    const status = change.changes.find((c) => c.field === 'status')
    return status?.before === 'disabled'
      ? [`new connectivity: interface '${change.id}' is now ${String(status.after)}`]
      : []
  })
  return [...added, ...enabled]
}

const changedPaths: SignificanceCheck = (bySection) => {
  const flows = bySection.get('dataFlows')
  return [
    ...(flows?.added ?? []).map((id) => `new communication path: data flow '${id}'`),
    ...(flows?.changed ?? []).flatMap((change) => {
      const protection = change.changes
        .filter((c) => PROTECTION_FIELDS.test(c.field))
        .map((c) => c.field)
      return protection.length > 0
        ? [
            `authentication or cryptography changed on data flow '${change.id}': ${protection.join(', ')}`,
          ]
        : []
    }),
  ]
}

const softwarePaths = (model: DeviceModel): Set<string> =>
  new Set(
    model.dataFlows
      .filter((f) => f.payload.includes('software'))
      .map((f) => JSON.stringify(canonical(f))),
  )

const changedUpdateMechanism: SignificanceCheck = (_bySection, before, after) => {
  const old = softwarePaths(before)
  const now = softwarePaths(after)
  return old.size !== now.size || [...now].some((f) => !old.has(f))
    ? [
        'the software update mechanism changed (a data flow carrying software was added, removed or changed)',
      ]
    : []
}

const weakerControls: SignificanceCheck = (bySection) => {
  const controls = bySection.get('controls')
  return [
    ...(controls?.removed ?? []).map((id) => `security control removed: '${id}'`),
    ...(controls?.changed ?? []).flatMap((change) => {
      const status = change.changes.find((c) => c.field === 'status')
      return status !== undefined &&
        CONTROL_STRENGTH.indexOf(String(status.after)) <
          CONTROL_STRENGTH.indexOf(String(status.before))
        ? [`security control weakened: '${change.id}' is now ${String(status.after)}`]
        : []
    }),
  ]
}

const moreSensitiveData: SignificanceCheck = (bySection) =>
  (bySection.get('assets')?.changed ?? []).flatMap((change) => {
    const raised = change.changes.some(
      (c) =>
        c.field.startsWith('security.') &&
        NEED.indexOf(String(c.after)) > NEED.indexOf(String(c.before)),
    )
    return raised || change.changes.some((c) => c.field === 'category')
      ? [`data sensitivity changed: asset '${change.id}'`]
      : []
  })

const SIGNIFICANCE_CHECKS: readonly SignificanceCheck[] = [
  newConnectivity,
  changedPaths,
  changedUpdateMechanism,
  weakerControls,
  moreSensitiveData,
]

const significance = (
  diff: readonly SectionDiff[],
  before: DeviceModel,
  after: DeviceModel,
): string[] => {
  const bySection = new Map(diff.map((d) => [d.section, d]))
  return SIGNIFICANCE_CHECKS.flatMap((check) => check(bySection, before, after))
}

/** What changed between two revisions of a model, and whether it looks significant for security. */
export const diffModels = (before: DeviceModel, after: DeviceModel): ModelDiff => {
  const sections = DIFF_SECTIONS.map((section) => diffSection(section, before, after))
  return {
    sections: sections.filter((s) => s.added.length + s.removed.length + s.changed.length > 0),
    product: fieldChanges(before.product, after.product),
    significance: significance(sections, before, after),
  }
}
