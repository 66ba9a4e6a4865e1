import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root (where package.json is). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * The shared third-party test data, read in place: `MEDCYBER_TESTDATA` if set, else `../shared/
 * testdata` beside the checkout (where CI puts it).
 */
export const TESTDATA_ROOT =
  process.env['MEDCYBER_TESTDATA'] ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'testdata')

export const testdataPath = (...parts: string[]): string => {
  const file = path.join(TESTDATA_ROOT, ...parts)
  if (!existsSync(file)) {
    throw new Error(
      `test data missing: ${file} (set MEDCYBER_TESTDATA to the shared testdata folder)`,
    )
  }
  return file
}
