import { describe, expect, it } from 'vitest'

import { osvPackageKey, packageKeyString, purlIdentity } from './package-key.js'

describe('package keys', () => {
  it.each([
    ['pkg:pypi/Django_Rest.Framework@3.0', 'PyPI', 'django-rest-framework', '3.0'],
    [
      'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      'Maven',
      'org.apache.logging.log4j:log4j-core',
      '2.14.1',
    ],
    ['pkg:npm/%40angular/core@16.0.0', 'npm', '@angular/core', '16.0.0'],
    ['pkg:golang/github.com/gin-gonic/gin@v1.9.0', 'Go', 'github.com/gin-gonic/gin', 'v1.9.0'],
    ['pkg:nuget/Newtonsoft.Json@12.0.1', 'NuGet', 'newtonsoft.json', '12.0.1'],
    [
      'pkg:deb/debian/openssl@1.1.1n-0+deb11u3?distro=debian-11',
      'Debian',
      'openssl',
      '1.1.1n-0+deb11u3',
    ],
  ])('%s meets OSV records by ecosystem and normalized name', (purl, ecosystem, name, version) => {
    expect(purlIdentity(purl)).toMatchObject({ key: { ecosystem, name }, version })
  })

  it('takes the distribution release from the distro qualifier', () => {
    expect(purlIdentity('pkg:deb/debian/openssl@1.1.1n?distro=debian-11')?.release).toBe('11')
  })

  it('matches an OSV package written with another spelling of the same name', () => {
    const component = purlIdentity('pkg:pypi/pillow@9.0.0')
    expect(component && packageKeyString(component.key)).toBe(
      packageKeyString(osvPackageKey('PyPI', 'Pillow')),
    )
    expect(packageKeyString(osvPackageKey('Debian:12', 'OpenSSL'))).toBe(
      packageKeyString(osvPackageKey('Debian', 'openssl')),
    )
  })

  it('leaves generic and malformed purls to the CPE and name paths', () => {
    expect(purlIdentity('pkg:generic/openssl@1.0.2k')).toBeUndefined()
    expect(purlIdentity('not a purl')).toBeUndefined()
  })
})
