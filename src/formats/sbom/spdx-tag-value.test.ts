import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeIo } from '../../cli/node-io.js'
import { PROJECT_ROOT } from '../../../test/support/testdata.js'
import { readSbomBytes } from './read-sbom.js'
import { createSbomSchemas } from './sbom-schemas.js'
import { parseSpdxTagValue } from './spdx-tag-value.js'

const HEADER = `SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: pump-firmware
DocumentNamespace: https://example.com/spdx/pump-firmware-1.0
# creation
Creator: Organization: Northwind (psirt@example.com)
Creator: Tool: builder-2.0
Created: 2024-01-02T03:04:05Z
`

const PACKAGE = `
PackageName: freertos-kernel
SPDXID: SPDXRef-freertos
PackageVersion: 10.4.3
PackageSupplier: Organization: Amazon Web Services
PackageDownloadLocation: NOASSERTION
PackageComment: <text>Kernel of the
pump's main controller.</text>
ExternalRef: PACKAGE-MANAGER purl pkg:github/FreeRTOS/FreeRTOS-Kernel@V10.4.3
ValidUntilDate: 2027-12-31T00:00:00Z
Annotator: Person: Reviewer
AnnotationDate: 2024-01-03T00:00:00Z
AnnotationType: REVIEW
SPDXREF: SPDXRef-freertos
AnnotationComment: checked
Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-freertos
`

const schemas = createSbomSchemas(nodeIo().reader, path.join(PROJECT_ROOT, 'schema', 'vendor'))
const read = (text: string) => readSbomBytes(new TextEncoder().encode(text), 'sbom.spdx', schemas)

describe('SPDX tag-value', () => {
  it('reads values over several lines, comments, annotations and relationships into the JSON form', () => {
    const parsed = parseSpdxTagValue(HEADER + PACKAGE)
    expect(parsed.problems).toEqual([])
    expect(parsed.document).toMatchObject({
      spdxVersion: 'SPDX-2.3',
      creationInfo: {
        creators: ['Organization: Northwind (psirt@example.com)', 'Tool: builder-2.0'],
        created: '2024-01-02T03:04:05Z',
      },
      packages: [
        {
          name: 'freertos-kernel',
          comment: "Kernel of the\npump's main controller.",
          externalRefs: [
            {
              referenceCategory: 'PACKAGE-MANAGER',
              referenceType: 'purl',
              referenceLocator: 'pkg:github/FreeRTOS/FreeRTOS-Kernel@V10.4.3',
            },
          ],
          annotations: [
            { annotator: 'Person: Reviewer', annotationType: 'REVIEW', comment: 'checked' },
          ],
        },
      ],
      relationships: [
        {
          spdxElementId: 'SPDXRef-DOCUMENT',
          relationshipType: 'DESCRIBES',
          relatedSpdxElement: 'SPDXRef-freertos',
        },
      ],
    })
    expect(parsed.lineOf(['packages', 0, 'versionInfo'])).toBe(13)
    expect(parsed.lineOf(['packages', 0, 'downloadLocation'])).toBe(15)
  })

  it('ingests it: subject, supplier, purl, end of support', async () => {
    const report = await read(HEADER + PACKAGE)
    expect(report.issues).toEqual([])
    expect(report.document).toMatchObject({
      format: 'spdx',
      encoding: 'tag-value',
      specVersion: '2.3',
      authors: ['Northwind'],
      tools: ['builder-2.0'],
      subject: {
        ref: 'SPDXRef-freertos',
        supplier: 'Amazon Web Services',
        purl: 'pkg:github/freertos/freertos-kernel@V10.4.3',
        endOfSupport: '2027-12-31T00:00:00Z',
        place: { path: ['packages', 0], line: 11 },
      },
    })
  })

  it('places schema errors at the line of the package', async () => {
    const report = await read(
      HEADER + PACKAGE.replace('PackageDownloadLocation: NOASSERTION\n', ''),
    )
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'sbom/schema',
        message: "missing required property 'downloadLocation'",
        path: '$.packages[0]',
        line: 11,
      }),
    ])
    expect(report.document).toBeUndefined()
  })

  it('places syntax errors and unknown tags at their lines', async () => {
    const report = await read(
      `${HEADER}this line has no tag\nFavouriteColour: blue\nPackageComment: <text>never closed\n`,
    )
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'spdx/tag-value-syntax', line: 10, severity: 'error' }),
        expect.objectContaining({ code: 'spdx/unknown-tag', line: 11, severity: 'warning' }),
        expect.objectContaining({
          code: 'spdx/tag-value-syntax',
          line: 12,
          message: expect.stringContaining('never closed') as unknown,
        }),
      ]),
    )
  })

  it('reports a duplicate SPDXID with both lines', async () => {
    const second = PACKAGE.replace('PackageName: freertos-kernel', 'PackageName: other').replace(
      /Relationship: .*\n/,
      '',
    )
    const report = await read(HEADER + PACKAGE + second)
    expect(report.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'spdx/duplicate-spdxid',
          path: '$.packages[1].SPDXID',
          line: 28,
          related: expect.objectContaining({ path: '$.packages[0].SPDXID', line: 12 }) as unknown,
        }),
      ]),
    )
  })
})
