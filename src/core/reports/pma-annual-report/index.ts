export { buildPmaAnnualReport, metricsEvidence } from './build-pma-annual-report.js'
