import { describe, expect, test } from 'vitest'

import { addTypedIds, toggleId } from './id-list.js'

describe('addTypedIds', () => {
  test('adds new ids once, at the end', () => {
    expect(addTypedIds(['a'], 'b, c  a b')).toEqual({ list: ['a', 'b', 'c'], rejected: [] })
  })

  test('sets apart what cannot be a model id', () => {
    expect(addTypedIds([], 'hs-overdose Bad_Id -x')).toEqual({
      list: ['hs-overdose'],
      rejected: ['Bad_Id', '-x'],
    })
  })
})

describe('toggleId', () => {
  test('on adds once, off removes', () => {
    expect(toggleId(['a'], 'b', true)).toEqual(['a', 'b'])
    expect(toggleId(['a', 'b'], 'b', true)).toEqual(['a', 'b'])
    expect(toggleId(['a', 'b'], 'a', false)).toEqual(['b'])
  })
})
