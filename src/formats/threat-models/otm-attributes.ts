import {
  ASSET_CATEGORIES,
  ASSET_KINDS,
  COMPENSATING_CONTROL_TYPES,
  CONTROL_CATEGORIES,
  CONTROL_KINDS,
  CONTROL_STATUSES,
  CREDENTIAL_KINDS,
  ELEMENT_KINDS,
  ENCRYPTIONS,
  FLOW_AUTHENTICATIONS,
  INTEGRITY_PROTECTIONS,
  OWNERS,
  PAYLOAD_KINDS,
  SECURITY_CAPABILITIES,
  TRUST_BOUNDARY_KINDS,
  type DataFlow,
} from '../../core/index.js'
import { fieldOf, isRecord, listOf, textOf } from './source-data.js'

/**
 * OTM has no place for most medcyber facts, but every OTM object has free `attributes`. The
 * export keeps the facts an import needs to rebuild the same model under `attributes.medcyber`;
 * other OTM tools ignore them, and the import reads them back only when every value is valid.
 */
export const MEDCYBER_ATTRIBUTE = 'medcyber'

/** The medcyber attributes of an OTM object, or an empty record. */
export const medcyberAttributes = (item: unknown): Readonly<Record<string, unknown>> => {
  const value = fieldOf(fieldOf(item, 'attributes'), MEDCYBER_ATTRIBUTE)
  return isRecord(value) ? value : {}
}

/** A value of a closed set, or undefined. */
export const oneOf = <const T extends readonly string[]>(
  value: unknown,
  allowed: T,
): T[number] | undefined => allowed.find((item) => item === value)

const allOf = <const T extends readonly string[]>(
  value: unknown,
  allowed: T,
): T[number][] | undefined => {
  const written = listOf(value)
  const items = written.flatMap((item) => {
    const known = oneOf(item, allowed)
    return known === undefined ? [] : [known]
  })
  return items.length > 0 && items.length === written.length && new Set(items).size === items.length
    ? items
    : undefined
}

const shortText = (value: unknown, max: number): string | undefined => {
  const text = textOf(value)
  return text !== undefined && text.length <= max ? text : undefined
}

export const elementKindOf = (value: unknown) => oneOf(value, ELEMENT_KINDS)
export const ownerOf = (value: unknown) => oneOf(value, OWNERS)
export const boundaryKindOf = (value: unknown) => oneOf(value, TRUST_BOUNDARY_KINDS)
export const assetKindOf = (value: unknown) => oneOf(value, ASSET_KINDS)
export const assetCategoryOf = (value: unknown) => oneOf(value, ASSET_CATEGORIES)
export const controlCategoryOf = (value: unknown) => oneOf(value, CONTROL_CATEGORIES)
export const controlKindOf = (value: unknown) => oneOf(value, CONTROL_KINDS)
export const controlStatusOf = (value: unknown) => oneOf(value, CONTROL_STATUSES)
export const compensatingTypeOf = (value: unknown) => oneOf(value, COMPENSATING_CONTROL_TYPES)
export const capabilitiesOf = (value: unknown) => allOf(value, SECURITY_CAPABILITIES)

const authenticationOf = (value: unknown): DataFlow['authentication'] | undefined => {
  const type = oneOf(fieldOf(value, 'type'), FLOW_AUTHENTICATIONS)
  if (type === undefined) return undefined
  const mechanism = shortText(fieldOf(value, 'mechanism'), 20_000)
  const credentials = oneOf(fieldOf(value, 'credentials'), CREDENTIAL_KINDS)
  return {
    type,
    ...(mechanism === undefined ? {} : { mechanism }),
    ...(credentials === undefined ? {} : { credentials }),
  }
}

const encryptionOf = (value: unknown): DataFlow['encryption'] | undefined => {
  const type = oneOf(fieldOf(value, 'type'), ENCRYPTIONS)
  if (type === undefined) return undefined
  const version = shortText(fieldOf(value, 'version'), 300)
  const mechanism = shortText(fieldOf(value, 'mechanism'), 20_000)
  return {
    type,
    ...(version === undefined ? {} : { version }),
    ...(mechanism === undefined ? {} : { mechanism }),
  }
}

/** How a flow is protected, as a medcyber export wrote it; undefined unless all of it is valid. */
export type FlowFacts = Pick<
  DataFlow,
  'protocol' | 'payload' | 'authentication' | 'encryption' | 'integrity' | 'replayProtection'
>

export const flowFactsOf = (
  attributes: Readonly<Record<string, unknown>>,
): FlowFacts | undefined => {
  const protocol = shortText(attributes['protocol'], 300)
  const payload = allOf(attributes['payload'], PAYLOAD_KINDS)
  const authentication = authenticationOf(attributes['authentication'])
  const encryption = encryptionOf(attributes['encryption'])
  const integrity = oneOf(attributes['integrity'], INTEGRITY_PROTECTIONS)
  const replayProtection = attributes['replayProtection']
  if (
    protocol === undefined ||
    payload === undefined ||
    authentication === undefined ||
    encryption === undefined ||
    integrity === undefined ||
    typeof replayProtection !== 'boolean'
  ) {
    return undefined
  }
  return { protocol, payload, authentication, encryption, integrity, replayProtection }
}

/** Positive whole numbers, such as CAPEC ids; undefined unless every item is one. */
export const positiveIntegersOf = (value: unknown): number[] | undefined => {
  const items = listOf(value)
  if (items.length === 0) return undefined
  return items.every((item) => typeof item === 'number' && Number.isInteger(item) && item > 0)
    ? [...new Set(items as number[])]
    : undefined
}
