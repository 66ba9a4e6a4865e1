import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'

const VENDOR = path.join(PROJECT_ROOT, 'schema', 'vendor')

/** Each vendored file and the copy of the same upstream file in the shared test data. */
const COPIES: readonly [string, readonly string[]][] = [
  ...readdirSync(path.join(VENDOR, 'cyclonedx'))
    .filter((name) => name.endsWith('.json') || name.endsWith('.xsd'))
    .map((name): [string, readonly string[]] => [
      path.join('cyclonedx', name),
      ['cyclonedx-specification', 'schema', name],
    ]),
  [
    path.join('spdx', 'spdx-2.3.schema.json'),
    ['spdx-spec', 'v2.3.1', 'schemas', 'spdx-schema.json'],
  ],
  [
    path.join('spdx', 'spdx-3.0.1.schema.json'),
    ['spdx-spec', 'gh-pages', 'v3.0.1', 'rdf', 'schema.json'],
  ],
]

describe('the vendored official schemas', () => {
  it('are the files the readers load: JSON 1.2-1.7 and XSD 1.2-1.7, side schemas, SPDX 2.3 and 3.0.1', () => {
    expect(COPIES).toHaveLength(6 + 6 + 4 + 2)
  })

  it.each(COPIES)('%s is byte for byte the upstream file', (vendored, upstream) => {
    expect(
      readFileSync(path.join(VENDOR, vendored)).equals(readFileSync(testdataPath(...upstream))),
    ).toBe(true)
  })

  it('carry their licences', () => {
    expect(readFileSync(path.join(VENDOR, 'cyclonedx', 'LICENSE'), 'utf8')).toContain(
      'Apache License',
    )
    expect(readFileSync(path.join(VENDOR, 'spdx', 'LICENSE'), 'utf8')).toContain(
      'Community Specification License 1.0',
    )
    expect(readFileSync(path.join(VENDOR, 'README.md'), 'utf8')).toContain(
      'e02a34ae42a48239f54e04f75280b9000b29f1fb',
    )
  })
})
