export const ZIP_FAILURES = [
  'corrupt-archive',
  'unsupported-archive',
  'unsafe-entry-name',
  'too-many-entries',
  'too-large',
  'encrypted-entry',
] as const
export type ZipFailure = (typeof ZIP_FAILURES)[number]

/**
 * Thrown while an archive is read and caught by the OSV unit, which turns it into a failure.
 * `entry` names the entry at fault, when one is.
 */
export class ArchiveError extends Error {
  readonly code: ZipFailure
  readonly entry: string | undefined

  constructor(code: ZipFailure, message: string, entry?: string) {
    super(message)
    this.name = 'ArchiveError'
    this.code = code
    this.entry = entry
  }
}
