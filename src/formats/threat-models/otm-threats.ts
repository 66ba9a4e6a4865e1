import type { Control, DocumentPath, ThreatAssessment, ThreatScenario } from '../../core/index.js'
import { dropFields } from './drop-fields.js'
import { isMedcyberId, preferredId, type IdAllocator } from './id-allocator.js'
import {
  capabilitiesOf,
  compensatingTypeOf,
  controlCategoryOf,
  controlKindOf,
  controlStatusOf,
  medcyberAttributes,
  MEDCYBER_ATTRIBUTE,
  positiveIntegersOf,
} from './otm-attributes.js'
import { limitText, oneLine, plainText } from './plain-text.js'
import {
  compareText,
  fieldOf,
  listOf,
  recordsOf,
  sortedUnique,
  textOf,
  textsOf,
} from './source-data.js'
import { mapToStride, PLACEHOLDER_STRIDE } from './stride.js'
import type { ImportNotes } from './threat-model-import.js'
import { mapThreatStatus, mostCautious, type ThreatStatus } from './threat-status.js'

/** A threat applied to a component or data flow: OTM's threat instance. */
export interface ThreatInstance {
  readonly threat: string
  readonly state: string | undefined
  readonly mitigations: readonly {
    readonly mitigation: string
    readonly state: string | undefined
  }[]
  /** The id the component or flow was given. */
  readonly target: string
  readonly path: DocumentPath
}

/** The threat instances of a component or data flow. */
export const instancesOf = (
  item: Readonly<Record<string, unknown>>,
  target: string,
  path: DocumentPath,
): ThreatInstance[] =>
  recordsOf(item['threats']).flatMap((instance, i) => {
    const threat = textOf(instance['threat'])
    if (threat === undefined) return []
    return [
      {
        threat,
        state: textOf(instance['state']),
        mitigations: recordsOf(instance['mitigations']).flatMap((mitigation) => {
          const id = textOf(mitigation['mitigation'])
          return id === undefined ? [] : [{ mitigation: id, state: textOf(mitigation['state']) }]
        }),
        target,
        path: [...path, 'threats', i],
      },
    ]
  })

export interface OtmSecurity {
  readonly threats: ThreatScenario[]
  readonly controls: Control[]
  readonly assessments: ThreatAssessment[]
}

interface Shared {
  readonly notes: ImportNotes
  readonly ids: IdAllocator
  readonly instances: readonly ThreatInstance[]
  readonly keepIds: boolean
}

const baseId = (sourceId: string, name: string, kind: string, shared: Shared): string =>
  shared.keepIds && isMedcyberId(sourceId) ? sourceId : preferredId(sourceId, name, kind)

/**
 * OTM's threat library and mitigation library become threats and controls, aimed at the
 * components and flows whose instances name them; each threat's instance states become one
 * assessment, the most cautious state winning when they differ.
 */
export const convertOtmSecurity = (
  model: Readonly<Record<string, unknown>>,
  options: { readonly notes: ImportNotes; readonly ids: IdAllocator; readonly keepIds: boolean },
  instances: readonly ThreatInstance[],
): OtmSecurity => {
  const { notes, ids } = options
  const shared: Shared = { notes, ids, instances, keepIds: options.keepIds }
  const threatIds = new Map<string, string>()
  const controlIds = new Map<string, string>()
  const threats = recordsOf(model['threats']).flatMap((threat, i) => {
    const made = toThreat(threat, ['threats', i], shared)
    if (made === undefined) return []
    threatIds.set(textOf(threat['id']) ?? '', made.id)
    return [made]
  })
  const mitigations = recordsOf(model['mitigations'])
  mitigations.forEach((mitigation) => {
    const sourceId = textOf(mitigation['id'])
    const name = oneLine(textOf(mitigation['name']) ?? '') || 'Unnamed mitigation'
    if (sourceId === undefined || controlIds.has(sourceId)) return
    controlIds.set(
      sourceId,
      ids.allocate(baseId(sourceId, name, 'control', shared), `mitigation '${name}'`),
    )
  })
  const controls = mitigations.flatMap((mitigation, i) =>
    toControl(mitigation, ['mitigations', i], threatIds, controlIds, shared),
  )
  for (const instance of instances) {
    if (!threatIds.has(instance.threat)) {
      notes.drop(
        instance.path,
        `instance of threat '${instance.threat}', which the threat list does not define`,
      )
    }
  }
  const assessments = threats.flatMap((threat) =>
    toAssessment(threat, threatIds, controlIds, shared),
  )
  return { threats, controls, assessments }
}

const THREAT_KEPT = ['id', 'name', 'description', 'categories', 'cwes', 'attributes']

const toThreat = (
  threat: Readonly<Record<string, unknown>>,
  path: DocumentPath,
  shared: Shared,
): ThreatScenario | undefined => {
  const sourceId = textOf(threat['id'])
  if (sourceId === undefined) return undefined
  const title = oneLine(textOf(threat['name']) ?? '') || 'Untitled threat'
  const id = shared.ids.allocate(baseId(sourceId, title, 'threat', shared), `threat '${title}'`)
  const categories = textsOf(threat['categories'])
  const mapped = mapToStride(categories)
  if (mapped.stride.length === 0) {
    shared.notes.review(
      `threat '${id}'`,
      `stride [${PLACEHOLDER_STRIDE}] is a placeholder; ${categories.length === 0 ? 'the threat has no category' : `no STRIDE counterpart for ${categories.map((c) => `'${c}'`).join(', ')}`}`,
    )
  } else if (mapped.approximated.length > 0 || mapped.unmapped.length > 0) {
    shared.notes.review(
      `threat '${id}'`,
      [
        mapped.approximated.length > 0
          ? `STRIDE mapped from ${mapped.approximated.join(', ')}`
          : undefined,
        mapped.unmapped.length > 0
          ? `categories without STRIDE counterpart: ${mapped.unmapped.join(', ')}`
          : undefined,
      ]
        .filter((part) => part !== undefined)
        .join('; '),
    )
  }
  const cwe = [
    ...new Set(
      textsOf(threat['cwes']).flatMap((text) => {
        const number = Number(/^(?:CWE-)?(\d+)$/i.exec(text)?.[1])
        return Number.isInteger(number) && number > 0 ? [number] : []
      }),
    ),
  ].sort((a, b) => a - b)
  const capec = positiveIntegersOf(medcyberAttributes(threat)['capec'])
  dropFields(shared.notes, path, threat, THREAT_KEPT)
  dropOtherAttributes(shared.notes, path, threat)
  const description = textOf(threat['description'])
  const targets = sortedUnique(
    shared.instances.filter((instance) => instance.threat === sourceId).map((i) => i.target),
  )
  return {
    id,
    title: limitText(title, 300),
    ...(description === undefined
      ? {}
      : { description: limitText(plainText(description), 20_000) }),
    stride: mapped.stride.length === 0 ? [PLACEHOLDER_STRIDE] : mapped.stride,
    elements: targets,
    ...(capec === undefined ? {} : { capec }),
    ...(cwe.length === 0 ? {} : { cwe }),
  }
}

/** Attributes other than medcyber's own, which no medcyber field holds. */
export const dropOtherAttributes = (
  notes: ImportNotes,
  path: DocumentPath,
  item: Readonly<Record<string, unknown>>,
): void => {
  const attributes = item['attributes']
  if (attributes === null || typeof attributes !== 'object') return
  const others = Object.keys(attributes).filter((key) => key !== MEDCYBER_ATTRIBUTE)
  if (others.length > 0) notes.drop([...path, 'attributes'], `attributes ${others.join(', ')}`)
}

/** FDA's eight control categories by the words a mitigation is likely to use, in order. */
const CATEGORY_WORDS: readonly [RegExp, Control['category']][] = [
  [/update|patch|upgrade/i, 'updatability-patchability'],
  [/authenticat|password|credential|multi-factor|\bmfa\b|login|sign[- ]in/i, 'authentication'],
  [/encrypt|\btls\b|\bssl\b|https|crypt|cipher|certificate|\bkeys?\b/i, 'cryptography'],
  [/authori[sz]|access control|permission|privilege|\brole|firewall|restrict/i, 'authorization'],
  [/\blog|audit|monitor|detect|alert/i, 'event-detection-logging'],
  [/backup|restore|redundan|failover|rate.limit|throttl|resilien|availab/i, 'resiliency-recovery'],
  [
    /validat|saniti[sz]|integrity|signature|signed|hash|checksum|escap/i,
    'code-data-execution-integrity',
  ],
  [/confidential|mask|redact|anonymi|pseudonymi/i, 'confidentiality'],
]

const categoryOf = (text: string): Control['category'] | undefined =>
  CATEGORY_WORDS.find(([pattern]) => pattern.test(text))?.[1]

const CONTROL_KEPT = ['id', 'name', 'description', 'attributes']

/**
 * Category, kind and status of a control: as a medcyber export wrote them, or else the category
 * from the mitigation's wording, kind design, and implemented only where every use says so.
 */
const classify = (
  attributes: Readonly<Record<string, unknown>>,
  wording: string,
  uses: readonly { readonly state: string | undefined }[],
): {
  control: Pick<Control, 'category' | 'kind' | 'status' | 'capabilities' | 'compensatingType'>
  review?: string
} => {
  const written = controlCategoryOf(attributes['category'])
  const inferred = written ?? categoryOf(wording)
  const category = inferred ?? 'code-data-execution-integrity'
  const implemented = uses.length > 0 && uses.every((use) => /^implemented$/i.test(use.state ?? ''))
  const status = controlStatusOf(attributes['status']) ?? (implemented ? 'implemented' : 'planned')
  const capabilities = capabilitiesOf(attributes['capabilities'])
  const compensatingType = compensatingTypeOf(attributes['compensatingType'])
  const control = {
    category,
    kind: controlKindOf(attributes['kind']) ?? 'design',
    status,
    ...(capabilities === undefined ? {} : { capabilities }),
    ...(compensatingType === undefined ? {} : { compensatingType }),
  }
  if (written !== undefined) return { control }
  const states = uses.map((use) => use.state ?? 'none').join(', ') || 'none'
  const how =
    inferred === undefined
      ? `category '${category}' is a placeholder`
      : `category '${category}' inferred from its wording`
  return {
    control,
    review: `${how}; kind 'design' is a placeholder; status '${status}' from the mitigation states (${states})`,
  }
}

const toControl = (
  mitigation: Readonly<Record<string, unknown>>,
  path: DocumentPath,
  threatIds: ReadonlyMap<string, string>,
  controlIds: ReadonlyMap<string, string>,
  shared: Shared,
): Control[] => {
  const sourceId = textOf(mitigation['id'])
  const id = sourceId === undefined ? undefined : controlIds.get(sourceId)
  if (sourceId === undefined || id === undefined) return []
  const name = oneLine(textOf(mitigation['name']) ?? '') || 'Unnamed mitigation'
  const description = textOf(mitigation['description'])
  const uses = shared.instances.flatMap((instance) =>
    instance.mitigations
      .filter((m) => m.mitigation === sourceId)
      .map((m) => ({ instance, state: m.state })),
  )
  const facts = classify(medcyberAttributes(mitigation), `${name} ${description ?? ''}`, uses)
  if (facts.review !== undefined) shared.notes.review(`control '${id}'`, facts.review)
  const mitigates = sortedUnique(uses.flatMap((use) => threatIds.get(use.instance.threat) ?? []))
  const elements = sortedUnique(uses.map((use) => use.instance.target))
  dropFields(shared.notes, path, mitigation, CONTROL_KEPT)
  dropOtherAttributes(shared.notes, path, mitigation)
  return [
    {
      id,
      name: limitText(name, 300),
      ...(description === undefined
        ? {}
        : { description: limitText(plainText(description), 20_000) }),
      ...facts.control,
      ...(elements.length === 0 ? {} : { elements }),
      ...(mitigates.length === 0 ? {} : { mitigates }),
    },
  ]
}

const toAssessment = (
  threat: ThreatScenario,
  threatIds: ReadonlyMap<string, string>,
  controlIds: ReadonlyMap<string, string>,
  shared: Shared,
): ThreatAssessment[] => {
  const sourceId = [...threatIds].find(([, id]) => id === threat.id)?.[0]
  const instances = shared.instances.filter((instance) => instance.threat === sourceId)
  if (instances.length === 0) return []
  const statuses: ThreatStatus[] = instances.map(
    (instance) => mapThreatStatus(instance.state).status,
  )
  const status = mostCautious(statuses)
  const states = [
    ...new Set(instances.map((instance) => `'${instance.state ?? 'none'}' on ${instance.target}`)),
  ]
  const inexact = instances.filter((instance) => !mapThreatStatus(instance.state).exact)
  if (new Set(statuses).size > 1 || inexact.length > 0) {
    shared.notes.review(
      `threat assessment of '${threat.id}'`,
      `status '${status}' from the OTM states ${states.join(', ')}${new Set(statuses).size > 1 ? '; the most cautious state wins' : ''}`,
    )
  }
  const controls = sortedUnique(
    instances.flatMap((instance) =>
      instance.mitigations.flatMap((m) => controlIds.get(m.mitigation) ?? []),
    ),
  )
  return [
    {
      threat: threat.id,
      status,
      rationale: limitText(
        `OTM threat state ${states.sort(compareText).join(', ')}` +
          (controls.length === 0 ? '.' : `; mitigations: ${controls.join(', ')}.`),
        20_000,
      ),
      ...(controls.length === 0 ? {} : { controls }),
    },
  ]
}

/** Used by the import to note layout it does not keep. */
export const hasRepresentations = (item: unknown): boolean =>
  listOf(fieldOf(item, 'representations')).length > 0
