import type { Entry } from './model-entries.js'

/*
 * Entries made in the editor, valid against the model's schema as made: every required field
 * has a value. A new data flow starts as the weakest claim (no authentication, no encryption, no
 * integrity protection, no replay protection) so the threat analysis never credits a control
 * nobody entered; the user then states what the flow really has.
 */

export const newElement = (fields: {
  readonly id: string
  readonly name: string
  readonly kind: string
  readonly owner: string
}): Entry => ({ id: fields.id, name: fields.name, kind: fields.kind, owner: fields.owner })

export const newDataFlow = (fields: {
  readonly id: string
  readonly name: string
  readonly from: string
  readonly to: string
  readonly protocol: string
  readonly payload: readonly string[]
}): Entry => ({
  id: fields.id,
  name: fields.name,
  from: fields.from,
  to: fields.to,
  protocol: fields.protocol,
  payload: [...fields.payload],
  authentication: { type: 'none' },
  encryption: { type: 'none' },
  integrity: 'none',
  replayProtection: false,
})

export const newTrustBoundary = (fields: {
  readonly id: string
  readonly name: string
  readonly kind: string
}): Entry => ({ id: fields.id, name: fields.name, kind: fields.kind, elements: [] })

/** A name that reads in any language: `Aria app → Aria insulin pump`. */
export const suggestedFlowName = (fromName: string, toName: string): string =>
  fromName === '' || toName === '' ? '' : `${fromName} → ${toName}`
