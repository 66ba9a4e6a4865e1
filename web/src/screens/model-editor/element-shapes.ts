/**
 * How an element is drawn, from its kind, after data-flow-diagram custom: external entities as
 * plain boxes, processes (apps and services) rounded, data stores open at the sides; the
 * medical device and its parts stand out, since the analysis is about them.
 */
export const ELEMENT_SHAPES = ['device', 'process', 'store', 'network', 'external'] as const
export type ElementShape = (typeof ELEMENT_SHAPES)[number]

const SHAPE_OF_KIND: Readonly<Record<string, ElementShape>> = {
  device: 'device',
  'device-component': 'device',
  accessory: 'device',
  'data-store': 'store',
  'network-infrastructure': 'network',
  'external-entity': 'external',
}

export const shapeOf = (kind: string): ElementShape => SHAPE_OF_KIND[kind] ?? 'process'
