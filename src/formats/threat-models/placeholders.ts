import type {
  AssetCategory,
  DataFlow,
  Element,
  Encryption,
  IntegrityProtection,
  Product,
  SecurityNeed,
} from '../../core/index.js'
import { slugify, type IdAllocator } from './id-allocator.js'
import { limitText } from './plain-text.js'
import type { ImportNotes } from './threat-model-import.js'

/**
 * The facts medcyber requires and threat-modeling tools do not record. Each gets the most
 * cautious valid value, and each placeholder is listed for review.
 */

export interface ProductFacts {
  /** The source format, for people: `Threagile`, `Threat Dragon`, `OTM`. */
  readonly format: string
  readonly name: string | undefined
  readonly description: string | undefined
  /** Whoever the source names as the model's author or owner. */
  readonly owner: string | undefined
}

export const placeholderProduct = (
  facts: ProductFacts,
  ids: IdAllocator,
  notes: ImportNotes,
): Product => {
  const name = facts.name ?? `Model imported from ${facts.format}`
  const id = ids.allocate(slugify(name) || 'imported-product', `product '${name}'`)
  const functionId = ids.allocate('clinical-function-to-define', 'placeholder clinical function')
  const described =
    facts.description === undefined ? '' : ` The source describes it as: ${facts.description}`
  notes.review(
    'product.manufacturer.name',
    facts.owner === undefined
      ? 'placeholder; the source does not name the legal manufacturer'
      : `placeholder; the source names '${facts.owner}' as the model's author or owner, which need not be the legal manufacturer`,
  )
  notes.review('product.modelNumbers', "placeholder 'unknown'")
  notes.review('product.intendedUse', 'placeholder; the source states no intended use')
  notes.review(
    'product.deviceTypes',
    "placeholder 'software-only', which makes the FD&C Act 524B sponsor-software criterion apply",
  )
  notes.review(
    'product.clinicalFunctions',
    `placeholder '${functionId}' of category therapy-delivery, the most critical; replace it with the device's clinical functions and their elements`,
  )
  notes.review('product.patientContact', "placeholder 'none'")
  notes.review('product.useEnvironments', "placeholder 'home', the least controlled environment")
  notes.review(
    'product.jurisdictions',
    'placeholder US class III (PMA), the strictest, so that every document a market may expect is listed',
  )
  return {
    id,
    name: limitText(name, 300),
    manufacturer: { name: 'Unknown manufacturer (not stated in the source)' },
    modelNumbers: ['unknown'],
    intendedUse: limitText(
      `Not stated in the ${facts.format} model; replace with the device's intended use.${described}`,
      20_000,
    ),
    deviceTypes: ['software-only'],
    clinicalFunctions: [
      {
        id: functionId,
        name: 'Clinical function not stated in the source',
        category: 'therapy-delivery',
        description: 'Placeholder made by the import; replace it with the real clinical functions.',
      },
    ],
    patientContact: 'none',
    useEnvironments: ['home'],
    jurisdictions: { US: { class: 'III', pathway: 'pma' } },
  }
}

/** One review line saying which elements were given which owner, since no format says. */
export const reviewOwners = (
  elements: readonly Element[],
  notes: ImportNotes,
  why: string,
): void => {
  const byOwner = (owner: Element['owner']): string =>
    elements
      .filter((element) => element.owner === owner)
      .map((element) => element.id)
      .sort()
      .join(', ')
  const manufacturer = byOwner('manufacturer')
  const thirdParty = byOwner('third-party')
  if (manufacturer === '' && thirdParty === '') return
  notes.review(
    'elements',
    `owner is not in the source (${why}); set to ` +
      [
        manufacturer === '' ? undefined : `manufacturer for ${manufacturer}`,
        thirdParty === '' ? undefined : `third-party for the external entities ${thirdParty}`,
      ]
        .filter((part) => part !== undefined)
        .join(' and '),
  )
}

/** Review notes every import needs: facts no threat-modeling format records. */
export const reviewModelWideFacts = (notes: ImportNotes): void => {
  notes.review(
    'elements',
    'the source does not say which elements make up the medical device; partOfDevice follows each kind, so set it where that is wrong',
  )
  notes.review(
    'interfaces',
    'none imported; list every physical and logical interface of the device, used or not, with its status',
  )
}

export interface Protection {
  readonly encryption: DataFlow['encryption']
  readonly integrity: IntegrityProtection
}

const secure = (type: Encryption, mechanism?: string): Protection => ({
  encryption: mechanism === undefined ? { type } : { type, mechanism },
  integrity: 'mac',
})

/**
 * Protection a protocol name implies: TLS-family names give `tls`, SSH gives an application-layer
 * channel. A secure channel implies integrity, and `mac` is the least any of them gives.
 * Undefined when the name implies nothing.
 */
export const protectionOfProtocol = (protocol: string): Protection | undefined => {
  const name = protocol.toLowerCase()
  if (/\bdtls\b|coaps/.test(name)) return secure('dtls')
  if (
    /https|http\/s|\btls\b|\bssl\b|mtls|wss|mqtts|ftps|ldaps|amqps|smtps|imaps|pop3s/.test(name)
  ) {
    return secure('tls')
  }
  if (/\bsftp\b|\bscp\b|\bssh\b/.test(name)) return secure('application-layer', 'SSH')
  if (/ipsec/.test(name)) return secure('ipsec')
  if (/\bvpn\b|wireguard/.test(name)) return secure('vpn')
  return undefined
}

/** No protection: what medcyber assumes when the source says nothing. */
export const NO_PROTECTION: Protection = { encryption: { type: 'none' }, integrity: 'none' }

/** CVSS-scale need from a 0-100 rating (OTM): 0 none, up to 50 low, above high. */
export const needFromPercent = (value: unknown): SecurityNeed | undefined => {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined
  if (value <= 0) return 'none'
  return value <= 50 ? 'low' : 'high'
}

/**
 * The category an imported data asset gets: no format records the MITRE rubric's categories, so
 * anything confidential is treated as patient data (the cautious reading) until reviewed.
 */
export const placeholderCategory = (confidentiality: SecurityNeed): AssetCategory =>
  confidentiality === 'none' ? 'other' : 'phi'
