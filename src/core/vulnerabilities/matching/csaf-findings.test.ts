import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { csafDocumentToAdvisory, nvdRecordsToAdvisories } from '../../../formats/index.js'
import { testdataPath } from '../../../../test/support/testdata.js'
import type { FindingAssessment } from '../../model/index.js'
import type { Advisory } from '../advisory.js'
import { compileAffected } from '../versions/index.js'
import { csafTargetMatcher } from './csaf-target-matcher.js'
import { toFindings, type Enrichment } from './findings.js'
import { buildAdvisoryIndex, findAdvisoryMatches } from './scan.js'
import type { ScanTarget } from './scan-target.js'

// External truth: CISA's ICSMA-22-174-01 (DCMTK; CVE-2022-2119, -2120, -2121, no CPE or purl in
// its product tree) and NVD's own records of CVE-2022-2119 and CVE-2022-2121 (CPE
// cpe:2.3:a:offis:dcmtk, versions before 3.6.7). NVD has no record of CVE-2022-2120 here.

const json = (...parts: string[]): unknown =>
  JSON.parse(readFileSync(testdataPath(...parts), 'utf8'))

const ICSMA = (() => {
  const result = csafDocumentToAdvisory(
    json('cisa-csaf', 'csaf_files', 'OT', 'white', '2022', 'icsma-22-174-01.json'),
  )
  if (!result.ok) throw new Error('ICSMA-22-174-01 does not read')
  return result.value
})()

const NVD = ['CVE-2022-2119', 'CVE-2022-2121'].flatMap(
  (cve) => nvdRecordsToAdvisories(json('nvd-selected', `${cve}.json`)).advisories,
)

/** A minimal OSV record of a distribution package, naming the CVE as its alias. */
const OSV: Advisory = {
  id: 'OSV-TEST-2022-2121',
  source: 'osv',
  aliases: ['CVE-2022-2121'],
  modified: '2022-07-01T00:00:00Z',
  severity: [],
  affected: [{ ecosystem: 'Debian:11', name: 'dcmtk', ranges: [], versions: ['3.6.5-1'] }],
  configurations: [],
  products: [],
}

const dcmtk = (id: string, version: string, purl?: string): ScanTarget => ({
  id,
  name: 'DCMTK',
  version,
  supplier: 'OFFIS e.V.',
  cpe: `cpe:2.3:a:offis:dcmtk:${version}:*:*:*:*:*:*:*`,
  ...(purl === undefined ? {} : { purl }),
  releases: [],
  hosts: [],
})

const none: Enrichment = { kev: () => undefined, epss: () => undefined }

const findingsOf = (
  advisories: readonly Advisory[],
  targets: readonly ScanTarget[],
  assessments: readonly FindingAssessment[] = [],
) =>
  toFindings(
    findAdvisoryMatches(
      buildAdvisoryIndex(advisories, (affected) => compileAffected(affected).isAffected),
      targets,
      { csafMatcher: csafTargetMatcher() },
    ),
    none,
    assessments,
  )

describe('CSAF findings merge with the CVE findings of other sources', () => {
  it('reads the real documents as the test expects', () => {
    expect(ICSMA.id).toBe('ICSMA-22-174-01')
    expect(ICSMA.aliases).toEqual(['CVE-2022-2119', 'CVE-2022-2120', 'CVE-2022-2121'])
    expect(ICSMA.products.flatMap((product) => [product.cpe, product.purl])).toEqual([
      undefined,
      undefined,
    ])
    expect(NVD.map((advisory) => advisory.id)).toEqual(['CVE-2022-2119', 'CVE-2022-2121'])
  })

  it('joins the ICSMA document to the finding of each CVE it lists, under the CVE id', () => {
    const findings = findingsOf([ICSMA, ...NVD], [dcmtk('dcmtk-3-6-0', '3.6.0')])
    expect(findings.map((finding) => finding.id).sort()).toEqual([
      'CVE-2022-2119@dcmtk-3-6-0',
      'CVE-2022-2120@dcmtk-3-6-0',
      'CVE-2022-2121@dcmtk-3-6-0',
    ])
    const byId = new Map(findings.map((finding) => [finding.id, finding]))
    const cve2121 = byId.get('CVE-2022-2121@dcmtk-3-6-0')
    expect(cve2121).toMatchObject({
      vulnerability: 'CVE-2022-2121',
      aliases: ['ICSMA-22-174-01'],
      advisories: ['CVE-2022-2121', 'ICSMA-22-174-01'],
      // NVD's CPE match outranks CISA's name match.
      confidence: 'high',
      severity: { vector: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', score: 6.5 },
    })
    expect(cve2121?.evidence.map((item) => item.via)).toEqual(['cpe', 'csaf'])
    // NVD has no record of CVE-2022-2120 here: CISA alone reports it, by name and version.
    expect(byId.get('CVE-2022-2120@dcmtk-3-6-0')).toMatchObject({
      vulnerability: 'CVE-2022-2120',
      aliases: ['ICSMA-22-174-01'],
      advisories: ['ICSMA-22-174-01'],
      confidence: 'medium',
    })
  })

  it('gives the same finding ids with or without the NVD records', () => {
    const ids = (advisories: readonly Advisory[]) =>
      findingsOf(advisories, [dcmtk('dcmtk-3-6-0', '3.6.0')])
        .map((finding) => finding.id)
        .sort()
    expect(ids([ICSMA])).toEqual(ids([ICSMA, ...NVD]))
  })

  it('merges CVE, OSV and ICSMA ids into one finding under the CVE id', () => {
    const findings = findingsOf(
      [ICSMA, ...NVD, OSV],
      [dcmtk('dcmtk', '3.6.5', 'pkg:deb/debian/dcmtk@3.6.5-1?distro=debian-11')],
    )
    const cve2121 = findings.filter((finding) => finding.aliases.includes('OSV-TEST-2022-2121'))
    expect(cve2121).toHaveLength(1)
    expect(cve2121[0]).toMatchObject({
      id: 'CVE-2022-2121@dcmtk',
      aliases: ['ICSMA-22-174-01', 'OSV-TEST-2022-2121'],
      advisories: ['CVE-2022-2121', 'ICSMA-22-174-01', 'OSV-TEST-2022-2121'],
      confidence: 'exact',
    })
    expect(cve2121[0]?.evidence.map((item) => item.via).sort()).toEqual(['cpe', 'csaf', 'purl'])
  })

  it('applies the triage recorded under the CVE-based id, before one recorded under the ICSMA id', () => {
    const findings = findingsOf(
      [ICSMA, ...NVD],
      [dcmtk('dcmtk-3-6-0', '3.6.0')],
      [
        { finding: 'ICSMA-22-174-01@dcmtk-3-6-0', status: 'under_investigation' },
        {
          finding: 'CVE-2022-2119@dcmtk-3-6-0',
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
        },
      ],
    )
    const status = Object.fromEntries(findings.map((finding) => [finding.id, finding.status]))
    expect(status).toEqual({
      'CVE-2022-2119@dcmtk-3-6-0': 'not_affected',
      // No assessment of their own: the one recorded for the ICSMA document applies.
      'CVE-2022-2120@dcmtk-3-6-0': 'under_investigation',
      'CVE-2022-2121@dcmtk-3-6-0': 'under_investigation',
    })
  })

  it('merges two CSAF documents that list the same CVE on one component', () => {
    const copy: Advisory = { ...ICSMA, id: 'ICSA-TEST-1', aliases: ['CVE-2022-2121'] }
    const findings = findingsOf([ICSMA, copy], [dcmtk('dcmtk-3-6-0', '3.6.0')])
    expect(findings.map((finding) => [finding.id, finding.advisories]).sort()).toEqual([
      ['CVE-2022-2119@dcmtk-3-6-0', ['ICSA-TEST-1', 'ICSMA-22-174-01']],
      ['CVE-2022-2120@dcmtk-3-6-0', ['ICSA-TEST-1', 'ICSMA-22-174-01']],
      ['CVE-2022-2121@dcmtk-3-6-0', ['ICSA-TEST-1', 'ICSMA-22-174-01']],
    ])
  })

  it('without another score, gives each CVE the highest the document states', () => {
    const unscored = NVD.map((advisory) => ({ ...advisory, severity: [] }))
    const findings = findingsOf([ICSMA, ...unscored], [dcmtk('dcmtk-3-6-0', '3.6.0')])
    const scores = findings.map((finding) => [finding.id, finding.severity?.score]).sort()
    // CISA scores its three CVEs 7.5, 7.5 and 6.5 (CVSS 3.0): the document's highest.
    expect(scores).toEqual([
      ['CVE-2022-2119@dcmtk-3-6-0', 7.5],
      ['CVE-2022-2120@dcmtk-3-6-0', 7.5],
      ['CVE-2022-2121@dcmtk-3-6-0', 7.5],
    ])
  })

  it('finds nothing in the fixed 3.6.7 from either source', () => {
    expect(findingsOf([ICSMA, ...NVD, OSV], [dcmtk('dcmtk-3-6-7', '3.6.7')])).toEqual([])
  })

  it('joins only the CVEs the matched product is affected by', () => {
    // The same document, but the product affected by CVE-2022-2121 only.
    const narrowed: Advisory = {
      ...ICSMA,
      products: ICSMA.products.map((product) => ({
        ...product,
        status: { 'CVE-2022-2121': 'known_affected', 'CVE-2022-2119': 'known_not_affected' },
      })),
    }
    const findings = findingsOf([narrowed, ...NVD], [dcmtk('dcmtk-3-6-0', '3.6.0')])
    expect(findings.map((finding) => [finding.id, finding.advisories]).sort()).toEqual([
      ['CVE-2022-2119@dcmtk-3-6-0', ['CVE-2022-2119']],
      ['CVE-2022-2121@dcmtk-3-6-0', ['CVE-2022-2121', 'ICSMA-22-174-01']],
    ])
  })
})
