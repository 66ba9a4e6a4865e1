import type { Entry, ModelLists } from './model-entries.js'

/** A small model for the editor's tests: a pump and its radio in an enclosure, a phone app. */
export const element = (id: string, extra: Entry = {}): Entry => ({
  id,
  name: `${id} name`,
  kind: 'device',
  owner: 'manufacturer',
  ...extra,
})

export const flow = (id: string, from: string, to: string, extra: Entry = {}): Entry => ({
  id,
  name: `${id} name`,
  from,
  to,
  protocol: 'BLE',
  payload: ['data'],
  authentication: { type: 'none' },
  encryption: { type: 'none' },
  integrity: 'none',
  replayProtection: false,
  ...extra,
})

export const boundary = (
  id: string,
  elements: readonly string[],
  boundaries?: readonly string[],
): Entry => ({
  id,
  name: `${id} name`,
  kind: 'physical',
  elements,
  ...(boundaries === undefined ? {} : { boundaries }),
})

export const smallModel = (): ModelLists => ({
  elements: [element('pump'), element('radio'), element('app', { kind: 'mobile-app' })],
  dataFlows: [
    flow('bolus', 'app', 'pump', { intermediaries: ['radio'] }),
    flow('status', 'pump', 'app'),
    flow('spi', 'radio', 'pump'),
  ],
  trustBoundaries: [
    boundary('body', ['app'], ['enclosure']),
    boundary('enclosure', ['pump', 'radio']),
  ],
})
