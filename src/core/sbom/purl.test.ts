import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import fc from 'fast-check'
import { PackageURL } from 'packageurl-js'
import { describe, expect, it } from 'vitest'

import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import { isCanonicalPurl, normalizePurl } from './purl.js'

/** packageurl-js alone: the answer the shortcut for canonical purls must give. */
const reference = (text: string): string | undefined => {
  try {
    return PackageURL.fromString(text).toString()
  } catch {
    return undefined
  }
}

const ours = (text: string): string | undefined => {
  const result = normalizePurl(text)
  return result.ok ? result.value : undefined
}

const filesUnder = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })

const chunk = (alphabet: string, maxLength = 8, minLength = 0) =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength, maxLength })

/** Purl-like strings around the shortcut's grammar: cases, encodings, qualifiers in any order. */
const purlish = fc
  .tuple(
    fc.constantFrom(
      'npm',
      'pypi',
      'maven',
      'generic',
      'nuget',
      'deb',
      'golang',
      'github',
      'cargo',
      'conan',
      'Npm',
    ),
    fc.array(fc.oneof(chunk('abcXYZ019._-'), fc.constant('%40scope'), fc.constant('')), {
      maxLength: 3,
    }),
    chunk('abcXYZ019._-+~%@', 10),
    fc.option(chunk('0123abcvV.+-_~:!', 8)),
    fc.array(fc.tuple(chunk('abcz1._-', 5), chunk('abcZ0._-*%', 5)), { maxLength: 3 }),
  )
  .map(([type, namespace, name, version, qualifiers]) => {
    const query = qualifiers.map(([key, value]) => `${key}=${value}`).join('&')
    return `pkg:${type}/${[...namespace, name].join('/')}${version === null ? '' : `@${version}`}${query === '' ? '' : `?${query}`}`
  })

/** Mostly well-formed purls, so that many take the shortcut. */
const wellFormed = fc
  .tuple(
    fc.constantFrom(
      'npm',
      'pypi',
      'maven',
      'generic',
      'nuget',
      'deb',
      'github',
      'cargo',
      'gem',
      'composer',
      'golang',
    ),
    fc.array(fc.oneof(chunk('abc019.-', 6), fc.constant('%40scope'), chunk('AbC0_', 4)), {
      maxLength: 2,
    }),
    fc.oneof(chunk('abc019.-', 8), chunk('aB_1.', 6)),
    fc.option(
      fc.oneof(
        chunk('0123456789.+-abcRC', 8),
        // Go versions: packageurl-js checks that a `v` is followed by a SemVer version.
        fc.constantFrom('v1.2.3', 'v0.0.0-20200101000000-abcdefabcdef', 'v2.0.0+incompatible'),
        fc.constantFrom('v01.2.3', 'v1.2', 'v1.0.0-rc.01', 'v1.0.0-rc.1', 'v1.0.0-0a.1', 'V1.2.3'),
        chunk('v0123.+-a', 8),
      ),
    ),
    fc.uniqueArray(fc.tuple(chunk('abcz1.', 4), chunk('abcZ0.-', 4)), {
      maxLength: 2,
      selector: ([key]) => key,
    }),
  )
  .map(([type, namespace, name, version, qualifiers]) => {
    const query = [...qualifiers]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => `${key}=${value}`)
      .join('&')
    return `pkg:${type}/${[...namespace, name].join('/')}${version === null ? '' : `@${version}`}${query === '' ? '' : `?${query}`}`
  })

describe('purl normalization', () => {
  it('gives the canonical form of the purl specification', () => {
    expect(normalizePurl('pkg:pypi/Django_REST@3.0')).toEqual({
      ok: true,
      value: 'pkg:pypi/django-rest@3.0',
    })
    expect(normalizePurl('pkg:maven/g/a@1?type=jar&classifier=x')).toEqual({
      ok: true,
      value: 'pkg:maven/g/a@1?classifier=x&type=jar',
    })
    expect(normalizePurl('npm/left-pad').ok).toBe(false)
  })

  it('answers exactly as packageurl-js on generated purl-like strings', () => {
    let shortcuts = 0
    fc.assert(
      fc.property(fc.oneof(wellFormed, purlish), (text) => {
        if (isCanonicalPurl(text)) shortcuts += 1
        expect(ours(text)).toBe(reference(text))
      }),
      { numRuns: 20_000 },
    )
    // Both sides of the shortcut are exercised.
    expect(shortcuts).toBeGreaterThan(500)
    expect(shortcuts).toBeLessThan(19_000)
  })

  it('answers exactly as packageurl-js on every purl of the test data and the examples', () => {
    const files = [
      ...filesUnder(testdataPath('cyclonedx-bom-examples')),
      ...filesUnder(testdataPath('cyclonedx-specification', 'tools')),
      ...filesUnder(testdataPath('spdx-examples')),
      ...filesUnder(path.join(PROJECT_ROOT, 'examples')),
    ].filter((file) => /\.(json|xml|spdx)$/.test(file))
    const purls = new Set(
      files.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/pkg:[A-Za-z][^\s"<>]*/g)].map((match) =>
          match[0].replace(/&amp;/g, '&'),
        ),
      ),
    )
    expect(purls.size).toBeGreaterThan(1000)
    for (const purl of purls) expect(ours(purl), purl).toBe(reference(purl))
    expect([...purls].filter(isCanonicalPurl).length).toBeGreaterThan(purls.size / 2)
  })
})
