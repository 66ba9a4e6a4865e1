export { buildCsafAdvisories } from './csaf-advisory.js'
export { buildSbomDeliverable } from './sbom-deliverable.js'
export { buildVexDeliverable } from './vex-deliverable.js'
