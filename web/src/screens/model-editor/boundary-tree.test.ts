import { describe, expect, it } from 'vitest'

import { boundaryTree, depthOf, homeBoundaryOf, possibleParents, rootsOf } from './boundary-tree.js'
import { boundary } from './test-model.js'

describe('boundaryTree', () => {
  const tree = boundaryTree([
    boundary('site', ['gateway'], ['ward', 'missing']),
    boundary('ward', ['monitor', 'gateway'], ['bed']),
    boundary('bed', ['pump']),
    boundary('cloud', ['api']),
  ])

  it('nests boundaries and ignores unknown ids', () => {
    expect(rootsOf(tree)).toEqual(['site', 'cloud'])
    expect(tree.childrenOf.get('site')).toEqual(['ward'])
    expect(depthOf(tree, 'bed')).toBe(2)
  })

  it('puts an element listed twice in the deeper boundary', () => {
    expect(homeBoundaryOf(tree, 'gateway')).toBe('ward')
    expect(homeBoundaryOf(tree, 'pump')).toBe('bed')
    expect(homeBoundaryOf(tree, 'nowhere')).toBeUndefined()
  })

  it('offers as parents only boundaries outside the moved one', () => {
    expect(possibleParents(tree, 'ward')).toEqual(['site', 'cloud'])
  })

  it('stops at a cycle instead of looping', () => {
    const cyclic = boundaryTree([boundary('a', [], ['b']), boundary('b', [], ['a', 'b'])])
    expect(cyclic.parentOf.get('b')).toBe('a')
    expect(cyclic.parentOf.has('a')).toBe(false)
    expect(depthOf(cyclic, 'b')).toBe(1)
  })
})
