import { describe, expect, it } from 'vitest'

import { findEntry, idOf } from './model-entries.js'
import {
  changeCount,
  currentLists,
  deleteBoundary,
  deleteElement,
  editsBody,
  NO_EDITS,
  putEntry,
  removeEntry,
  setBoundaryParent,
  setElementBoundary,
} from './pending-edits.js'
import { element, flow, smallModel } from './test-model.js'

const base = smallModel()

describe('putEntry and removeEntry', () => {
  it('replaces an entry in place and appends a new one', () => {
    let pending = putEntry(base, NO_EDITS, 'elements', { ...element('pump'), name: 'Pump' })
    pending = putEntry(base, pending, 'elements', element('cloud'))
    const lists = currentLists(base, pending)
    expect(lists.elements.map(idOf)).toEqual(['pump', 'radio', 'app', 'cloud'])
    expect(findEntry(lists.elements, 'pump')?.name).toBe('Pump')
    expect(changeCount(pending)).toBe(2)
  })

  it('forgets an edit that brings the entry back to what is saved, whatever the key order', () => {
    const edited = putEntry(base, NO_EDITS, 'elements', { ...element('pump'), name: 'Pump' })
    const { name: _name, ...rest } = element('pump')
    const back = putEntry(base, edited, 'elements', { ...rest, name: 'pump name' })
    expect(changeCount(back)).toBe(0)
  })

  it('forgets a new entry that is removed, and removes a saved one', () => {
    const added = putEntry(base, NO_EDITS, 'elements', element('cloud'))
    expect(changeCount(removeEntry(base, added, 'elements', 'cloud'))).toBe(0)
    const removed = removeEntry(base, NO_EDITS, 'elements', 'radio')
    expect(currentLists(base, removed).elements.map(idOf)).toEqual(['pump', 'app'])
  })
})

describe('deleteElement', () => {
  it('takes its flows, its place in boundaries and in intermediaries with it', () => {
    const pending = deleteElement(base, NO_EDITS, 'radio')
    const lists = currentLists(base, pending)
    expect(lists.elements.map(idOf)).toEqual(['pump', 'app'])
    expect(lists.dataFlows.map(idOf)).toEqual(['bolus', 'status'])
    expect(findEntry(lists.dataFlows, 'bolus')).not.toHaveProperty('intermediaries')
    expect(findEntry(lists.trustBoundaries, 'enclosure')?.elements).toEqual(['pump'])
  })

  it('keeps a boundary that becomes empty, with an empty list', () => {
    const pending = deleteElement(base, NO_EDITS, 'app')
    expect(findEntry(currentLists(base, pending).trustBoundaries, 'body')?.elements).toEqual([])
  })
})

describe('deleteBoundary', () => {
  it('removes it from its parent; the parent loses its now empty list', () => {
    const pending = deleteBoundary(base, NO_EDITS, 'enclosure')
    const lists = currentLists(base, pending)
    expect(lists.trustBoundaries.map(idOf)).toEqual(['body'])
    expect(findEntry(lists.trustBoundaries, 'body')).not.toHaveProperty('boundaries')
  })
})

describe('moving into boundaries', () => {
  it('moves an element from one boundary to another', () => {
    const pending = setElementBoundary(base, NO_EDITS, 'radio', 'body')
    const lists = currentLists(base, pending)
    expect(findEntry(lists.trustBoundaries, 'enclosure')?.elements).toEqual(['pump'])
    expect(findEntry(lists.trustBoundaries, 'body')?.elements).toEqual(['app', 'radio'])
  })

  it('moves an element out of every boundary', () => {
    const pending = setElementBoundary(base, NO_EDITS, 'app', undefined)
    expect(findEntry(currentLists(base, pending).trustBoundaries, 'body')?.elements).toEqual([])
  })

  it('makes a nested boundary top-level and nests it again', () => {
    const out = setBoundaryParent(base, NO_EDITS, 'enclosure', undefined)
    expect(findEntry(currentLists(base, out).trustBoundaries, 'body')).not.toHaveProperty(
      'boundaries',
    )
    // Back where it was saved: no change left.
    expect(changeCount(setBoundaryParent(base, out, 'enclosure', 'body'))).toBe(0)
  })
})

describe('editsBody', () => {
  it('sends puts and removes ordered by list then id, with layout and trimmed reason', () => {
    let pending = putEntry(base, NO_EDITS, 'dataFlows', flow('zeta', 'app', 'pump'))
    pending = putEntry(base, pending, 'dataFlows', flow('alpha', 'pump', 'app'))
    pending = removeEntry(base, pending, 'elements', 'radio')
    const body = editsBody(pending, { positions: { pump: { x: 1, y: 2 } } }, '  new BLE path ')
    expect(
      body.edits.map((edit) =>
        edit.op === 'put' ? `put ${String(edit.entry.id)}` : `remove ${edit.id}`,
      ),
    ).toEqual(['remove radio', 'put alpha', 'put zeta'])
    expect(body.layout).toEqual({ positions: { pump: { x: 1, y: 2 } } })
    expect(body.reason).toBe('new BLE path')
  })

  it('leaves out the layout and an empty reason', () => {
    const body = editsBody(NO_EDITS, undefined, '   ')
    expect(body).toEqual({ edits: [] })
  })
})
