import { visit } from 'jsonc-parser'

import type { DocumentPath } from '../../core/index.js'

/** 1-based line and column where a value starts in its JSON text. */
export interface TextPlace {
  readonly line: number
  readonly column: number
}

/** The wanted paths as a tree: one branch per path step, `wanted` where a wanted path ends. */
interface PathNode {
  readonly next: Map<string | number, PathNode>
  wanted: boolean
  place?: TextPlace
}

/** An object or array being read: the wanted paths below it, and the key of its next value. */
interface Frame {
  readonly node: PathNode | undefined
  readonly isArray: boolean
  nextIndex: number
  nextKey: string
}

const pathNode = (): PathNode => ({ next: new Map(), wanted: false })

/** Thrown to end the scan early once every wanted path has been placed; never leaves here. */
class AllPlaced extends Error {}

/**
 * Where each of `paths` starts in `text` (JSON), read in one pass with jsonc-parser's scanner,
 * without building the document: schema errors come from the parsed value, which has no
 * positions, and people need lines. Paths not in the text are left out of the answer. Subtrees
 * that hold no wanted path are scanned without callbacks, and the scan stops once every path is
 * placed, so problems near the top of a large file cost little. Paths past a nesting deeper
 * than the stack allows stay unplaced.
 */
export const placesOfPaths = (
  text: string,
  paths: readonly DocumentPath[],
): ((path: DocumentPath) => TextPlace | undefined) => {
  const root = pathNode()
  let wanted = 0
  for (const path of paths) {
    let node = root
    for (const step of path) {
      let child = node.next.get(step)
      if (child === undefined) {
        child = pathNode()
        node.next.set(step, child)
      }
      node = child
    }
    if (!node.wanted) wanted += 1
    node.wanted = true
  }
  let placed = 0
  const frames: Frame[] = []
  /** The node of the value starting here, its place recorded if it is wanted. */
  const valueStarts = (line: number, character: number): PathNode | undefined => {
    const frame = frames.at(-1)
    let node: PathNode | undefined = root
    if (frame !== undefined) {
      const key = frame.isArray ? frame.nextIndex++ : frame.nextKey
      node = frame.node?.next.get(key)
    }
    if (node?.wanted === true && node.place === undefined) {
      node.place = { line: line + 1, column: character + 1 }
      placed += 1
      if (placed === wanted) throw new AllPlaced()
    }
    return node
  }
  const begins =
    (isArray: boolean) =>
    (_offset: number, _length: number, line: number, character: number): boolean => {
      const node = valueStarts(line, character)
      frames.push({ node, isArray, nextIndex: 0, nextKey: '' })
      // No wanted path below: jsonc-parser scans the subtree without calling back, then ends it.
      return node !== undefined && node.next.size > 0
    }
  const ends = (): void => {
    frames.pop()
  }
  if (wanted > 0) {
    try {
      visit(text, {
        onObjectBegin: begins(false),
        onArrayBegin: begins(true),
        onObjectEnd: ends,
        onArrayEnd: ends,
        onObjectProperty: (property) => {
          const frame = frames.at(-1)
          if (frame !== undefined) frame.nextKey = property
        },
        onLiteralValue: (_value, _offset, _length, line, character) => {
          valueStarts(line, character)
        },
      })
    } catch (error) {
      // jsonc-parser descends recursively: nesting deeper than the stack ends the scan there,
      // with the places found so far (JSON.parse, which read the same text, does not recurse).
      if (!(error instanceof AllPlaced) && !(error instanceof RangeError)) throw error
    }
  }
  return (path) => {
    let node: PathNode | undefined = root
    for (const step of path) node = node?.next.get(step)
    return node?.place
  }
}
