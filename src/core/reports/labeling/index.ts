export { buildLabeling } from './build-labeling.js'
export {
  deviceInterfaces,
  environmentElements,
  environmentFlows,
  releaseControls,
  releaseFlows,
  userControls,
} from './environment-facts.js'
export { LABELING_TEXT } from './labeling-text.js'
export { controlTable, flowTable, interfaceTable } from './labeling-tables.js'
