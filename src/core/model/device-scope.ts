import type { Element } from './architecture-schema.js'
import { DEVICE_ELEMENT_KINDS } from './vocabulary.js'

/** Whether an element is part of the medical device rather than a related or external system. */
export const isPartOfDevice = (element: Element): boolean =>
  element.partOfDevice ?? DEVICE_ELEMENT_KINDS.includes(element.kind)
