import { describe, expect, test } from 'vitest'

import { entryForRelease, entryForScope, sameReleases } from './assessment-scopes.js'

interface Entry {
  readonly status: string
  readonly releases?: readonly string[]
}

const everyRelease: Entry = { status: 'not_affected' }
const oldOnes: Entry = { status: 'affected', releases: ['3.2.4', '3.1.0'] }
const newest: Entry = { status: 'fixed', releases: ['4.0.0'] }

describe('release scopes', () => {
  test('absent and empty are both every release; order does not matter', () => {
    expect(sameReleases(undefined, [])).toBe(true)
    expect(sameReleases(['a', 'b'], ['b', 'a'])).toBe(true)
    expect(sameReleases(['a'], ['a', 'b'])).toBe(false)
  })

  test('the entry a save replaces has exactly the scope', () => {
    const entries = [everyRelease, oldOnes, newest]
    expect(entryForScope(entries, [])).toBe(everyRelease)
    expect(entryForScope(entries, ['3.1.0', '3.2.4'])).toBe(oldOnes)
    expect(entryForScope(entries, ['3.2.4'])).toBeUndefined()
  })

  test("a release's own entry decides before the one for every release", () => {
    const entries = [everyRelease, oldOnes, newest]
    expect(entryForRelease(entries, '3.2.4')).toBe(oldOnes)
    expect(entryForRelease(entries, '4.0.0')).toBe(newest)
    expect(entryForRelease(entries, '5.0.0')).toBe(everyRelease)
    expect(entryForRelease([oldOnes], '5.0.0')).toBeUndefined()
  })
})
