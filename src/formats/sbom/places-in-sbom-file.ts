import type { DocumentPath } from '../../core/index.js'
import type { FileReader } from '../files/file-reader.js'
import { nearestPlacesOfPaths, type TextPlace } from '../files/json-places.js'
import { decodeSbomText } from './decode-sbom-text.js'
import { DEFAULT_SBOM_LIMITS, type SbomLimits } from './sbom-limits.js'

/**
 * Where `paths` are in a JSON SBOM file, each at its value or, for one the file lacks (a
 * supplier the NTIA check misses), at its nearest enclosing value. Read again for checks made
 * on the normalized model, which keeps paths, not lines: holding the text of every ingested
 * SBOM for the rare report with issues would cost its size in memory. Undefined when the file
 * can no longer be read.
 */
export const placesInSbomFile = async (
  file: string,
  reader: FileReader,
  paths: readonly DocumentPath[],
  limits: SbomLimits = DEFAULT_SBOM_LIMITS,
): Promise<((path: DocumentPath) => TextPlace | undefined) | undefined> => {
  const bytes = await reader.read(file, limits.maxBytes)
  if (!bytes.ok) return undefined
  const text = decodeSbomText(bytes.value)
  return text.ok ? nearestPlacesOfPaths(text.value, paths) : undefined
}
