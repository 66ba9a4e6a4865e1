import { idOf, refsOf, type Entry } from './model-entries.js'

/**
 * How trust boundaries nest, read from each boundary's `boundaries` list. The model's checks
 * refuse cycles and unknown ids, but the editor also draws models that are not valid yet, so
 * everything here ignores unknown ids and stops at a cycle instead of looping.
 */
export interface BoundaryTree {
  /** Boundary ids in list order. */
  readonly ids: readonly string[]
  readonly parentOf: ReadonlyMap<string, string>
  readonly childrenOf: ReadonlyMap<string, readonly string[]>
  /** Element ids each boundary lists itself (not those of nested boundaries). */
  readonly membersOf: ReadonlyMap<string, readonly string[]>
}

export const boundaryTree = (boundaries: readonly Entry[]): BoundaryTree => {
  const ids = boundaries.map(idOf)
  const known = new Set(ids)
  const parentOf = new Map<string, string>()
  const childrenOf = new Map<string, string[]>()
  const membersOf = new Map<string, readonly string[]>()
  for (const boundary of boundaries) {
    const id = idOf(boundary)
    membersOf.set(id, refsOf(boundary, 'elements'))
    const children: string[] = []
    for (const child of refsOf(boundary, 'boundaries')) {
      // A boundary listed by two parents stays with the first; a self-reference is dropped.
      if (!known.has(child) || child === id || parentOf.has(child)) continue
      if (isAncestor(parentOf, child, id)) continue
      parentOf.set(child, id)
      children.push(child)
    }
    childrenOf.set(id, children)
  }
  return { ids, parentOf, childrenOf, membersOf }
}

const isAncestor = (
  parentOf: ReadonlyMap<string, string>,
  candidate: string,
  of: string,
): boolean => {
  const seen = new Set<string>()
  for (let at: string | undefined = of; at !== undefined && !seen.has(at); at = parentOf.get(at)) {
    if (at === candidate) return true
    seen.add(at)
  }
  return false
}

export const depthOf = (tree: BoundaryTree, id: string): number => {
  let depth = 0
  for (let at = tree.parentOf.get(id); at !== undefined; at = tree.parentOf.get(at)) depth += 1
  return depth
}

export const rootsOf = (tree: BoundaryTree): readonly string[] =>
  tree.ids.filter((id) => !tree.parentOf.has(id))

/** The boundary and every boundary inside it, at any depth. */
export const subtreeOf = (tree: BoundaryTree, id: string): ReadonlySet<string> => {
  const found = new Set<string>()
  const visit = (at: string) => {
    if (found.has(at)) return
    found.add(at)
    for (const child of tree.childrenOf.get(at) ?? []) visit(child)
  }
  visit(id)
  return found
}

/** Boundaries a boundary may be moved into: not itself and nothing nested inside it. */
export const possibleParents = (tree: BoundaryTree, id: string): readonly string[] => {
  const inside = subtreeOf(tree, id)
  return tree.ids.filter((candidate) => !inside.has(candidate))
}

/**
 * The boundary an element sits in directly: the deepest boundary that lists it (an element
 * listed by a boundary and by one nested in it belongs to the nested one), else undefined.
 */
export const homeBoundaryOf = (tree: BoundaryTree, elementId: string): string | undefined => {
  let home: string | undefined
  let homeDepth = -1
  for (const id of tree.ids) {
    if (!(tree.membersOf.get(id) ?? []).includes(elementId)) continue
    const depth = depthOf(tree, id)
    if (depth > homeDepth) {
      home = id
      homeDepth = depth
    }
  }
  return home
}
