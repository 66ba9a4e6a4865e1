import type { FileReader } from '../files/file-reader.js'
import { JsonSchemaCheck } from './json-schema-check.js'
import { VendoredSchemaFiles } from './vendored-schemas.js'
import { XsdCheck } from './xsd-check.js'

/** The official schemas, read and compiled on first use; keep one per process to reuse them. */
export interface SbomSchemas {
  readonly json: JsonSchemaCheck
  readonly xsd: XsdCheck
}

/**
 * Schemas read through `reader` from `directory`, the package's `schema/vendor` folder (the CLI
 * and the server know where the package is; formats do not).
 */
export const createSbomSchemas = (reader: FileReader, directory: string): SbomSchemas => {
  const files = new VendoredSchemaFiles(reader, directory)
  return { json: new JsonSchemaCheck(files), xsd: new XsdCheck(files) }
}
