// Usage: npx tsx test/support/check-sbom.ts <file.cdx.json>... : validates against CycloneDX 1.6.
import { readFileSync } from 'node:fs'

import { cycloneDx16Errors } from './cyclonedx-schema.js'

let failed = false
for (const file of process.argv.slice(2)) {
  const errors = cycloneDx16Errors(JSON.parse(readFileSync(file, 'utf8')))
  failed ||= errors.length > 0
  console.log(
    errors.length === 0
      ? `${file}: valid CycloneDX 1.6`
      : `${file}: ${JSON.stringify(errors, null, 1)}`,
  )
}
process.exitCode = failed ? 1 : 0
