export interface SbomLimits {
  /** Files larger than this are refused before they are read. */
  readonly maxBytes: number
  /** Schema and structure problems reported per file; the rest are counted. */
  readonly maxIssues: number
}

/**
 * 256 MiB holds a 300k-component CycloneDX JSON SBOM (~720 bytes per component) and stays well
 * below what one JavaScript string can hold.
 */
export const DEFAULT_SBOM_LIMITS: SbomLimits = { maxBytes: 256 * 1024 * 1024, maxIssues: 200 }
