import { describe, expect, it } from 'vitest'

import { compareVersions, parseVersionKey } from './version-key.js'

// Rules from NuGet's "Package versioning" documentation and NuGet.Versioning's VersionComparer.
describe('NuGet order', () => {
  it('treats missing parts as 0, including the fourth (revision) part', () => {
    expect(compareVersions('nuget', '1.0', '1.0.0.0')).toBe(0)
    expect(compareVersions('nuget', '1.0.0.1', '1.0.0')).toBe(1)
    expect(compareVersions('nuget', '1.0.0.1', '1.0.1')).toBe(-1)
  })

  it('compares release labels ignoring case', () => {
    expect(compareVersions('nuget', '1.0.0-BETA', '1.0.0-beta')).toBe(0)
    expect(compareVersions('nuget', '1.0.0-Alpha', '1.0.0-beta')).toBe(-1)
  })

  it('orders pre-releases before the release, numeric labels by value and before text', () => {
    expect(compareVersions('nuget', '1.0.0-rc.1', '1.0.0')).toBe(-1)
    expect(compareVersions('nuget', '1.0.0-beta.10', '1.0.0-beta.9')).toBe(1)
    expect(compareVersions('nuget', '1.0.0-beta.9', '1.0.0-beta.x')).toBe(-1)
    expect(compareVersions('nuget', '1.0.0-beta', '1.0.0-beta.1')).toBe(-1)
  })

  it('reads labels too long for Int32 as text, and ignores metadata', () => {
    expect(compareVersions('nuget', '1.0.0-2147483648', '1.0.0-a')).toBe(-1)
    expect(compareVersions('nuget', '1.0.0-2147483648', '1.0.0-99')).toBe(1)
    expect(compareVersions('nuget', '1.0.0+abc', '1.0.0+def')).toBe(0)
  })

  it('rejects non-versions', () => {
    expect(parseVersionKey('nuget', '1.0.0.0.0')).toBeUndefined()
    expect(parseVersionKey('nuget', 'v1.0')).toBeUndefined()
  })
})
