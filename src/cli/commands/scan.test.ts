import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { serveCisaProvider } from '../../../test/support/feed-fixtures.js'
import { realMirror } from '../../../test/support/real-mirror.js'
import { startLoopbackServer, type LoopbackServer } from '../../../test/support/loopback-server.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import { PROJECT_ROOT } from '../../../test/support/testdata.js'
import type { CliIo } from '../cli-io.js'
import { nodeIo } from '../node-io.js'
import { feedsSyncCommand } from './feeds.js'
import { SCAN_GATES, type ScanGate } from '../command-choices.js'
import { scanCommand, type ScanOptions } from './scan.js'

const capture = () => {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    ...nodeIo(),
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    today: () => '2026-11-28',
  }
  return { io, out: () => stdout, err: () => stderr }
}

let server: LoopbackServer
let dataDir: string
beforeAll(async () => {
  dataDir = tempDir('scan-store')
  const first = capture()
  const synced = await feedsSyncCommand(first.io, {
    sources: ['osv', 'nvd', 'kev'],
    ecosystems: [],
    csafProviders: [],
    mirror: realMirror(),
    dataDir,
  })
  if (synced !== 0) throw new Error(first.err())
  // CISA's CSAF provider (all 144 ICSMA documents), served on loopback as CISA publishes it.
  server = await startLoopbackServer()
  const provider = serveCisaProvider(server)
  const second = capture()
  const csaf = await feedsSyncCommand(second.io, {
    sources: ['csaf'],
    ecosystems: [],
    csafProviders: [provider.metadataUrl],
    dataDir,
  })
  if (csaf !== 0) throw new Error(second.err())
}, 120_000)
afterAll(async () => {
  await server.close()
})

interface ScannedFinding {
  id: string
  advisory: string
  aliases: string[]
  advisories: string[]
  component: string
  purl: string | null
  name: string
  version: string | null
  severity: { score: number; rating: string; vector: string } | null
  kev: boolean
  epss: { epss: number } | null
  status: string
  confidence: string
  evidence: { via: string; confidence: string }[]
}

const scan = async (argument: string, options: Partial<ScanOptions> = {}) => {
  const { io, out, err } = capture()
  const code = await scanCommand(io, argument, { json: false, dataDir, ...options })
  return { code, stdout: out(), stderr: err() }
}

const scanJson = async (argument: string, options: Partial<ScanOptions> = {}) => {
  const result = await scan(argument, { ...options, json: true })
  expect(result.code, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as {
    store: { generation: string; advisories: number }
    findings: ScannedFinding[]
  }
}

const example = (name: string): string => path.join(PROJECT_ROOT, 'examples', name)

describe('medcyber scan', () => {
  it('says the store is empty and how to fill it, exit 2', async () => {
    const result = await scan(example('insulin-pump'), { dataDir: tempDir('scan-empty') })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain("is empty; run 'medcyber feeds sync'")
  })

  it('prints {findings: [{advisory, aliases, purl, name, version, severity, kev, epss, status, confidence}]}', async () => {
    const { store, findings } = await scanJson(example('infusion-pump-fleet'))
    expect(store.advisories).toBeGreaterThan(150)
    expect(findings.length).toBeGreaterThan(0)
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining([
          'advisory',
          'aliases',
          'purl',
          'name',
          'version',
          'severity',
          'kev',
          'epss',
          'status',
          'confidence',
        ]),
      )
      expect(finding.id).toBe(`${finding.advisory}@${finding.component}`)
      expect(typeof finding.kev).toBe('boolean')
      expect(['exact', 'high', 'medium']).toContain(finding.confidence)
    }
    // GitHub (by purl) and NVD (by CPE) report Log4Shell: one finding under the CVE.
    expect(
      findings.find((finding) => finding.id === 'CVE-2021-44228@log4j-core-2-14'),
    ).toMatchObject({
      advisory: 'CVE-2021-44228',
      aliases: ['GHSA-jfh8-c2jp-5v3q'],
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      name: 'Apache Log4j Core',
      version: '2.14.1',
      severity: { score: 10, rating: 'Critical' },
      kev: true,
      epss: null,
      status: 'affected',
      confidence: 'exact',
    })
  }, 60_000)

  it('prints one line per finding and a summary without --json', async () => {
    const { findings } = await scanJson(example('infusion-pump-fleet'))
    const text = await scan(example('infusion-pump-fleet'))
    expect(text.code).toBe(0)
    for (const finding of findings) expect(text.stdout).toContain(finding.id)
    const open = findings.filter((finding) =>
      ['affected', 'under_investigation', 'untriaged'].includes(finding.status),
    ).length
    expect(text.stdout).toMatch(
      new RegExp(
        `${String(findings.length)} findings in \\d+ components against \\d+ advisories: ${String(open)} open, ${String(findings.filter((f) => f.kev).length)} in CISA KEV\\n$`,
      ),
    )
  }, 60_000)

  it.each(['infusion-pump-fleet', 'radiotherapy-planning', 'insulin-pump'])(
    '%s: each --fail-on gate exits 1 exactly when an open finding reaches it',
    async (name) => {
      const { findings } = await scanJson(example(name))
      const open = findings.filter((finding) =>
        ['affected', 'under_investigation', 'untriaged'].includes(finding.status),
      )
      const reaches: Record<ScanGate, (finding: ScannedFinding) => boolean> = {
        kev: (finding) => finding.kev,
        critical: (finding) => finding.kev || finding.severity?.rating === 'Critical',
        high: (finding) =>
          finding.kev || ['Critical', 'High'].includes(finding.severity?.rating ?? ''),
        untriaged: () => true,
      }
      expect(open.length).toBeGreaterThan(0)
      for (const gate of SCAN_GATES) {
        const failing = open.filter(reaches[gate]).length
        const result = await scan(example(name), { failOn: gate })
        expect(result.code, `${name} --fail-on ${gate}`).toBe(failing > 0 ? 1 : 0)
        if (failing > 0) {
          expect(result.stderr).toContain(
            `scan gate '${gate}' failed: ${String(failing)} open findings at or above it`,
          )
        } else expect(result.stderr).toBe('')
      }
    },
    120_000,
  )

  it('applies the triage the model records for the release scanned', async () => {
    // radiotherapy-planning 11.0 triages CVE-2022-2119 in DCMTK 3.6.0 not_affected.
    const { findings } = await scanJson(example('radiotherapy-planning'), { release: '11.0' })
    expect(findings.find((finding) => finding.id === 'CVE-2022-2119@dcmtk-3-6-0')?.status).toBe(
      'not_affected',
    )
  }, 60_000)

  it('--release carries triage from an earlier release while the component is unchanged', async () => {
    // The example's PSoC 4 decision names both releases; scoped to 2.4.1 it must carry to 3.1.0.
    const folder = path.join(tempDir('scan-model'), 'insulin-pump')
    cpSync(example('insulin-pump'), folder, { recursive: true })
    const security = path.join(folder, 'security.yaml')
    const original = readFileSync(security, 'utf8')
    const scoped = original.replace(
      "releases: ['2.4.1', '3.1.0']\n    hazardousSituations: [cgm-data-loss]",
      "releases: ['2.4.1']\n    hazardousSituations: [cgm-data-loss]",
    )
    expect(scoped).not.toBe(original)
    writeFileSync(security, scoped)
    const id = 'CVE-2019-16336@psoc4-ble-3-61'
    const later = await scanJson(folder, { release: '3.1.0' })
    expect(later.findings.find((finding) => finding.id === id)?.status).toBe('affected')
    const earlier = await scanJson(folder, { release: '2.4.1' })
    expect(earlier.findings.find((finding) => finding.id === id)?.status).toBe('affected')
  }, 60_000)

  it('merges CISA ICSMA-22-174-01 into the NVD findings of its CVEs in DCMTK, under the CVE ids', async () => {
    const { findings } = await scanJson(example('radiotherapy-planning'), { release: '11.0' })
    const dcmtk = findings.filter(
      (finding) =>
        finding.component === 'dcmtk-3-6-0' && finding.advisories.includes('ICSMA-22-174-01'),
    )
    // No finding is named by the document itself.
    expect(findings.filter((finding) => finding.advisory.startsWith('ICSMA-'))).toEqual([])
    expect(dcmtk.map((finding) => finding.id).sort()).toEqual([
      'CVE-2022-2119@dcmtk-3-6-0',
      'CVE-2022-2120@dcmtk-3-6-0',
      'CVE-2022-2121@dcmtk-3-6-0',
    ])
    const byId = new Map(dcmtk.map((finding) => [finding.id, finding]))
    expect(byId.get('CVE-2022-2121@dcmtk-3-6-0')).toMatchObject({
      advisory: 'CVE-2022-2121',
      aliases: ['ICSMA-22-174-01'],
      advisories: ['CVE-2022-2121', 'ICSMA-22-174-01'],
      status: 'affected',
      confidence: 'high',
    })
    expect(byId.get('CVE-2022-2121@dcmtk-3-6-0')?.evidence.map((item) => item.via)).toEqual([
      'cpe',
      'csaf',
    ])
    // NVD has no CVE-2022-2120 record in the store: CISA reports it alone, by name and version.
    expect(byId.get('CVE-2022-2120@dcmtk-3-6-0')).toMatchObject({
      advisories: ['ICSMA-22-174-01'],
      status: 'untriaged',
      confidence: 'medium',
    })
    // DCMTK 3.6.7 (release 15.6) is the fixed version.
    const fixed = await scanJson(example('radiotherapy-planning'), { release: '15.6' })
    const fixedDcmtk = fixed.findings.filter((finding) => finding.component === 'dcmtk-3-6-7')
    expect(fixedDcmtk.filter((finding) => finding.advisories.includes('ICSMA-22-174-01'))).toEqual(
      [],
    )
  }, 60_000)
})
