import type { validateXML } from 'xmllint-wasm'

import { problem, type SbomProblem } from './sbom-problem.js'
import type { CycloneDxVersion, VendoredSchemaFiles } from './vendored-schemas.js'

type ValidateXml = typeof validateXML

/** libxml2 in WebAssembly is 1.4 MB and starts a worker; load it only when XML comes along. */
let validateXml: Promise<ValidateXml> | undefined
const loadValidator = (): Promise<ValidateXml> => {
  validateXml ??= import('xmllint-wasm').then((module) => module.validateXML)
  return validateXml
}

/** Where every `bom-1.x.xsd` imports the SPDX licence schema from; we give it the local copy. */
const SPDX_XSD_URL = 'schemaLocation="http://cyclonedx.org/schema/spdx"'

const DOCUMENT = 'bom.xml'

/**
 * Validates CycloneDX XML against the official XSDs with libxml2 (xmllint-wasm): no network, no
 * DTD (documents with a DOCTYPE are refused before they get here), memory grown as the document
 * needs, up to 1 GiB.
 */
export class XsdCheck {
  private readonly schemas = new Map<CycloneDxVersion, Promise<{ bom: string; spdx: string }>>()
  private readonly files: VendoredSchemaFiles

  constructor(files: VendoredSchemaFiles) {
    this.files = files
  }

  async check(
    version: CycloneDxVersion,
    text: string,
    maxProblems: number,
  ): Promise<SbomProblem[]> {
    const [validate, { bom, spdx }] = await Promise.all([loadValidator(), this.schema(version)])
    let result: Awaited<ReturnType<ValidateXml>>
    try {
      result = await validate({
        xml: [{ fileName: DOCUMENT, contents: text }],
        schema: [{ fileName: `bom-${version}.xsd`, contents: bom }],
        preload: [{ fileName: 'spdx.xsd', contents: spdx }],
        maxMemoryPages: 16384,
        modifyArguments: (args) => ['--nonet', ...args],
      })
    } catch (error) {
      return [
        problem(
          'cyclonedx/xsd-failed',
          `XML schema validation could not run: ${error instanceof Error ? error.message : String(error)}`,
        ),
      ]
    }
    if (result.valid) return []
    const problems = result.errors.map((error) =>
      problem('sbom/schema', error.message, [], {
        ...(error.loc?.fileName === DOCUMENT ? { line: error.loc.lineNumber } : {}),
      }),
    )
    if (problems.length === 0) {
      problems.push(problem('sbom/schema', 'the document does not validate against the XML schema'))
    }
    return problems.length <= maxProblems
      ? problems
      : [
          ...problems.slice(0, maxProblems),
          problem(
            'sbom/too-many-issues',
            `${String(problems.length - maxProblems)} more schema problems not shown`,
          ),
        ]
  }

  private schema(version: CycloneDxVersion): Promise<{ bom: string; spdx: string }> {
    let loaded = this.schemas.get(version)
    if (loaded === undefined) {
      loaded = Promise.all([
        this.files.text(`cyclonedx/bom-${version}.xsd`),
        this.files.text('cyclonedx/spdx.xsd'),
      ]).then(([bom, spdx]) => ({
        bom: bom.replace(SPDX_XSD_URL, 'schemaLocation="spdx.xsd"'),
        spdx,
      }))
      this.schemas.set(version, loaded)
    }
    return loaded
  }
}
