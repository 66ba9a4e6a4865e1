export {
  ingestSbom,
  readSbomBytes,
  readSbomFile,
  readSbomText,
  type IngestedSbom,
  type SbomReport,
} from './read-sbom.js'
export { placesInSbomFile } from './places-in-sbom-file.js'
export { createSbomSchemas, type SbomSchemas } from './sbom-schemas.js'
export { DEFAULT_SBOM_LIMITS, type SbomLimits } from './sbom-limits.js'
export { toCycloneDx16 } from './write-cyclonedx.js'
export { locateProblem, type SbomProblem } from './sbom-problem.js'
export { CYCLONEDX_VERSIONS, type CycloneDxVersion } from './vendored-schemas.js'
