import { describe, expect, it } from 'vitest'

import { compareVersions, parseVersionKey } from './version-key.js'

const less = (a: string, b: string): void => {
  expect(compareVersions('debian', a, b), `${a} < ${b}`).toBe(-1)
  expect(compareVersions('debian', b, a), `${b} > ${a}`).toBe(1)
}

// Debian Policy §5.6.12 "Version" and dpkg's deb-version(7).
describe('Debian (dpkg) order', () => {
  it('sorts ~ before everything, even the end of the part (Policy 5.6.12 example)', () => {
    const ordered = ['1.0~~', '1.0~~a', '1.0~', '1.0', '1.0a']
    for (let index = 1; index < ordered.length; index += 1) {
      less(ordered[index - 1] ?? '', ordered[index] ?? '')
    }
    less('1.0~rc1-1', '1.0-1')
  })

  it('sorts letters before other characters and compares digit runs as numbers', () => {
    less('1.0a', '1.0+')
    less('1.0+', '1.0.')
    less('1.9', '1.10')
    expect(compareVersions('debian', '1.01', '1.1')).toBe(0)
  })

  it('compares the epoch first, and a missing epoch or revision as 0', () => {
    less('2.0', '1:1.0')
    expect(compareVersions('debian', '0:1.0', '1.0')).toBe(0)
    expect(compareVersions('debian', '1.0', '1.0-0')).toBe(0)
    less('1.0', '1.0-1')
  })

  it('splits the revision at the last hyphen and orders security and backport builds', () => {
    less('1.2.3-1', '1.2.3-1+deb12u1')
    less('1.2.3-1+deb12u1', '1.2.3-2')
    less('1.2.3-2~bpo11+1', '1.2.3-2')
    less('1:2.38.1-5', '1:2.38.1-5+deb12u3')
    less('1.0-2-1', '1.0-10-1')
  })

  it('rejects what dpkg rejects as errors', () => {
    for (const text of ['', '1.0-', '1:', ':1.0', 'x:1.0', '1.0 2', '99999999999:1']) {
      expect(parseVersionKey('debian', text), JSON.stringify(text)).toBeUndefined()
    }
    // dpkg only warns about these and still orders them.
    expect(compareVersions('debian', 'a1.0', '1.0_2')).toBe(1)
  })
})
