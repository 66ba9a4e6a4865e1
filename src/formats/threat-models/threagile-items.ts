import type { Asset, DataFlow, Element, TrustBoundary } from '../../core/index.js'
import { dropFields } from './drop-fields.js'
import { placeholderCategory } from './placeholders.js'
import { limitText, oneLine, plainText } from './plain-text.js'
import { sortedUnique, textOf, textsOf } from './source-data.js'
import {
  linkEntries,
  resolve,
  resolveAll,
  type Entry,
  type ThreagileContext,
} from './threagile-context.js'
import {
  authenticationOfLink,
  boundaryKindOf,
  confidentialityNeed,
  criticalityNeed,
  kindOfTechnicalAsset,
  protectionOfLink,
  threagileLinkId,
} from './threagile-mapping.js'

/**
 * Threagile's technical assets, communication links, data assets and trust boundaries as
 * medcyber elements, data flows, assets and trust boundaries.
 */

const TECHNICAL_ASSET_KEPT = [
  'id',
  'description',
  'type',
  'out_of_scope',
  'justification_out_of_scope',
  'communication_links',
  'data_assets_processed',
  'data_assets_stored',
]

export const toElement = (entry: Entry, context: ThreagileContext): Element => {
  const { value } = entry
  const id = context.maps.elements.get(entry.sourceId) ?? entry.sourceId
  const technologies = [...textsOf(value['technologies']), ...textsOf([value['technology']])]
  const choice = kindOfTechnicalAsset(textOf(value['type']), technologies, textOf(value['machine']))
  if (choice.guessed) {
    context.notes.review(
      `element '${id}'`,
      `kind '${choice.kind}' is a default for ${choice.basis}; choose the kind that fits`,
    )
  }
  const outOfScope = value['out_of_scope'] === true
  if (outOfScope) {
    context.notes.review(
      `element '${id}'`,
      'out of scope in the source; medcyber treats every element of the model as in scope',
    )
  }
  const description = [
    textOf(value['description']),
    outOfScope
      ? `Out of scope in the Threagile model${justification(value['justification_out_of_scope'])}`
      : undefined,
  ].filter((part) => part !== undefined)
  dropFields(context.notes, entry.path, value, TECHNICAL_ASSET_KEPT)
  return {
    id,
    name: limitText(oneLine(entry.title), 300),
    kind: choice.kind,
    owner: choice.kind === 'external-entity' ? 'third-party' : 'manufacturer',
    ...(description.length === 0
      ? {}
      : { description: limitText(plainText(description.join('\n\n')), 20_000) }),
  }
}

const justification = (value: unknown): string => {
  const text = textOf(value)
  return text === undefined ? '.' : `: ${text}`
}

const LINK_KEPT = [
  'target',
  'description',
  'protocol',
  'authentication',
  'vpn',
  'data_assets_sent',
  'data_assets_received',
]

export const toFlows = (asset: Entry, context: ThreagileContext): DataFlow[] =>
  linkEntries(asset).flatMap((link) => {
    const from = context.maps.elements.get(asset.sourceId)
    const target = textOf(link.value['target'])
    const id = context.maps.flows.get(threagileLinkId(asset.sourceId, link.title))
    if (from === undefined || id === undefined) return []
    if (target === undefined) {
      context.notes.drop(link.path, 'communication link without a target')
      return []
    }
    const [to] = resolve(
      context,
      context.maps.elements,
      target,
      [...link.path, 'target'],
      'technical asset',
    )
    if (to === undefined) return []
    if (to === from) {
      context.notes.drop(
        link.path,
        'a link from an asset to itself; a medcyber flow joins two elements',
      )
      return []
    }
    dropFields(context.notes, link.path, link.value, LINK_KEPT)
    return [toFlow(id, from, to, link, context)]
  })

const toFlow = (
  id: string,
  from: string,
  to: string,
  link: Entry,
  context: ThreagileContext,
): DataFlow => {
  const { value } = link
  const written = textOf(value['protocol'])
  const protocol = written === undefined || written === 'unknown-protocol' ? undefined : written
  const protection = protectionOfLink(protocol, value['vpn'] === true)
  const authentication = authenticationOfLink(textOf(value['authentication']))
  const sent = resolveAll(
    context,
    context.maps.assets,
    value['data_assets_sent'],
    [...link.path, 'data_assets_sent'],
    'data asset',
  )
  const received = resolveAll(
    context,
    context.maps.assets,
    value['data_assets_received'],
    [...link.path, 'data_assets_received'],
    'data asset',
  )
  const assets = sortedUnique([...sent, ...received])
  const assumed = [
    protocol === undefined ? "protocol 'unknown'" : undefined,
    'payload [data]',
    authentication === undefined ? 'authentication none' : undefined,
    authentication?.type === 'source'
      ? `authentication 'source' from '${String(value['authentication'])}' (mutual if the source also verifies the destination)`
      : undefined,
    protection.encryption.type === 'none'
      ? 'encryption none'
      : `encryption '${protection.encryption.type}' from protocol '${protocol ?? 'vpn'}'`,
    protection.integrity === 'none'
      ? 'integrity none'
      : `integrity '${protection.integrity}' from the secure channel`,
    'replayProtection false',
  ].filter((part) => part !== undefined)
  context.notes.review(`data flow '${id}'`, `assumed ${assumed.join('; ')}`)
  const description = textOf(value['description'])
  return {
    id,
    name: limitText(oneLine(link.title), 300),
    from,
    to,
    protocol: protocol ?? 'unknown',
    payload: ['data'],
    ...(assets.length === 0 ? {} : { assets }),
    authentication: authentication ?? { type: 'none' },
    encryption: protection.encryption,
    integrity: protection.integrity,
    replayProtection: false,
    ...(received.length > 0 ? { bidirectional: true } : {}),
    ...(description === undefined
      ? {}
      : { description: limitText(plainText(description), 20_000) }),
  }
}

/** The elements that process or store each data asset, by the data asset's source id. */
export const elementsOfAssets = (
  technical: readonly Entry[],
  context: ThreagileContext,
): Map<string, string[]> => {
  const byAsset = new Map<string, string[]>()
  for (const asset of technical) {
    const element = context.maps.elements.get(asset.sourceId)
    for (const key of ['data_assets_processed', 'data_assets_stored']) {
      textsOf(asset.value[key]).forEach((ref, i) => {
        if (
          resolve(context, context.maps.assets, ref, [...asset.path, key, i], 'data asset')
            .length === 0
        ) {
          return
        }
        if (element !== undefined) byAsset.set(ref, [...(byAsset.get(ref) ?? []), element])
      })
    }
  }
  return byAsset
}

const DATA_ASSET_KEPT = ['id', 'description', 'confidentiality', 'integrity', 'availability']

export const toAsset = (
  entry: Entry,
  assetElements: ReadonlyMap<string, readonly string[]>,
  context: ThreagileContext,
): Asset => {
  const { value } = entry
  const id = context.maps.assets.get(entry.sourceId) ?? entry.sourceId
  const confidentiality = confidentialityNeed(textOf(value['confidentiality']))
  const integrity = criticalityNeed(textOf(value['integrity']))
  const availability = criticalityNeed(textOf(value['availability']))
  const missing = [
    confidentiality === undefined ? 'confidentiality' : undefined,
    integrity === undefined ? 'integrity' : undefined,
    availability === undefined ? 'availability' : undefined,
  ].filter((part) => part !== undefined)
  const security = {
    confidentiality: confidentiality ?? 'high',
    integrity: integrity ?? 'high',
    availability: availability ?? 'high',
  }
  const category = placeholderCategory(security.confidentiality)
  context.notes.review(
    `asset '${id}'`,
    `category '${category}' is a placeholder` +
      (missing.length === 0 ? '' : `; ${missing.join(', ')} not rated in the source, set to high`),
  )
  const elements = sortedUnique([...(assetElements.get(entry.sourceId) ?? [])])
  dropFields(context.notes, entry.path, value, DATA_ASSET_KEPT)
  const description = textOf(value['description'])
  return {
    id,
    name: limitText(oneLine(entry.title), 300),
    kind: 'data',
    category,
    security,
    ...(elements.length === 0 ? {} : { elements }),
    ...(description === undefined
      ? {}
      : { description: limitText(plainText(description), 20_000) }),
  }
}

const BOUNDARY_KEPT = [
  'id',
  'description',
  'type',
  'technical_assets_inside',
  'trust_boundaries_nested',
]

export const toBoundary = (entry: Entry, context: ThreagileContext): TrustBoundary => {
  const { value } = entry
  const id = context.maps.boundaries.get(entry.sourceId) ?? entry.sourceId
  const type = textOf(value['type'])
  const kind = boundaryKindOf(type)
  if (kind === undefined) {
    context.notes.review(
      `trust boundary '${id}'`,
      `kind 'network-zone' is a placeholder for type ${type === undefined ? '(none)' : `'${type}'`}`,
    )
  }
  const elements = resolveAll(
    context,
    context.maps.elements,
    value['technical_assets_inside'],
    [...entry.path, 'technical_assets_inside'],
    'technical asset',
  )
  const nested = resolveAll(
    context,
    context.maps.boundaries,
    value['trust_boundaries_nested'],
    [...entry.path, 'trust_boundaries_nested'],
    'trust boundary',
  )
  dropFields(context.notes, entry.path, value, BOUNDARY_KEPT)
  const description = textOf(value['description'])
  return {
    id,
    name: limitText(oneLine(entry.title), 300),
    kind: kind ?? 'network-zone',
    elements,
    ...(nested.length === 0 ? {} : { boundaries: nested }),
    ...(description === undefined
      ? {}
      : { description: limitText(plainText(description), 20_000) }),
  }
}
