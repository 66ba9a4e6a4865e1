import type { DeviceModel } from '../model/index.js'
import type { ComponentKind } from '../model/vocabulary.js'
import { componentOf, coveredReleases, sortStatements, timestampOf } from './products.js'
import type { VexStatement } from './statement.js'
import { cycloneDxJustification, cycloneDxStateOf } from './vocabulary-map.js'

export type JsonObject = Record<string, unknown>

const bomRef = (componentId: string, release: string): string => `${componentId}@${release}`
const releaseRef = (model: DeviceModel, release: string): string => `${model.product.id}@${release}`

const COMPONENT_TYPES: Readonly<Record<ComponentKind, string>> = {
  application: 'application',
  firmware: 'firmware',
  'operating-system': 'operating-system',
  rtos: 'operating-system',
  library: 'library',
  runtime: 'platform',
  database: 'application',
  driver: 'device-driver',
  hardware: 'device',
  'third-party-service': 'application',
  container: 'container',
}

const releaseComponent = (
  model: DeviceModel,
  version: string,
  ids: readonly string[],
): JsonObject => ({
  type: 'device',
  'bom-ref': releaseRef(model, version),
  manufacturer: { name: model.product.manufacturer.name },
  name: model.product.name,
  version,
  components: [...ids].sort().flatMap((id) => {
    const component = componentOf(model, id)
    if (component === undefined) return []
    return [
      {
        type: COMPONENT_TYPES[component.kind],
        'bom-ref': bomRef(id, version),
        ...(component.supplier === undefined ? {} : { supplier: { name: component.supplier } }),
        name: component.name,
        version: component.version,
        ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
        ...(component.purl === undefined ? {} : { purl: component.purl }),
      },
    ]
  }),
})

const SOURCES: readonly (readonly [RegExp, string, string])[] = [
  [/^CVE-/, 'NVD', 'https://nvd.nist.gov/vuln/detail/'],
  [/^GHSA-/, 'GitHub', 'https://github.com/advisories/'],
]

const sourceOf = (id: string): JsonObject => {
  const known = SOURCES.find(([pattern]) => pattern.test(id))
  return known === undefined ? {} : { source: { name: known[1], url: `${known[2]}${id}` } }
}

const analysisOf = (statement: VexStatement): JsonObject => ({
  state: cycloneDxStateOf(statement.status),
  ...(statement.justification === undefined
    ? {}
    : { justification: cycloneDxJustification(statement.justification) }),
  ...(statement.responses.length === 0 ? {} : { response: statement.responses }),
  ...(statement.detail === undefined ? {} : { detail: statement.detail }),
})

/**
 * A CycloneDX 1.6 VEX: the device as `metadata.component`, one component per release holding
 * the components it ships (bom-ref `component@release`), and one vulnerability per distinct
 * analysis, affecting every release component it holds for.
 */
export const buildCycloneDxVex = (
  model: DeviceModel,
  statements: readonly VexStatement[],
  options: { readonly at: string; readonly release?: string },
): JsonObject => {
  const releases = coveredReleases(model, options.release)
  const grouped = new Map<string, { id: string; analysis: JsonObject; refs: string[] }>()
  for (const statement of sortStatements(model, statements)) {
    const analysis = analysisOf(statement)
    const key = JSON.stringify([statement.triage.vulnerability, analysis])
    const entry = grouped.get(key) ?? { id: statement.triage.vulnerability, analysis, refs: [] }
    entry.refs.push(bomRef(statement.triage.componentId, statement.triage.release))
    grouped.set(key, entry)
  }
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      timestamp: timestampOf(options.at),
      tools: { components: [{ type: 'application', name: 'medcyber' }] },
      component: {
        type: 'device',
        'bom-ref': model.product.id,
        manufacturer: { name: model.product.manufacturer.name },
        name: model.product.name,
      },
      manufacturer: { name: model.product.manufacturer.name },
    },
    components: releases.map((release) =>
      releaseComponent(model, release.version, release.components ?? []),
    ),
    vulnerabilities: [...grouped.values()].map((entry, index) => ({
      'bom-ref': `vex-${String(index + 1)}`,
      id: entry.id,
      ...sourceOf(entry.id),
      analysis: entry.analysis,
      affects: entry.refs.map((ref) => ({ ref })),
    })),
  }
}
