import type { ArchitectureList } from './model-entries.js'

/**
 * Ids of the diagram's nodes and edges. An element's node has the element's id (so a test or
 * a person reading the page finds `data-id="pump"`); boundaries share the node namespace with
 * elements and may reuse an element's id, so theirs are prefixed. Edges have the flow's id.
 */
const BOUNDARY_PREFIX = 'boundary:'

export const boundaryNodeId = (id: string): string => `${BOUNDARY_PREFIX}${id}`

/** The entry a node stands for. */
export const entryOfNode = (nodeId: string): { list: ArchitectureList; id: string } =>
  nodeId.startsWith(BOUNDARY_PREFIX)
    ? { list: 'trustBoundaries', id: nodeId.slice(BOUNDARY_PREFIX.length) }
    : { list: 'elements', id: nodeId }
