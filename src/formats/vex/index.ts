export { readSupplierVex, MAX_VEX_BYTES } from './read-supplier-vex.js'
export {
  matchComponents,
  type SuggestedAssessment,
  type SupplierProduct,
  type SupplierVexReport,
} from './suggestion.js'
