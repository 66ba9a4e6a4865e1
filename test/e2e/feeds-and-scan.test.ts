import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { runCli } from '../support/run-cli.js'
import { tempDir } from '../support/temp-dir.js'
import { testdataPath } from '../support/testdata.js'
import { buildZip } from '../support/zip-writer.js'

/**
 * An air-gapped site's mirror folder, in each source's upstream layout, built from real public
 * data: NVD records of device components, GitHub advisories (OSV) for Maven and PyPI, and the
 * CISA KEV catalog.
 */
const realMirror = (): string => {
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

describe('feeds sync from a mirror, then scan', () => {
  it('syncs real advisories and scans an example device: CVEs of its real components, merged across sources, with KEV', async () => {
    const dataDir = tempDir('medcyber-store')
    const sync = await runCli([
      'feeds',
      'sync',
      '--mirror',
      realMirror(),
      '--data-dir',
      dataDir,
      '--source',
      'osv',
      'nvd',
      'kev',
    ])
    expect(sync.code, sync.stderr).toBe(0)

    const scan = await runCli([
      'scan',
      'examples/infusion-pump-fleet',
      '--data-dir',
      dataDir,
      '--json',
    ])
    expect(scan.code, scan.stderr).toBe(0)
    const { findings } = JSON.parse(scan.stdout) as {
      findings: {
        id: string
        advisory: string
        aliases: string[]
        advisories: string[]
        kev: boolean
        severity: { score: number } | null
        status: string
        confidence: string
      }[]
    }
    const log4shell = findings.find((finding) => finding.id === 'CVE-2021-44228@log4j-core-2-14')
    // NVD (by CPE) and GitHub (by purl) report the same flaw: one finding, both advisories.
    expect(log4shell).toMatchObject({
      advisory: 'CVE-2021-44228',
      kev: true,
      status: 'affected',
      confidence: 'exact',
    })
    expect(log4shell?.advisories).toEqual(['CVE-2021-44228', 'GHSA-jfh8-c2jp-5v3q'])
    expect(log4shell?.severity?.score).toBe(10)
    // The fixed Log4j of the newer server is not affected by Log4Shell.
    expect(findings.some((finding) => finding.id === 'CVE-2021-44228@log4j-core-2-17')).toBe(false)
    expect(findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['CVE-2016-5195@linux-kernel-4-1', 'CVE-2024-6387@openssh-8-7']),
    )

    const gate = await runCli([
      'scan',
      'examples/infusion-pump-fleet',
      '--data-dir',
      dataDir,
      '--fail-on',
      'kev',
    ])
    expect(gate.code).toBe(1)
    expect(gate.stderr).toMatch(/scan gate 'kev' failed: \d+ open findings/)

    const status = await runCli(['feeds', 'status', '--data-dir', dataDir, '--json'])
    expect(status.code).toBe(0)
  }, 60_000)

  it('refuses to scan before any sync, saying what to do', async () => {
    const result = await runCli([
      'scan',
      'examples/insulin-pump',
      '--data-dir',
      tempDir('medcyber-empty-store'),
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("run 'medcyber feeds sync'")
  })
})
