export { buildJpChecklist } from './build-jp-checklist.js'
