import { describe, expect, it } from 'vitest'

import type { DeviceModel, FindingAssessment } from '../model/index.js'
import { exportVex } from './export.js'
import { resolveTriage } from './triage.js'

const release = (version: string, date: string, components: string[]) => ({
  version,
  date,
  changeType: 'minor',
  components,
})

/** A device with two releases sharing `ssl` (unchanged) while `rtos` is replaced in 2.0. */
const deviceModel = (assessments: FindingAssessment[]): DeviceModel =>
  ({
    product: { id: 'pump', name: 'Pump', manufacturer: { name: 'Acme Medical' } },
    components: [
      {
        id: 'ssl',
        name: 'openssl',
        version: '1.1.1k',
        kind: 'library',
        purl: 'pkg:generic/openssl@1.1.1k',
      },
      { id: 'rtos-9', name: 'rtos', version: '9', kind: 'rtos' },
      { id: 'rtos-10', name: 'rtos', version: '10', kind: 'rtos' },
    ],
    // Listed out of order on purpose: carry-over follows dates.
    releases: [
      release('2.0', '2024-06-01', ['ssl', 'rtos-10']),
      release('1.0', '2023-01-01', ['ssl', 'rtos-9']),
    ],
    controls: [{ id: 'fw', name: 'Firewall', status: 'verified' }],
    verifications: [
      {
        id: 'pentest',
        name: 'Penetration test',
        results: [{ release: '1.0', date: '2023-02-01', verdict: 'pass' }],
      },
    ],
    findingAssessments: assessments,
  }) as unknown as DeviceModel

describe('resolveTriage', () => {
  it('carries a release-scoped analysis to a later release with the same component', () => {
    const model = deviceModel([
      {
        finding: 'CVE-1@ssl',
        status: 'not_affected',
        justification: 'code_not_reachable',
        releases: ['1.0'],
      },
      { finding: 'CVE-2@rtos-9', status: 'affected', releases: ['1.0'] },
    ])
    const triage = resolveTriage(model)
    expect(triage.map((item) => [item.finding, item.release, item.carriedFrom])).toEqual([
      ['CVE-1@ssl', '1.0', undefined],
      ['CVE-1@ssl', '2.0', '1.0'],
      ['CVE-2@rtos-9', '1.0', undefined],
    ])
  })

  it('prefers the release’s own assessment over a carried one', () => {
    const model = deviceModel([
      { finding: 'CVE-1@ssl', status: 'under_investigation', releases: ['1.0'] },
      { finding: 'CVE-1@ssl', status: 'fixed', releases: ['2.0'] },
    ])
    const inTwo = resolveTriage(model, { release: '2.0' })
    expect(inTwo).toHaveLength(1)
    expect(inTwo[0]?.assessment.status).toBe('fixed')
    expect(inTwo[0]?.carriedFrom).toBeUndefined()
  })
})

describe('exportVex', () => {
  const accepted: FindingAssessment = {
    finding: 'CVE-3@ssl',
    status: 'not_affected',
    justification: 'protected_by_mitigating_control',
    detail: 'Blocked at the firewall',
    controls: ['fw'],
    verifications: ['pentest'],
    acceptedUntil: '2025-01-01',
  }

  it('never exports an accepted risk as not affected, in any format', () => {
    const model = deviceModel([accepted])
    const cdx = JSON.stringify(exportVex(model, { format: 'cyclonedx', at: '2024-07-01' }).document)
    const csaf = JSON.stringify(exportVex(model, { format: 'csaf', at: '2024-07-01' }).document)
    const openvex = JSON.stringify(
      exportVex(model, { format: 'openvex', at: '2024-07-01' }).document,
    )
    expect(cdx).toContain('"state":"exploitable"')
    expect(cdx).toContain('will_not_fix')
    expect(cdx).not.toContain('not_affected')
    expect(csaf).toContain('known_affected')
    expect(csaf).not.toContain('known_not_affected')
    expect(csaf).toContain('"category":"no_fix_planned"')
    expect(openvex).toContain('Risk accepted until 2025-01-01')
    expect(openvex).not.toContain('not_affected')
    const result = exportVex(model, { format: 'openvex', at: '2024-07-01' })
    expect(result.issues.map((issue) => issue.code)).toContain('vex/accepted-not-affected')
  })

  it('says an acceptance has expired after its date and drops will_not_fix', () => {
    const { justification: _none, ...rest } = accepted
    const model = deviceModel([{ ...rest, status: 'affected' }])
    const cdx = JSON.stringify(exportVex(model, { format: 'cyclonedx', at: '2025-03-01' }).document)
    expect(cdx).toContain('Risk acceptance expired on 2025-01-01')
    expect(cdx).not.toContain('will_not_fix')
  })

  it('links a not-affected-because-of-a-control decision to the control and its verification', () => {
    const { acceptedUntil: _dropped, ...notAffected } = accepted
    const model = deviceModel([{ ...notAffected, releases: ['1.0'] }])
    const doc = exportVex(model, { format: 'cyclonedx', at: '2024-07-01' }).document
    const text = JSON.stringify(doc)
    expect(text).toContain('"justification":"protected_by_mitigating_control"')
    expect(text).toContain('Relies on control: Firewall (fw, verified).')
    expect(text).toContain(
      'Verified by: Penetration test (pentest): pass on release 1.0, 2023-02-01.',
    )
    // Carried to 2.0, and both releases share one analysis entry with the carry-over noted.
    expect(text).toContain('Assessed for release 1.0; the component is unchanged in 2.0.')
    const openvex = exportVex(model, { format: 'openvex', at: '2024-07-01' }).document
    expect(JSON.stringify(openvex)).toContain('"justification":"inline_mitigations_already_exist"')
  })

  it('gives byte-identical documents for the same inputs and date', () => {
    const model = deviceModel([accepted])
    const once = JSON.stringify(exportVex(model, { format: 'csaf', at: '2024-07-01' }).document)
    const twice = JSON.stringify(exportVex(model, { format: 'csaf', at: '2024-07-01' }).document)
    expect(twice).toBe(once)
    expect(once).toContain('"initial_release_date":"2024-07-01T00:00:00Z"')
  })
})
