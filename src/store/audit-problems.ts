/** How a broken audit chain shows: kept apart so the API's schema can name them without the store. */
export const AUDIT_PROBLEMS = ['edited', 'deleted', 'reordered'] as const
export type AuditProblem = (typeof AUDIT_PROBLEMS)[number]
