// The list alone, not the core's index (see main.ts).
import { DELIVERABLE_KINDS } from '../core/reports/deliverable.js'

/*
 * The fixed choices of command options. They live apart from the commands so that building
 * the command line loads no command: each command's module (and its libraries: renderers,
 * database drivers, the web server) is imported only when that command runs.
 */

export const IMPORT_FORMATS = ['threagile', 'threat-dragon', 'otm'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

export const REPORT_KINDS = [...DELIVERABLE_KINDS, 'all'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

export const SCHEMA_KINDS = ['model', 'risk-policy'] as const
export type SchemaKind = (typeof SCHEMA_KINDS)[number]

export const SBOM_TARGETS = ['cyclonedx-json'] as const
export type SbomTarget = (typeof SBOM_TARGETS)[number]

/** Gates, from the narrowest: each one also fails on everything the ones before it fail on. */
export const RISK_GATES = ['uncontrolled', 'unacceptable', 'unevaluated'] as const
export type RiskGate = (typeof RISK_GATES)[number]

/** Gates for CI, from the narrowest; only findings not triaged away (not_affected, fixed) count. */
export const SCAN_GATES = ['kev', 'critical', 'high', 'untriaged'] as const
export type ScanGate = (typeof SCAN_GATES)[number]
