import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { testdataPath } from '../../../../test/support/testdata.js'
import { versionFamilyOfEcosystem, versionFamilyOfPurlType } from './version-family.js'

describe('version family of an OSV ecosystem', () => {
  it.each([
    ['npm', 'semver'],
    ['crates.io', 'semver'],
    ['Hex', 'semver'],
    ['Pub', 'semver'],
    ['Go', 'go'],
    ['NuGet', 'nuget'],
    ['PyPI', 'pypi'],
    ['Maven', 'maven'],
    ['Maven:https://maven.google.com', 'maven'],
    ['Debian', 'debian'],
    ['Debian:12', 'debian'],
    ['Ubuntu:22.04:LTS', 'debian'],
    ['Ubuntu:Pro:18.04:LTS', 'debian'],
    ['Alpine:v3.20', 'alpine'],
    ['Wolfi', 'alpine'],
    ['Root:Alpine:3.18', 'alpine'],
    ['Root:PyPI', 'pypi'],
    ['Red Hat:rhel_aus:8.4::appstream', 'rpm'],
    ['Rocky Linux:9', 'rpm'],
    ['AlmaLinux:8', 'rpm'],
    ['SUSE:Linux Enterprise Server 15 SP5', 'rpm'],
    ['openSUSE:Tumbleweed', 'rpm'],
    ['RubyGems', 'rubygems'],
    ['Packagist', 'generic'],
    ['Packagist:https://packages.drupal.org/8', 'generic'],
    ['Linux', 'generic'],
    ['constructor', 'generic'],
    ['', 'generic'],
  ] as const)('%s -> %s', (ecosystem, family) => {
    expect(versionFamilyOfEcosystem(ecosystem)).toBe(family)
  })

  it('knows every ecosystem named in osv-schema that has a known order', () => {
    // ecosystems.json of ossf/osv-schema: a name-to-description map.
    const names = Object.keys(
      JSON.parse(readFileSync(testdataPath('osv-schema', 'ecosystems.json'), 'utf8')) as object,
    )
    const mapped = names.filter((name) => versionFamilyOfEcosystem(name) !== 'generic')
    expect(mapped).toEqual(
      expect.arrayContaining([
        'npm',
        'PyPI',
        'Maven',
        'Go',
        'NuGet',
        'Debian',
        'Ubuntu',
        'Alpine',
        'Red Hat',
        'Rocky Linux',
        'AlmaLinux',
        'SUSE',
        'openSUSE',
        'RubyGems',
        'crates.io',
        'Hex',
        'Pub',
      ]),
    )
  })
})

describe('version family of a purl type', () => {
  it.each([
    ['npm', 'semver'],
    ['cargo', 'semver'],
    ['golang', 'go'],
    ['nuget', 'nuget'],
    ['pypi', 'pypi'],
    ['maven', 'maven'],
    ['deb', 'debian'],
    ['rpm', 'rpm'],
    ['apk', 'alpine'],
    ['gem', 'rubygems'],
    ['composer', 'generic'],
    ['generic', 'generic'],
  ] as const)('pkg:%s -> %s', (type, family) => {
    expect(versionFamilyOfPurlType(type)).toBe(family)
  })
})
