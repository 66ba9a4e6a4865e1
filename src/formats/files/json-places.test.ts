import fc from 'fast-check'
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser'
import { describe, expect, it } from 'vitest'

import type { DocumentPath } from '../../core/index.js'
import { nearestPlacesOfPaths, placesOfPaths } from './json-places.js'

/** Every path to a value in `value`, the root included. */
const pathsIn = (value: unknown, prefix: DocumentPath = []): DocumentPath[] => {
  const below =
    value !== null && typeof value === 'object'
      ? Array.isArray(value)
        ? value.flatMap((item, index) => pathsIn(item, [...prefix, index]))
        : Object.entries(value).flatMap(([key, item]) => pathsIn(item, [...prefix, key]))
      : []
  return [prefix, ...below]
}

/** The reference: jsonc-parser's syntax tree (its other API), offset turned into line and column. */
const referencePlace = (text: string, tree: Node, path: DocumentPath) => {
  const node = findNodeAtLocation(tree, [...path])
  if (node === undefined) return undefined
  const before = text.slice(0, node.offset).split('\n')
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 }
}

describe('placesOfPaths', () => {
  it('places every path where the syntax tree puts its value, in any layout', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom(0, 1, 2, '\t'),
        fc.func(fc.boolean()),
        (value, indent, choose) => {
          const text = JSON.stringify(value, null, indent)
          const tree = parseTree(text)
          if (tree === undefined) throw new Error('JSON.stringify gave no JSON')
          const all = pathsIn(JSON.parse(text))
          const wanted = all.filter((path) => choose(path))
          const placeOf = placesOfPaths(text, wanted)
          for (const path of wanted) expect(placeOf(path)).toEqual(referencePlace(text, tree, path))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('places values by line and column, and leaves out paths the text does not hold', () => {
    const text =
      '{\n  "components": [\n    { "name": "a" },\n    {\n      "name": "b"\n    }\n  ]\n}'
    const placeOf = placesOfPaths(text, [
      ['components', 1, 'name'],
      ['components', 0],
      ['components', 2],
      ['other'],
    ])
    expect(placeOf(['components', 1, 'name'])).toEqual({ line: 5, column: 15 })
    expect(placeOf(['components', 0])).toEqual({ line: 3, column: 5 })
    expect(placeOf(['components', 2])).toBeUndefined()
    expect(placeOf(['other'])).toBeUndefined()
  })

  it('places values below a nesting deeper than a recursive descent could follow', () => {
    const depth = 1_000_000
    const text = `[1, ${'['.repeat(depth)}${']'.repeat(depth)}]`
    const deep = [1, ...Array.from({ length: 100_000 }, () => 0)]
    const placeOf = placesOfPaths(text, [[0], deep, ['missing']])
    expect(placeOf([0])).toEqual({ line: 1, column: 2 })
    expect(placeOf(deep)).toEqual({ line: 1, column: 5 + 100_000 })
    expect(placeOf(['missing'])).toBeUndefined()
  })
})

describe('nearestPlacesOfPaths', () => {
  const text = '{\n  "items": [\n    { "name": "a" },\n    {\n      "kind": "b"\n    }\n  ]\n}'

  it('places a missing step where the syntax tree puts the value that lacks it', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent)
        const tree = parseTree(text)
        if (tree === undefined) throw new Error('JSON.stringify gave no JSON')
        const all = pathsIn(JSON.parse(text))
        const missing = all.map((path) => [...path, 'no such key \u0000', 0])
        const placeOf = nearestPlacesOfPaths(text, missing)
        all.forEach((path, index) => {
          expect(placeOf(missing[index] ?? [])).toEqual(referencePlace(text, tree, path))
        })
      }),
      { numRuns: 300 },
    )
  })

  it('places a path the text has at its own value', () => {
    expect(nearestPlacesOfPaths(text, [['items', 0, 'name']])(['items', 0, 'name'])).toEqual({
      line: 3,
      column: 15,
    })
  })

  it('places a path the text lacks at the nearest value that encloses it', () => {
    const paths = [
      ['items', 1, 'name'],
      ['items', 1, 'kind', 'deeper'],
      ['items', 5, 'name'],
      ['other', 'name'],
    ]
    const placeOf = nearestPlacesOfPaths(text, paths)
    expect(paths.map((path) => placeOf(path))).toEqual([
      { line: 4, column: 5 },
      { line: 5, column: 15 },
      { line: 2, column: 12 },
      { line: 1, column: 1 },
    ])
  })

  it('finds the enclosing value below any nesting', () => {
    const depth = 100_000
    const text = `${'['.repeat(depth)}{"a": 1}${']'.repeat(depth)}`
    const object = Array.from({ length: depth }, () => 0)
    expect(nearestPlacesOfPaths(text, [[...object, 'b']])([...object, 'b'])).toEqual({
      line: 1,
      column: depth + 1,
    })
  })
})
