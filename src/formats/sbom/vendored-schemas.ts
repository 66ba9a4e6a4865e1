import path from 'node:path'

import { InternalError } from '../../core/index.js'
import { decodeText } from '../files/decode-text.js'
import type { FileReader } from '../files/file-reader.js'

/** CycloneDX versions medcyber validates and reads (JSON and XML). */
export const CYCLONEDX_VERSIONS = ['1.2', '1.3', '1.4', '1.5', '1.6', '1.7'] as const
export type CycloneDxVersion = (typeof CYCLONEDX_VERSIONS)[number]

export const isCycloneDxVersion = (value: unknown): value is CycloneDxVersion =>
  (CYCLONEDX_VERSIONS as readonly unknown[]).includes(value)

/** The official JSON schemas in `schema/vendor/` (see its README for source and licence). */
export type JsonSchemaName = `cyclonedx-${CycloneDxVersion}` | 'spdx-2.3' | 'spdx-3.0.1'

const FILES: Readonly<Record<JsonSchemaName, string>> = {
  'cyclonedx-1.2': 'cyclonedx/bom-1.2.schema.json',
  'cyclonedx-1.3': 'cyclonedx/bom-1.3.schema.json',
  'cyclonedx-1.4': 'cyclonedx/bom-1.4.schema.json',
  'cyclonedx-1.5': 'cyclonedx/bom-1.5.schema.json',
  'cyclonedx-1.6': 'cyclonedx/bom-1.6.schema.json',
  'cyclonedx-1.7': 'cyclonedx/bom-1.7.schema.json',
  'spdx-2.3': 'spdx/spdx-2.3.schema.json',
  'spdx-3.0.1': 'spdx/spdx-3.0.1.schema.json',
}

/** Schemas the CycloneDX ones `$ref` by relative name. */
export const CYCLONEDX_SIDE_SCHEMAS = [
  'cyclonedx/spdx.schema.json',
  'cyclonedx/jsf-0.82.schema.json',
  'cyclonedx/cryptography-defs.schema.json',
] as const

/** The largest vendored file is 0.6 MB; anything far bigger is not ours. */
const MAX_SCHEMA_BYTES = 8 * 1024 * 1024

/**
 * Reads the vendored schema files from the folder the caller names (the package's
 * `schema/vendor`). A missing or broken file is a broken installation, not bad input: it throws.
 */
export class VendoredSchemaFiles {
  private readonly reader: FileReader
  private readonly directory: string

  constructor(reader: FileReader, directory: string) {
    this.reader = reader
    this.directory = directory
  }

  async text(relative: string): Promise<string> {
    const file = path.join(this.directory, relative)
    const bytes = await this.reader.read(file, MAX_SCHEMA_BYTES)
    if (!bytes.ok) {
      throw new InternalError(
        'sbom/schema-missing',
        `vendored schema ${file}: ${bytes.error.message}`,
      )
    }
    const text = decodeText(bytes.value)
    if (!text.ok)
      throw new InternalError('sbom/schema-broken', `vendored schema ${file}: ${text.error}`)
    return text.value
  }

  /** A JSON schema, every object passed through `reviver` (the uniqueItems replacement). */
  async json(
    relative: string,
    reviver: (key: string, value: unknown) => unknown,
  ): Promise<Record<string, unknown>> {
    const text = await this.text(relative)
    try {
      return JSON.parse(text, reviver) as Record<string, unknown>
    } catch (error) {
      throw new InternalError('sbom/schema-broken', `vendored schema ${relative} is not JSON`, {
        cause: error,
      })
    }
  }

  schemaFile(name: JsonSchemaName): string {
    return FILES[name]
  }
}
