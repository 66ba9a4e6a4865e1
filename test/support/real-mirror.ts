import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { tempDir } from './temp-dir.js'
import { testdataPath } from './testdata.js'
import { buildZip } from './zip-writer.js'

/**
 * An air-gapped site's mirror folder, in each source's upstream layout, built from real public
 * data: NVD records of device components, GitHub advisories (OSV) for Maven and PyPI, and the
 * CISA KEV catalog.
 */
export const realMirror = (): string => {
  const mirror = tempDir('medcyber-mirror')
  mkdirSync(path.join(mirror, 'nvd'), { recursive: true })
  const nvd = testdataPath('nvd-selected')
  for (const file of readdirSync(nvd).filter((name) => name.endsWith('.json'))) {
    copyFileSync(path.join(nvd, file), path.join(mirror, 'nvd', file))
  }
  mkdirSync(path.join(mirror, 'kev'), { recursive: true })
  copyFileSync(
    testdataPath('cisa-kev', 'known_exploited_vulnerabilities.json'),
    path.join(mirror, 'kev', 'known_exploited_vulnerabilities.json'),
  )
  const ghsa = testdataPath('ghsa-selected')
  const byEcosystem = new Map<string, { name: string; data: string }[]>()
  for (const file of readdirSync(ghsa).filter((name) => name.endsWith('.json'))) {
    const text = readFileSync(path.join(ghsa, file), 'utf8')
    const record = JSON.parse(text) as { affected?: { package?: { ecosystem?: string } }[] }
    const ecosystem = record.affected?.[0]?.package?.ecosystem
    if (ecosystem === undefined) continue
    byEcosystem.set(ecosystem, [...(byEcosystem.get(ecosystem) ?? []), { name: file, data: text }])
  }
  for (const [ecosystem, entries] of byEcosystem) {
    mkdirSync(path.join(mirror, 'osv', ecosystem), { recursive: true })
    writeFileSync(path.join(mirror, 'osv', ecosystem, 'all.zip'), buildZip(entries))
  }
  return mirror
}
