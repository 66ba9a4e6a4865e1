import type {
  Asset,
  Control,
  DataFlow,
  DeviceModel,
  Element,
  SecurityNeed,
  ThreatAssessment,
  ThreatScenario,
  TrustBoundary,
} from '../../core/index.js'
import { MEDCYBER_ATTRIBUTE } from './otm-attributes.js'
import { compareText } from './source-data.js'
import type { ThreatModelExport } from './threat-model-import.js'

/** The OTM version the export writes: the schema Threat Dragon ships. */
const OTM_VERSION = '0.2.0'

type Json = Readonly<Record<string, unknown>>

const byId = <T extends { readonly id: string }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => compareText(a.id, b.id))

const medcyber = (facts: Json): Json => ({ [MEDCYBER_ATTRIBUTE]: facts })

const RATING: Readonly<Record<SecurityNeed, number>> = { none: 0, low: 50, high: 100 }

const CATEGORY_NAMES: Readonly<Record<ThreatScenario['stride'][number], string>> = {
  spoofing: 'Spoofing',
  tampering: 'Tampering',
  repudiation: 'Repudiation',
  'information-disclosure': 'Information Disclosure',
  'denial-of-service': 'Denial of Service',
  'elevation-of-privilege': 'Elevation of Privilege',
}

/** Placeholders for values OTM requires and medcyber does not have. */
const TRUST_RATING = 0
const THREAT_IMPACT = 100
const RISK_REDUCTION = 0

interface Notes {
  readonly dropped: string[]
  readonly review: string[]
}

/**
 * Exports a validated medcyber model as Open Threat Model (OTM 0.2.0) JSON: trust boundaries
 * become trust zones, elements components, data flows dataflows, assets assets, hand-written
 * threats threats (with an instance on each component and flow they target, stating the
 * assessed status) and controls mitigations. Facts OTM has no field for but a medcyber import
 * needs (element kind and owner, flow protection, asset category, control category) travel in
 * `attributes.medcyber`; everything else is listed in `dropped`. Every list is sorted by id, so
 * the same model always gives the same file.
 */
export const exportOtm = (model: DeviceModel): ThreatModelExport => {
  const notes: Notes = { dropped: [], review: [] }
  const zones = zonesOf(model, notes)
  const instances = threatInstances(model, notes)
  const document = {
    otmVersion: OTM_VERSION,
    project: {
      name: model.product.name,
      id: model.product.id,
      description: model.product.intendedUse,
      owner: model.product.manufacturer.name,
      attributes: medcyber({ format: 'medcyber/v1' }),
    },
    trustZones: zones.trustZones,
    components: byId(model.elements).map((element) =>
      toComponent(element, model, zones.zoneOf(element.id), instances.get(element.id)),
    ),
    dataflows: byId(model.dataFlows).map((flow) => toDataflow(flow, instances.get(flow.id), notes)),
    assets: byId(model.assets).map(toAsset),
    threats: byId(model.threats).map(toThreat),
    mitigations: byId(model.controls).map((control) => toMitigation(control, notes)),
  }
  if (model.threats.length > 0) {
    notes.review.push(
      `threats: OTM requires risk.impact, which medcyber threats do not have; set to ${String(THREAT_IMPACT)} (the highest) with likelihood null`,
    )
  }
  if (model.controls.length > 0) {
    notes.review.push(
      `mitigations: OTM requires riskReduction, which medcyber controls do not have; set to ${String(RISK_REDUCTION)}`,
    )
  }
  if (model.trustBoundaries.length > 0 || zones.synthetic) {
    notes.review.push(
      `trustZones: OTM requires risk.trustRating, which medcyber trust boundaries do not have; set to ${String(TRUST_RATING)} (untrusted)`,
    )
  }
  dropModelFacts(model, notes)
  return { document, dropped: notes.dropped, review: notes.review }
}

interface Zones {
  readonly trustZones: Json[]
  readonly zoneOf: (elementId: string) => string
  readonly synthetic: boolean
}

/** How deep a boundary is nested; a cycle cannot occur in a validated model. */
const depthOf = (id: string, parents: ReadonlyMap<string, string>): number => {
  let depth = 0
  for (let at = parents.get(id); at !== undefined && depth < 1000; at = parents.get(at)) depth += 1
  return depth
}

const zonesOf = (model: DeviceModel, notes: Notes): Zones => {
  const boundaries = byId(model.trustBoundaries)
  const parents = new Map<string, string>()
  for (const boundary of boundaries) {
    for (const child of [...(boundary.boundaries ?? [])].sort(compareText)) {
      const first = parents.get(child)
      if (first === undefined) parents.set(child, boundary.id)
      else {
        notes.dropped.push(
          `trustBoundaries '${boundary.id}'.boundaries: also holds '${child}', already nested in '${first}'; an OTM trust zone has one parent`,
        )
      }
    }
  }
  const ids = new Set([...model.elements, ...model.dataFlows, ...boundaries].map((item) => item.id))
  let outside = 'outside-trust-boundaries'
  for (let n = 2; ids.has(outside); n += 1) outside = `outside-trust-boundaries-${String(n)}`
  const zoneByElement = new Map<string, string>()
  for (const element of byId(model.elements)) {
    const holders = boundaries
      .filter((boundary) => boundary.elements.includes(element.id))
      .sort((a, b) => depthOf(b.id, parents) - depthOf(a.id, parents))
    const [chosen, ...others] = holders
    zoneByElement.set(element.id, chosen?.id ?? outside)
    const unrelated = others.filter((other) => !isAncestor(other.id, chosen?.id, parents))
    if (chosen !== undefined && unrelated.length > 0) {
      notes.dropped.push(
        `elements '${element.id}': also inside ${unrelated.map((b) => `'${b.id}'`).join(', ')}; an OTM component has one trust zone, '${chosen.id}'`,
      )
    }
  }
  const synthetic = [...zoneByElement.values()].includes(outside)
  const trustZones = boundaries.map((boundary) => toTrustZone(boundary, parents.get(boundary.id)))
  if (synthetic) {
    trustZones.push({
      id: outside,
      name: 'Outside every trust boundary',
      type: 'medcyber-outside',
      description: 'Made by the medcyber export: OTM requires every component to have a parent.',
      risk: { trustRating: TRUST_RATING },
      attributes: medcyber({ synthetic: true }),
    })
    notes.review.push(
      `trustZones '${outside}': made up to hold the elements outside every trust boundary, because OTM requires a parent for each component`,
    )
  }
  return { trustZones, zoneOf: (id) => zoneByElement.get(id) ?? outside, synthetic }
}

const isAncestor = (
  candidate: string,
  of: string | undefined,
  parents: ReadonlyMap<string, string>,
): boolean => {
  let guard = 0
  for (
    let at = of === undefined ? undefined : parents.get(of);
    at !== undefined && guard < 1000;
    at = parents.get(at)
  ) {
    if (at === candidate) return true
    guard += 1
  }
  return false
}

const toTrustZone = (boundary: TrustBoundary, parent: string | undefined): Json => ({
  id: boundary.id,
  name: boundary.name,
  type: boundary.kind,
  ...(boundary.description === undefined ? {} : { description: boundary.description }),
  risk: { trustRating: TRUST_RATING },
  ...(parent === undefined ? {} : { parent: { trustZone: parent } }),
  attributes: medcyber({ kind: boundary.kind }),
})

const toComponent = (
  element: Element,
  model: DeviceModel,
  zone: string,
  threats: readonly Json[] | undefined,
): Json => {
  const processed = byId(model.assets)
    .filter((asset) => asset.elements?.includes(element.id) === true)
    .map((asset) => asset.id)
  return {
    id: element.id,
    name: element.name,
    type: element.kind,
    ...(element.description === undefined ? {} : { description: element.description }),
    parent: { trustZone: zone },
    ...(processed.length === 0 ? {} : { assets: { processed, stored: [] } }),
    ...(threats === undefined ? {} : { threats }),
    attributes: medcyber({
      kind: element.kind,
      owner: element.owner,
      ...(element.partOfDevice === undefined ? {} : { partOfDevice: element.partOfDevice }),
      ...(element.quantity === undefined ? {} : { quantity: element.quantity }),
    }),
  }
}

const toDataflow = (flow: DataFlow, threats: readonly Json[] | undefined, notes: Notes): Json => {
  const lost = [
    flow.interfaces === undefined ? undefined : `interfaces ${flow.interfaces.join(', ')}`,
    flow.intermediaries === undefined
      ? undefined
      : `intermediaries ${flow.intermediaries.join(', ')}`,
    flow.releases === undefined ? undefined : `releases ${flow.releases.join(', ')}`,
  ].filter((part) => part !== undefined)
  if (lost.length > 0) notes.dropped.push(`dataFlows '${flow.id}': ${lost.join('; ')}`)
  return {
    id: flow.id,
    name: flow.name,
    ...(flow.description === undefined ? {} : { description: flow.description }),
    bidirectional: flow.bidirectional ?? false,
    source: flow.from,
    destination: flow.to,
    ...(flow.assets === undefined ? {} : { assets: [...flow.assets].sort(compareText) }),
    ...(threats === undefined ? {} : { threats }),
    attributes: medcyber({
      protocol: flow.protocol,
      payload: flow.payload,
      authentication: flow.authentication,
      encryption: flow.encryption,
      integrity: flow.integrity,
      replayProtection: flow.replayProtection,
    }),
  }
}

const toAsset = (asset: Asset): Json => ({
  id: asset.id,
  name: asset.name,
  ...(asset.description === undefined ? {} : { description: asset.description }),
  risk: {
    confidentiality: RATING[asset.security.confidentiality],
    integrity: RATING[asset.security.integrity],
    availability: RATING[asset.security.availability],
  },
  attributes: medcyber({
    kind: asset.kind,
    category: asset.category,
    ...(asset.clinicalFunction === undefined ? {} : { clinicalFunction: asset.clinicalFunction }),
  }),
})

const toThreat = (threat: ThreatScenario): Json => ({
  id: threat.id,
  name: threat.title,
  ...(threat.description === undefined ? {} : { description: threat.description }),
  categories: threat.stride.map((category) => CATEGORY_NAMES[category]),
  ...(threat.cwe === undefined
    ? {}
    : { cwes: [...threat.cwe].sort((a, b) => a - b).map((cwe) => `CWE-${String(cwe)}`) }),
  risk: { likelihood: null, impact: THREAT_IMPACT },
  attributes: medcyber({
    ...(threat.capec === undefined ? {} : { capec: [...threat.capec].sort((a, b) => a - b) }),
    ...(threat.multiPatient === undefined ? {} : { multiPatient: threat.multiPatient }),
  }),
})

const toMitigation = (control: Control, notes: Notes): Json => {
  const lost = [
    control.elements === undefined
      ? undefined
      : `applies to ${control.elements.join(', ')} (OTM ties mitigations to threats only)`,
    control.hazardousSituations === undefined
      ? undefined
      : `hazardous situations ${control.hazardousSituations.join(', ')}`,
    control.effectOnSafety === undefined ? undefined : 'effect on safety',
    control.releases === undefined ? undefined : `releases ${control.releases.join(', ')}`,
  ].filter((part) => part !== undefined)
  if (lost.length > 0) notes.dropped.push(`controls '${control.id}': ${lost.join('; ')}`)
  return {
    id: control.id,
    name: control.name,
    ...(control.description === undefined ? {} : { description: control.description }),
    riskReduction: RISK_REDUCTION,
    attributes: medcyber({
      category: control.category,
      kind: control.kind,
      status: control.status,
      ...(control.capabilities === undefined ? {} : { capabilities: control.capabilities }),
      ...(control.compensatingType === undefined
        ? {}
        : { compensatingType: control.compensatingType }),
    }),
  }
}

/** The assessment that speaks for a threat in every release, or the first one. */
const assessmentOf = (
  threat: string,
  assessments: readonly ThreatAssessment[],
): ThreatAssessment | undefined => {
  const all = assessments.filter((assessment) => assessment.threat === threat)
  return all.find((assessment) => assessment.releases === undefined) ?? all[0]
}

/** OTM threat instances by the component or dataflow id they belong to. */
const threatInstances = (model: DeviceModel, notes: Notes): Map<string, Json[]> => {
  const placeable = new Set([...model.elements, ...model.dataFlows].map((item) => item.id))
  const controls = byId(model.controls)
  const instances = new Map<string, Json[]>()
  for (const threat of byId(model.threats)) {
    const assessment = assessmentOf(threat.id, model.threatAssessments)
    const mitigations = controls
      .filter(
        (control) =>
          control.mitigates?.includes(threat.id) === true ||
          assessment?.controls?.includes(control.id) === true,
      )
      .map((control) => ({ mitigation: control.id, state: control.status }))
    for (const target of [...threat.elements].sort(compareText)) {
      if (!placeable.has(target)) {
        notes.dropped.push(
          `threats '${threat.id}': targets '${target}', which is not an element or data flow; OTM attaches threats to components and dataflows only`,
        )
        continue
      }
      const list = instances.get(target) ?? []
      list.push({ threat: threat.id, state: assessment?.status ?? 'open', mitigations })
      instances.set(target, list)
    }
  }
  const written = new Set(model.threats.map((threat) => threat.id))
  for (const assessment of model.threatAssessments) {
    if (!written.has(assessment.threat)) {
      notes.dropped.push(
        `threatAssessments '${assessment.threat}': a decision on a generated threat; the export holds hand-written threats only`,
      )
    } else if (assessment !== assessmentOf(assessment.threat, model.threatAssessments)) {
      notes.dropped.push(
        `threatAssessments '${assessment.threat}' for releases ${(assessment.releases ?? []).join(', ')}: OTM holds one state per threat instance`,
      )
    }
  }
  for (const control of controls) {
    const generated = (control.mitigates ?? []).filter((threat) => !written.has(threat))
    if (generated.length > 0) {
      notes.dropped.push(
        `controls '${control.id}'.mitigates: generated threats ${generated.join(', ')}`,
      )
    }
  }
  return instances
}

/** Sections OTM has no place for, item by item. */
const UNHELD: readonly (readonly [keyof DeviceModel, string])[] = [
  ['interfaces', 'OTM has no interfaces'],
  ['roles', 'OTM has no roles'],
  ['actors', 'OTM has no actors'],
  ['components', 'OTM has no software components (use an SBOM)'],
  ['sboms', 'OTM has no SBOMs'],
  ['releases', 'OTM has no releases'],
  ['hazards', 'OTM has no safety risk'],
  ['hazardousSituations', 'OTM has no safety risk'],
  ['harms', 'OTM has no safety risk'],
  ['verifications', 'OTM has no tests'],
  ['findingAssessments', 'OTM has no vulnerability findings'],
]

/** Product facts beyond the name, id and intended use that OTM's project holds. */
const PRODUCT_FACTS = [
  'manufacturer',
  'modelNumbers',
  'udiDi',
  'foreseeableMisuse',
  'deviceTypes',
  'clinicalFunctions',
  'essentialPerformance',
  'patientContact',
  'useEnvironments',
  'jurisdictions',
] as const

const dropModelFacts = (model: DeviceModel, notes: Notes): void => {
  const { product } = model
  const productFacts = PRODUCT_FACTS.filter((key) => product[key] !== undefined)
  notes.dropped.push(
    `product: ${productFacts.join(', ')} (OTM's project holds a name, an id, a description (the intended use) and an owner (the manufacturer's name))`,
  )
  for (const [section, why] of UNHELD) {
    const items = model[section] as readonly Readonly<Record<string, unknown>>[]
    for (const item of items) {
      const key = [item['id'], item['version'], item['finding']].find(
        (value) => typeof value === 'string',
      )
      notes.dropped.push(`${section} '${key ?? ''}': ${why}`)
    }
  }
}
