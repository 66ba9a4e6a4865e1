export { buildEuGspr } from './build-eu-gspr.js'
