/** The CLI's contract with scripts and CI pipelines (sysexits.h for the internal error). */
export const EXIT_CODES = {
  ok: 0,
  findings: 1,
  invalidInput: 2,
  internalError: 70,
} as const
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES]
