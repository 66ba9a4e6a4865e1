import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import {
  buildAdvisoryIndex,
  compileAffected,
  findAdvisoryMatches,
  scanTargetsOfModel,
  toFindings,
  type Advisory,
  type Finding,
} from '../../src/core/index.js'
import { loadDeviceModel, parseNvdJson } from '../../src/formats/index.js'
import { nodeIo } from '../../src/cli/node-io.js'
import { EXAMPLES_DIR } from '../support/model-folders.js'
import { testdataPath } from '../support/testdata.js'

/** The real NVD records of components common in devices (OpenSSL, Windows, VxWorks, Treck ...). */
const nvdSelected = (): Advisory[] => {
  const folder = testdataPath('nvd-selected')
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const text = readFileSync(path.join(folder, file), 'utf8')
      const reading = parseNvdJson(text, file)
      expect(reading.issues, file).toEqual([])
      return reading.advisories
    })
}

const kev = (): Set<string> => {
  const catalog = JSON.parse(
    readFileSync(testdataPath('cisa-kev', 'known_exploited_vulnerabilities.json'), 'utf8'),
  ) as { vulnerabilities: { cveID: string }[] }
  return new Set(catalog.vulnerabilities.map((entry) => entry.cveID))
}

const scanExample = async (name: string): Promise<Finding[]> => {
  const loaded = await loadDeviceModel(
    path.join(EXAMPLES_DIR, name, 'medcyber.yaml'),
    nodeIo().reader,
  )
  if (loaded.model === undefined) throw new Error(`${name} does not load`)
  const index = buildAdvisoryIndex(
    nvdSelected(),
    (affected) => compileAffected(affected).isAffected,
  )
  const known = kev()
  return toFindings(
    findAdvisoryMatches(index, scanTargetsOfModel(loaded.model)),
    {
      kev: (cve) => (known.has(cve) ? { dateAdded: 'listed' } : undefined),
      epss: () => undefined,
    },
    loaded.model.findingAssessments,
  )
}

const summary = (findings: readonly Finding[]) =>
  findings.map((finding) => [finding.id, finding.kev !== undefined, finding.status])

describe('scanning the example devices against real NVD records', () => {
  it('finds the old OpenSSL, Linux, glibc and OpenSSH flaws of the infusion pump fleet', async () => {
    const findings = await scanExample('infusion-pump-fleet')
    const ids = findings.map((finding) => finding.id)
    // Each of these is what the example README says its components carry.
    expect(ids).toEqual(
      expect.arrayContaining([
        'CVE-2016-5195@linux-kernel-4-1',
        'CVE-2022-0847@linux-kernel-5-10',
        'CVE-2024-6387@openssh-8-7',
        'CVE-2021-44228@log4j-core-2-14',
        'CVE-2022-0778@openssl-1-0-2k',
      ]),
    )
    const dirtyCow = findings.find((finding) => finding.id === 'CVE-2016-5195@linux-kernel-4-1')
    expect(dirtyCow).toMatchObject({ kev: { dateAdded: 'listed' }, confidence: 'high' })
    expect(dirtyCow?.severity?.score).toBeGreaterThanOrEqual(7)
    // The triage people recorded in the model comes with the finding.
    expect(findings.find((f) => f.id === 'CVE-2024-6387@openssh-8-7')?.status).toBe('affected')
    expect(summary(findings).length).toBeGreaterThan(5)
  })

  it('finds BlueKeep in Windows 7 and EternalBlue in SMBv1 running on it', async () => {
    const findings = await scanExample('radiotherapy-planning')
    const bluekeep = findings.find((finding) => finding.id === 'CVE-2019-0708@windows-7-sp1')
    const eternalBlue = findings.find((finding) => finding.id === 'CVE-2017-0144@smb1-server')
    expect(bluekeep?.kev).toBeDefined()
    expect(eternalBlue?.kev).toBeDefined()
    // NVD lists EternalBlue as SMBv1 "running on" Windows: the platform is named in the evidence.
    expect(eternalBlue?.evidence[0]?.detail).toContain('running on cpe:2.3:o:microsoft:windows_7')
  })
})
