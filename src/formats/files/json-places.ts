import { createScanner } from 'jsonc-parser'

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
  readonly node: PathNode
  readonly isArray: boolean
  nextIndex: number
  nextKey: string
  /** In an object, after `{` or `,`: the next string is a key, not a value. */
  keyNext: boolean
}

const pathNode = (): PathNode => ({ next: new Map(), wanted: false })

// jsonc-parser's SyntaxKind is a const enum, which isolatedModules cannot read; its values.
const OPEN_BRACE = 1
const CLOSE_BRACE = 2
const OPEN_BRACKET = 3
const CLOSE_BRACKET = 4
const COMMA = 5
const COLON = 6
const STRING = 10
const EOF = 17

/**
 * The wanted paths as a tree, and how many of its nodes are wanted: where each path ends, and
 * with `enclosing` every node on the way there too (the root included).
 */
const pathTree = (
  paths: readonly DocumentPath[],
  enclosing: boolean,
): { root: PathNode; wanted: number } => {
  const root = pathNode()
  let wanted = 0
  const want = (node: PathNode): void => {
    if (!node.wanted) wanted += 1
    node.wanted = true
  }
  for (const path of paths) {
    let node = root
    for (const step of path) {
      if (enclosing) want(node)
      let child = node.next.get(step)
      if (child === undefined) {
        child = pathNode()
        node.next.set(step, child)
      }
      node = child
    }
    want(node)
  }
  return { root, wanted }
}

/**
 * The tree, each wanted node the text has given its place: the tokens are followed with an
 * explicit stack, not recursion, so any nesting JSON.parse read is read here too.
 */
const placedTree = (text: string, { root, wanted }: ReturnType<typeof pathTree>): PathNode => {
  const scanner = createScanner(text, true)
  const frames: Frame[] = []
  let placed = 0
  /** How deep the scan is inside a subtree that holds no wanted path. */
  let skipping = 0
  /** The node of the value starting at the current token, its place recorded if it is wanted. */
  const valueStarts = (): PathNode | undefined => {
    const frame = frames.at(-1)
    const node =
      frame === undefined
        ? root
        : frame.node.next.get(frame.isArray ? frame.nextIndex++ : frame.nextKey)
    if (node?.wanted === true && node.place === undefined) {
      node.place = {
        line: scanner.getTokenStartLine() + 1,
        column: scanner.getTokenStartCharacter() + 1,
      }
      placed += 1
    }
    return node
  }
  const begins = (isArray: boolean): void => {
    const node = valueStarts()
    if (node === undefined || node.next.size === 0) skipping = 1
    else frames.push({ node, isArray, nextIndex: 0, nextKey: '', keyNext: !isArray })
  }
  /** A token outside skipped subtrees: a key, a separator or a value that is no object or array. */
  const other = (token: number): void => {
    const frame = frames.at(-1)
    if (token === COLON) return
    if (token === COMMA) {
      if (frame !== undefined) frame.keyNext = !frame.isArray
    } else if (token === STRING && frame?.keyNext === true) {
      frame.nextKey = scanner.getTokenValue()
      frame.keyNext = false
    } else {
      valueStarts()
    }
  }
  // A number, not jsonc-parser's SyntaxKind: the constants above stand for its members.
  for (
    let token: number = scanner.scan();
    token !== EOF && placed < wanted;
    token = scanner.scan()
  ) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (skipping > 0) skipping += 1
      else begins(token === OPEN_BRACKET)
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      if (skipping > 0) skipping -= 1
      else frames.pop()
    } else if (skipping === 0) {
      other(token)
    }
  }
  return root
}

/**
 * Where each of `paths` starts in `text` (JSON), read in one pass with jsonc-parser's scanner,
 * without building the document: schema errors come from the parsed value, which has no
 * positions, and people need lines. Paths not in the text are left out of the answer. Subtrees
 * that hold no wanted path are only counted through, and the scan stops once every path is
 * placed, so problems near the top of a large file cost little; no nesting is too deep.
 */
export const placesOfPaths = (
  text: string,
  paths: readonly DocumentPath[],
): ((path: DocumentPath) => TextPlace | undefined) => {
  const root = placedTree(text, pathTree(paths, false))
  return (path) => {
    let node: PathNode | undefined = root
    for (const step of path) node = node?.next.get(step)
    return node?.place
  }
}

/**
 * Like `placesOfPaths`, but a path the text lacks gets the place of its nearest enclosing value
 * that the text has (the root included): an issue about a missing `id` is then shown at the
 * object that should hold it, instead of nowhere.
 */
export const nearestPlacesOfPaths = (
  text: string,
  paths: readonly DocumentPath[],
): ((path: DocumentPath) => TextPlace | undefined) => {
  const root = placedTree(text, pathTree(paths, true))
  return (path) => {
    let node: PathNode | undefined = root
    let place = root.place
    for (const step of path) {
      node = node?.next.get(step)
      place = node?.place ?? place
    }
    return place
  }
}
