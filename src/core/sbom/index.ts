export {
  SBOM_ENCODINGS,
  SBOM_STANDARDS,
  type SbomComponent,
  type SbomDependency,
  type SbomDocument,
  type SbomEncoding,
  type SbomStandard,
  type SbomHash,
  type SbomPlace,
} from './sbom-document.js'
export { cachedPurlNormalizer, normalizePurl } from './purl.js'
export {
  END_OF_SUPPORT_PROPERTIES,
  SUPPORT_LEVEL_PROPERTIES,
  supportFromProperties,
  type SupportFacts,
} from './support-properties.js'
export {
  checkMinimumElements,
  type ElementCoverage,
  type ElementSource,
  type MinimumElement,
  type MinimumElementIssue,
  type MinimumElementsReport,
} from './minimum-elements.js'
export {
  mergeSboms,
  type ManualComponent,
  type MergedComponent,
  type MergedSbom,
} from './merge-sboms.js'
