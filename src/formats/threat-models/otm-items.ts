import type { Asset, DocumentPath, Element, TrustBoundary } from '../../core/index.js'
import { dropFields } from './drop-fields.js'
import type { IdAllocator } from './id-allocator.js'
import {
  assetCategoryOf,
  assetKindOf,
  boundaryKindOf,
  elementKindOf,
  medcyberAttributes,
  ownerOf,
} from './otm-attributes.js'
import { dropOtherAttributes } from './otm-threats.js'
import { needFromPercent, placeholderCategory } from './placeholders.js'
import { limitText, oneLine, plainText } from './plain-text.js'
import { fieldOf, sortedUnique, textOf, textsOf } from './source-data.js'
import type { ImportNotes } from './threat-model-import.js'

/** OTM components, trust zones and assets as medcyber elements, trust boundaries and assets. */

export interface OtmItem {
  readonly sourceId: string
  readonly id: string
  readonly value: Readonly<Record<string, unknown>>
  readonly path: DocumentPath
}

export interface OtmContext {
  readonly notes: ImportNotes
  readonly ids: IdAllocator
  readonly zones: ReadonlyMap<string, OtmItem>
  readonly components: ReadonlyMap<string, OtmItem>
  readonly assets: ReadonlyMap<string, OtmItem>
}

/** Component types that say which medcyber kind fits, by the words IriusRisk and others use. */
const KIND_WORDS: readonly [RegExp, Element['kind']][] = [
  [/database|\bdb\b|-db-|sql|storage|bucket|datastore|data-store|\bs3\b/i, 'data-store'],
  [/mobile|android|\bios\b/i, 'mobile-app'],
  [/browser|web-client|web-app|spa\b/i, 'web-app'],
  [/gateway|firewall|load-balancer|proxy|router|\bwaf\b|\bcdn\b/i, 'network-infrastructure'],
  [/cloud|azure|\baws\b|\bgcp\b|lambda|function/i, 'cloud-service'],
  [/user|actor|external|third-party|generic-client/i, 'external-entity'],
]

const kindOf = (type: string | undefined): { kind: Element['kind']; guessed: boolean } => {
  const exact = elementKindOf(type)
  if (exact !== undefined) return { kind: exact, guessed: false }
  const word = type === undefined ? undefined : KIND_WORDS.find(([pattern]) => pattern.test(type))
  return { kind: word?.[1] ?? 'server', guessed: true }
}

const COMPONENT_KEPT = [
  'id',
  'name',
  'type',
  'description',
  'parent',
  'representations',
  'assets',
  'threats',
  'attributes',
]

export const toElement = (component: OtmItem, context: OtmContext): Element => {
  const { value, id } = component
  const attributes = medcyberAttributes(value)
  const type = textOf(value['type'])
  const written = elementKindOf(attributes['kind'])
  const choice = written === undefined ? kindOf(type) : { kind: written, guessed: false }
  if (choice.guessed) {
    context.notes.review(
      `element '${id}'`,
      `kind '${choice.kind}' ${type === undefined ? 'is a default' : `is a guess from the OTM type '${type}'`}; choose the kind that fits`,
    )
  }
  const parentComponent = textOf(fieldOf(value['parent'], 'component'))
  if (parentComponent !== undefined) {
    context.notes.drop(
      [...component.path, 'parent'],
      `inside component '${parentComponent}' (medcyber elements do not nest; it joins that component's trust boundary)`,
    )
  }
  dropFields(context.notes, component.path, value, COMPONENT_KEPT)
  dropOtherAttributes(context.notes, component.path, value)
  const owner =
    ownerOf(attributes['owner']) ??
    (choice.kind === 'external-entity' ? 'third-party' : 'manufacturer')
  const partOfDevice = attributes['partOfDevice']
  const quantity = attributes['quantity']
  const description = textOf(value['description'])
  return {
    id,
    name: limitText(oneLine(textOf(value['name']) ?? '') || component.sourceId, 300),
    kind: choice.kind,
    owner,
    ...(typeof partOfDevice === 'boolean' ? { partOfDevice } : {}),
    ...(typeof quantity === 'number' && Number.isInteger(quantity) && quantity >= 1
      ? { quantity }
      : {}),
    ...(description === undefined
      ? {}
      : { description: limitText(plainText(description), 20_000) }),
  }
}

/** The trust zone a component sits in, through the components it is nested in. */
const zoneOf = (component: OtmItem, context: OtmContext): string | undefined => {
  const seen = new Set<string>()
  let current: OtmItem | undefined = component
  while (current !== undefined && !seen.has(current.sourceId)) {
    seen.add(current.sourceId)
    const zone = textOf(fieldOf(current.value['parent'], 'trustZone'))
    if (zone !== undefined) return zone
    const parent = textOf(fieldOf(current.value['parent'], 'component'))
    current = parent === undefined ? undefined : context.components.get(parent)
  }
  return undefined
}

const ZONE_KEPT = ['id', 'name', 'type', 'description', 'parent', 'representations', 'attributes']

export const toBoundary = (zone: OtmItem, context: OtmContext): TrustBoundary => {
  const { value, id } = zone
  const written = boundaryKindOf(medcyberAttributes(value)['kind'])
  const type = textOf(value['type'])
  const kind = written ?? (type !== undefined && /cloud/i.test(type) ? 'cloud' : 'network-zone')
  if (written === undefined) {
    context.notes.review(
      `trust boundary '${id}'`,
      `kind '${kind}' is a guess${type === undefined ? '' : ` from the OTM type '${type}'`}`,
    )
  }
  const elements = sortedUnique(
    [...context.components.values()]
      .filter((component) => zoneOf(component, context) === zone.sourceId)
      .map((component) => component.id),
  )
  const nested = sortedUnique(
    [...context.zones.values()]
      .filter((other) => textOf(fieldOf(other.value['parent'], 'trustZone')) === zone.sourceId)
      .map((other) => other.id),
  )
  const rating = fieldOf(value['risk'], 'trustRating')
  if (typeof rating === 'number') {
    context.notes.drop([...zone.path, 'risk', 'trustRating'], `trust rating ${String(rating)}`)
  }
  if (textOf(fieldOf(value['parent'], 'component')) !== undefined) {
    context.notes.drop([...zone.path, 'parent'], 'a trust zone inside a component')
  }
  dropFields(context.notes, zone.path, value, [...ZONE_KEPT, 'risk'])
  dropOtherAttributes(context.notes, zone.path, value)
  const description = textOf(value['description'])
  return {
    id,
    name: limitText(oneLine(textOf(value['name']) ?? '') || zone.sourceId, 300),
    kind,
    elements,
    ...(nested.length === 0 ? {} : { boundaries: nested }),
    ...(description === undefined
      ? {}
      : { description: limitText(plainText(description), 20_000) }),
  }
}

export const toAsset = (asset: OtmItem, context: OtmContext): Asset => {
  const { value, id } = asset
  const risk = value['risk']
  const security = {
    confidentiality: needFromPercent(fieldOf(risk, 'confidentiality')) ?? 'high',
    integrity: needFromPercent(fieldOf(risk, 'integrity')) ?? 'high',
    availability: needFromPercent(fieldOf(risk, 'availability')) ?? 'high',
  }
  const attributes = medcyberAttributes(value)
  const written = assetCategoryOf(attributes['category'])
  const category = written ?? placeholderCategory(security.confidentiality)
  if (written === undefined) {
    context.notes.review(
      `asset '${id}'`,
      `category '${category}' is a placeholder; security needs mapped from OTM ratings (0 none, up to 50 low, above high)`,
    )
  }
  const elements = sortedUnique(
    [...context.components.values()]
      .filter((component) => {
        const held = component.value['assets']
        return [
          ...textsOf(fieldOf(held, 'processed')),
          ...textsOf(fieldOf(held, 'stored')),
        ].includes(asset.sourceId)
      })
      .map((component) => component.id),
  )
  const comment = textOf(fieldOf(risk, 'comment')) ?? textOf(fieldOf(risk, 'riskComments'))
  if (comment !== undefined)
    context.notes.drop([...asset.path, 'risk'], `risk comment '${comment}'`)
  dropFields(context.notes, asset.path, value, ['id', 'name', 'description', 'risk', 'attributes'])
  dropOtherAttributes(context.notes, asset.path, value)
  const description = textOf(value['description'])
  return {
    id,
    name: limitText(oneLine(textOf(value['name']) ?? '') || asset.sourceId, 300),
    kind: assetKindOf(attributes['kind']) ?? 'data',
    category,
    security,
    ...(elements.length === 0 ? {} : { elements }),
    ...(description === undefined
      ? {}
      : { description: limitText(plainText(description), 20_000) }),
  }
}
