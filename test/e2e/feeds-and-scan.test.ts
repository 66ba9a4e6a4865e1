import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { impactCommand } from '../../src/cli/commands/impact.js'
import { nodeIo } from '../../src/cli/node-io.js'
import { realMirror } from '../support/real-mirror.js'
import { runCli } from '../support/run-cli.js'
import { tempDir } from '../support/temp-dir.js'
import { testdataPath } from '../support/testdata.js'

/** Syncs OSV, NVD and KEV from the real-data mirror into a new store folder. */
const syncRealStore = async (prefix: string): Promise<string> => {
  const dataDir = tempDir(prefix)
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
  return dataDir
}

describe('feeds sync from a mirror, then scan', () => {
  it('syncs real advisories and scans an example device: CVEs of its real components, merged across sources, with KEV', async () => {
    const dataDir = await syncRealStore('medcyber-store')

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

  it('writes the FDA known-vulnerability assessment from a scan of the documented release', async () => {
    const dataDir = await syncRealStore('medcyber-store-report')
    const out = tempDir('medcyber-report-scan')
    const report = await runCli([
      'report',
      'examples/infusion-pump-fleet',
      '--kind',
      'fda-premarket',
      '--format',
      'md',
      '--out',
      out,
      '--date',
      '2026-11-28',
      '--data-dir',
      dataDir,
    ])
    expect(report.code, report.stderr).toBe(0)
    const text = readFileSync(path.join(out, 'fda-premarket', 'known-vulnerabilities.md'), 'utf8')
    // Scan findings of release 4.1.2, not only the model's triage: the store is cited and the
    // discovery method is the scan itself where people recorded none.
    expect(text).toContain('against the advisory store (generation ')
    expect(text).toContain('CVE-2024-6387')
    expect(text).toMatch(/SBOM scan against the advisory store \(cpe match/)
    expect(text).not.toContain('advisory store was not consulted')
  })

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

/** One store synced from the real mirror, shared by the scans below. */
let syncedStore: Promise<string> | undefined
const realStore = (): Promise<string> => {
  syncedStore ??= syncRealStore('medcyber-store')
  return syncedStore
}

interface ScannedFinding {
  id: string
  advisory: string
  aliases: string[]
  component: string
  purl: string | null
  name: string
  version: string | null
  kev: boolean
  status: string
  confidence: string
  priority: { level: string; reasons: string[] }
  reachable: boolean | null
  deviceScore: { score: number; vector: string } | null
}

const scanJson = async (argument: string): Promise<ScannedFinding[]> => {
  const scan = await runCli(['scan', argument, '--data-dir', await realStore(), '--json'])
  expect(scan.code, scan.stderr).toBe(0)
  return (JSON.parse(scan.stdout) as { findings: ScannedFinding[] }).findings
}

describe('scan an SBOM file, prioritized by exploitation and reachability', () => {
  it("scans an example's CycloneDX SBOM by itself: Log4Shell and CVE-2021-45046 in log4j-core 2.14.1", async () => {
    const findings = await scanJson(
      'examples/infusion-pump-fleet/sbom/aquila-infusion-manager-5.2.3.cdx.json',
    )
    const log4j = findings.filter((finding) => finding.component === 'log4j-core-2.14.1')
    expect(log4j.map((finding) => finding.advisory)).toEqual(
      expect.arrayContaining(['CVE-2021-44228', 'CVE-2021-45046']),
    )
    expect(log4j.find((finding) => finding.advisory === 'CVE-2021-44228')).toMatchObject({
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      name: 'log4j-core',
      version: '2.14.1',
      kev: true,
      status: 'untriaged',
      confidence: 'exact',
      reachable: null,
      priority: { level: 'critical' },
    })
    // log4j-api shares the version but no advisory names it.
    expect(findings.some((finding) => finding.component === 'log4j-api-2.14.1')).toBe(false)
  }, 60_000)

  it('scans a third-party CycloneDX 1.2 SBOM (Dropwizard 1.3.15): jackson-databind 2.9.10 is in the GitHub ranges', async () => {
    const findings = await scanJson(
      testdataPath('cyclonedx-bom-examples', 'SBOM', 'dropwizard-1.3.15', 'bom.json'),
    )
    const jackson = findings.filter(
      (finding) =>
        finding.purl === 'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.9.10?type=jar',
    )
    // GHSA-57j2-w4cx-62h2 (fixed 2.12.6.1), GHSA-jjjh-jjxp-wpff and GHSA-rgv9-q543-rqg4 (2.12.7.1).
    expect(jackson.map((finding) => finding.advisory).sort()).toEqual(
      expect.arrayContaining(['CVE-2020-36518', 'CVE-2022-42003', 'CVE-2022-42004']),
    )
    // Log4j is not part of Dropwizard 1.3.15 (it logs through Logback).
    expect(findings.some((finding) => finding.advisory === 'CVE-2021-44228')).toBe(false)
  }, 60_000)

  it('prioritizes model findings: reachable KEV first with the device score, unreachable ones say why', async () => {
    const findings = await scanJson('examples/infusion-pump-fleet')
    const log4shell = findings.find((finding) => finding.id === 'CVE-2021-44228@log4j-core-2-14')
    expect(log4shell).toMatchObject({ reachable: true, priority: { level: 'critical' } })
    // The model's risk.before.cvss of this finding, scored.
    expect(log4shell?.deviceScore?.vector).toBe(
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/E:H/RL:U/RC:C',
    )
    const freertos = findings.filter((finding) => finding.component === 'freertos-kernel')
    expect(freertos.length).toBeGreaterThan(0)
    for (const finding of freertos) {
      expect(finding.reachable).toBe(false)
      expect(finding.priority.reasons).toContain(
        'runs on pump-motor-controller, which has no active external interface',
      )
    }
    const levels = ['critical', 'high', 'medium', 'low', 'none']
    const ranks = findings.map((finding) => levels.indexOf(finding.priority.level))
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b))

    const text = await runCli([
      'scan',
      'examples/infusion-pump-fleet',
      '--data-dir',
      await realStore(),
    ])
    expect(text.stdout.split('\n')[0]).toMatch(/^critical /)
  }, 60_000)

  it('impact by id from the store: Log4Shell by its GHSA alias touches only infusion-pump-fleet 3.2.4', async () => {
    let stdout = ''
    const io = { ...nodeIo(), stdout: (text: string) => (stdout += text), stderr: () => undefined }
    const code = await impactCommand(io, 'GHSA-jfh8-c2jp-5v3q', {
      json: true,
      dataDir: await realStore(),
      portfolio: ['examples'],
    })
    expect(code).toBe(0)
    const impact = JSON.parse(stdout) as {
      advisories: string[]
      products: { folder: string; releases: string[]; components: { component: string }[] }[]
    }
    // NVD and GitHub records of the same flaw are both used.
    expect(impact.advisories.sort()).toEqual(['CVE-2021-44228', 'GHSA-jfh8-c2jp-5v3q'])
    expect(impact.products.map((product) => [product.folder, product.releases])).toEqual([
      ['examples/infusion-pump-fleet', ['3.2.4']],
    ])
    expect(impact.products[0]?.components.map((c) => c.component)).toEqual(['log4j-core-2-14'])
  }, 60_000)
})
