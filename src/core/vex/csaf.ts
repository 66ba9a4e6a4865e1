import type { DeviceModel } from '../model/index.js'
import type { JsonObject } from './cyclonedx.js'
import { componentOf, coveredReleases, sortStatements, timestampOf } from './products.js'
import type { VexStatement } from './statement.js'
import { CSAF_REMEDIATION, csafFlagLabel, type VexStatus } from './vocabulary-map.js'

const PRODUCT_STATUS: Readonly<Record<VexStatus, string>> = {
  not_affected: 'known_not_affected',
  affected: 'known_affected',
  fixed: 'fixed',
  under_investigation: 'under_investigation',
}

const CSAF_VEX_PROFILE =
  'https://docs.oasis-open.org/csaf/csaf/v2.0/os/csaf-v2.0-os.html#45-profile-5-vex'

const releaseId = (model: DeviceModel, release: string): string => `${model.product.id}@${release}`
/** A component as part of one release: what every status names. */
const partId = (model: DeviceModel, componentId: string, release: string): string =>
  `${componentId}@${model.product.id}@${release}`

/**
 * The CSAF product tree branches of some components: vendor → product name → version, each
 * version a product whose id is the component id, identified by its purl and CPE where known.
 */
export const componentBranches = (model: DeviceModel, ids: readonly string[]): JsonObject[] => {
  const byVendor = new Map<string, JsonObject[]>()
  for (const id of [...ids].sort()) {
    const component = componentOf(model, id)
    if (component === undefined) continue
    const helper = {
      ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
      ...(component.purl === undefined ? {} : { purl: component.purl }),
    }
    const vendor = component.supplier ?? 'unknown supplier'
    byVendor.set(vendor, [
      ...(byVendor.get(vendor) ?? []),
      {
        category: 'product_name',
        name: component.name,
        branches: [
          {
            category: 'product_version',
            name: component.version,
            product: {
              product_id: id,
              name: `${vendor} ${component.name} ${component.version}`,
              ...(Object.keys(helper).length === 0
                ? {}
                : { product_identification_helper: helper }),
            },
          },
        ],
      },
    ])
  }
  return [...byVendor].map(([name, branches]) => ({ category: 'vendor', name, branches }))
}

const productTree = (model: DeviceModel, release?: string): JsonObject => {
  const releases = coveredReleases(model, release)
  const manufacturer = model.product.manufacturer.name
  const componentIds = [...new Set(releases.flatMap((item) => item.components ?? []))].filter(
    (id) => componentOf(model, id) !== undefined,
  )
  const deviceBranch = {
    category: 'vendor',
    name: manufacturer,
    branches: [
      {
        category: 'product_name',
        name: model.product.name,
        branches: releases.map((item) => ({
          category: 'product_version',
          name: item.version,
          product: {
            product_id: releaseId(model, item.version),
            name: `${manufacturer} ${model.product.name} ${item.version}`,
          },
        })),
      },
    ],
  }
  const others = componentBranches(model, componentIds).filter(
    (branch) => branch['name'] !== manufacturer,
  )
  const own = componentBranches(model, componentIds).find(
    (branch) => branch['name'] === manufacturer,
  )
  if (own !== undefined) {
    deviceBranch.branches.push(...(own['branches'] as typeof deviceBranch.branches))
  }
  return {
    branches: [deviceBranch, ...others],
    relationships: releases.flatMap((item) =>
      [...(item.components ?? [])].sort().flatMap((id) => {
        const component = componentOf(model, id)
        if (component === undefined) return []
        return [
          {
            category: 'default_component_of',
            product_reference: id,
            relates_to_product_reference: releaseId(model, item.version),
            full_product_name: {
              product_id: partId(model, id, item.version),
              name: `${component.name} ${component.version} as part of ${manufacturer} ${model.product.name} ${item.version}`,
            },
          },
        ]
      }),
    ),
  }
}

type Group = Map<string, string[]>
const add = (group: Group, key: string, id: string): void => {
  group.set(key, [...(group.get(key) ?? []), id])
}

/** One CSAF vulnerability: every status of one CVE, with the flag, impact or action each needs. */
const vulnerabilityOf = (model: DeviceModel, statements: readonly VexStatement[]): JsonObject => {
  const first = statements[0]
  const id = first?.triage.vulnerability ?? ''
  const status: Group = new Map()
  const flags: Group = new Map()
  const impacts: Group = new Map()
  const remediations: Group = new Map()
  for (const statement of statements) {
    const product = partId(model, statement.triage.componentId, statement.triage.release)
    add(status, PRODUCT_STATUS[statement.status], product)
    if (statement.status === 'not_affected') {
      if (statement.justification !== undefined) {
        add(flags, csafFlagLabel(statement.justification), product)
      }
      if (statement.detail !== undefined) add(impacts, statement.detail, product)
    }
    if (statement.status === 'affected') {
      const categories =
        statement.responses.length === 0
          ? ['none_available']
          : [...new Set(statement.responses.map((response) => CSAF_REMEDIATION[response]))]
      for (const category of categories) {
        add(remediations, JSON.stringify([category, statement.action ?? '']), product)
      }
    }
  }
  const statusOrder = ['fixed', 'known_affected', 'known_not_affected', 'under_investigation']
  return {
    ...(/^CVE-\d{4}-\d{4,}$/.test(id)
      ? { cve: id }
      : { ids: [{ system_name: 'medcyber finding', text: id }] }),
    notes: [
      {
        category: 'description',
        title: 'Triage',
        text: `The manufacturer's assessment of ${id} in ${model.product.name}.`,
      },
    ],
    product_status: Object.fromEntries(
      statusOrder.flatMap((key) => {
        const ids = status.get(key)
        return ids === undefined ? [] : [[key, ids]]
      }),
    ),
    ...(flags.size === 0
      ? {}
      : { flags: [...flags].map(([label, product_ids]) => ({ label, product_ids })) }),
    ...(impacts.size === 0
      ? {}
      : {
          threats: [...impacts].map(([details, product_ids]) => ({
            category: 'impact',
            details,
            product_ids,
          })),
        }),
    ...(remediations.size === 0
      ? {}
      : {
          remediations: [...remediations].map(([key, product_ids]) => {
            const [category, details] = JSON.parse(key) as [string, string]
            return { category, details, product_ids }
          }),
        }),
  }
}

/**
 * A CSAF 2.0 VEX (`csaf_vex`): the device's releases as product_version branches, each
 * component once in the tree and, per release, as `default_component_of` that release; every
 * status names a component-in-release, so one product never has two statuses.
 */
export const buildCsafVex = (
  model: DeviceModel,
  statements: readonly VexStatement[],
  options: { readonly at: string; readonly release?: string },
): JsonObject => {
  const timestamp = timestampOf(options.at)
  const byVulnerability = new Map<string, VexStatement[]>()
  for (const statement of sortStatements(model, statements)) {
    const key = statement.triage.vulnerability
    byVulnerability.set(key, [...(byVulnerability.get(key) ?? []), statement])
  }
  const manufacturer = model.product.manufacturer
  const scope = options.release === undefined ? 'all releases' : `release ${options.release}`
  return {
    document: {
      category: 'csaf_vex',
      csaf_version: '2.0',
      title: `${model.product.name} (${scope}): vulnerability exploitability`,
      publisher: {
        category: 'vendor',
        name: manufacturer.name,
        namespace: manufacturer.cvdPolicyUrl ?? `urn:medcyber:${model.product.id}`,
      },
      notes: [
        {
          category: 'summary',
          title: 'Scope',
          text: `Exploitability of known vulnerabilities in the components of ${model.product.name}, ${scope}, as triaged by ${manufacturer.name}.`,
        },
      ],
      references: [
        { category: 'external', summary: 'CSAF 2.0 VEX profile', url: CSAF_VEX_PROFILE },
        ...(manufacturer.cvdPolicyUrl === undefined
          ? []
          : [
              {
                category: 'external',
                summary: 'Coordinated vulnerability disclosure policy',
                url: manufacturer.cvdPolicyUrl,
              },
            ]),
      ],
      tracking: {
        id: `${model.product.id}-vex-${options.release ?? 'all'}`,
        status: 'final',
        version: '1',
        initial_release_date: timestamp,
        current_release_date: timestamp,
        revision_history: [{ date: timestamp, number: '1', summary: 'Generated by medcyber' }],
        generator: { engine: { name: 'medcyber' }, date: timestamp },
      },
    },
    product_tree: productTree(model, options.release),
    vulnerabilities: [...byVulnerability.values()].map((group) => vulnerabilityOf(model, group)),
  }
}
