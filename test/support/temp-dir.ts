import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** A new folder under this test run's scratch root, which the global teardown removes. */
export const tempDir = (prefix: string): string =>
  mkdtempSync(path.join(process.env['MEDCYBER_TEST_TMP'] ?? tmpdir(), `${prefix}-`))
