export { buildTraceability } from './build-traceability.js'
