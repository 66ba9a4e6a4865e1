import type { DocumentPath, Issue } from '../issue.js'
import type { DeviceModel, ListSection } from './model-document-schema.js'

/** The kinds of things that have an id. All ids share one namespace so `rule@id` is unambiguous. */
export const ITEM_KINDS = [
  'element',
  'interface',
  'data flow',
  'trust boundary',
  'role',
  'actor',
  'asset',
  'component',
  'SBOM',
  'hazard',
  'hazardous situation',
  'harm',
  'threat',
  'control',
  'verification',
  'clinical function',
  'essential performance',
] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

export const SECTION_KINDS: Readonly<Partial<Record<ListSection, ItemKind>>> = {
  elements: 'element',
  interfaces: 'interface',
  dataFlows: 'data flow',
  trustBoundaries: 'trust boundary',
  roles: 'role',
  actors: 'actor',
  assets: 'asset',
  components: 'component',
  sboms: 'SBOM',
  hazards: 'hazard',
  hazardousSituations: 'hazardous situation',
  harms: 'harm',
  threats: 'threat',
  controls: 'control',
  verifications: 'verification',
}

export interface IndexedItem {
  readonly kind: ItemKind
  readonly path: DocumentPath
}

export interface ModelIndex {
  readonly items: ReadonlyMap<string, IndexedItem>
  readonly releaseVersions: ReadonlySet<string>
}

/** Indexes every id of the model; a second use of an id is an error pointing at the first. */
export const indexModel = (model: DeviceModel): { index: ModelIndex; issues: Issue[] } => {
  const items = new Map<string, IndexedItem>()
  const issues: Issue[] = []
  const add = (id: string, kind: ItemKind, path: DocumentPath): void => {
    const first = items.get(id)
    if (first === undefined) {
      items.set(id, { kind, path })
      return
    }
    issues.push({
      severity: 'error',
      code: 'model/duplicate-id',
      message:
        first.kind === kind
          ? `duplicate id '${id}': another ${kind} already has it`
          : `duplicate id '${id}': the ${kind} reuses the id of the ${first.kind} defined first; ids are shared by every kind`,
      path: [...path, 'id'],
      related: { path: [...first.path, 'id'] },
    })
  }
  model.product.clinicalFunctions.forEach((item, i) => {
    add(item.id, 'clinical function', ['product', 'clinicalFunctions', i])
  })
  model.product.essentialPerformance?.forEach((item, i) => {
    add(item.id, 'essential performance', ['product', 'essentialPerformance', i])
  })
  for (const [section, kind] of Object.entries(SECTION_KINDS) as [ListSection, ItemKind][]) {
    ;(model[section] as readonly { id: string }[]).forEach((item, i) => {
      add(item.id, kind, [section, i])
    })
  }

  const releaseVersions = new Map<string, number>()
  model.releases.forEach((release, i) => {
    const first = releaseVersions.get(release.version)
    if (first === undefined) {
      releaseVersions.set(release.version, i)
    } else {
      issues.push({
        severity: 'error',
        code: 'model/duplicate-release',
        message: `release '${release.version}' is listed more than once`,
        path: ['releases', i, 'version'],
        related: { path: ['releases', first, 'version'] },
      })
    }
  })
  return { index: { items, releaseVersions: new Set(releaseVersions.keys()) }, issues }
}
