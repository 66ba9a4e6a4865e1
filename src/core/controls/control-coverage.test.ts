import { describe, expect, it } from 'vitest'

import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import type { DeviceModel } from '../model/index.js'
import { generateThreats } from '../threats/index.js'
import { componentPastEndOfSupport } from '../threats/rules/component-past-end-of-support.js'
import { debugPortEnabled } from '../threats/rules/debug-port-enabled.js'
import { unauthenticatedTherapyCommand } from '../threats/rules/unauthenticated-therapy-command.js'

/** The rules these tests were written against; the full registry would fire many more. */
const RULES = [componentPastEndOfSupport, debugPortEnabled, unauthenticatedTherapyCommand]
import { computeControlCoverage, type CoverageReport } from './control-coverage.js'

const DATE = '2026-11-28'

const coverageOf = (model: DeviceModel): CoverageReport =>
  computeControlCoverage(model, generateThreats(model, RULES, { date: DATE }))

const coverage = (change: (model: MinimalModel) => void = () => undefined): CoverageReport =>
  coverageOf(validModel(change))

const jamming = {
  id: 'ble-jamming',
  title: 'Jamming of the BLE link',
  stride: ['denial-of-service'],
  elements: ['bolus-command'],
}

const auditLog = {
  id: 'audit-log',
  name: 'Audit log of therapy changes',
  category: 'event-detection-logging',
  kind: 'design',
  status: 'implemented',
  capabilities: ['AUDT'],
}

const badgeLogin = {
  ...auditLog,
  id: 'badge-login',
  name: 'Badge log-in',
  category: 'authentication',
  capabilities: ['PAUT', 'AUDT'],
}

type Result = { release: string; date: string; verdict: 'pass' | 'fail' | 'inconclusive' }
const withResults =
  (...results: Result[]) =>
  (m: MinimalModel) => {
    m.verifications[0]!.results = results
  }

describe('computeControlCoverage: threats without a control', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['the minimal model (its one threat is mitigated by a control)', () => undefined, []],
    [
      'an open threat no control mitigates',
      (m) => {
        m.threats.push(jamming)
      },
      ['ble-jamming:open-without-control'],
    ],
    [
      'the same threat once a control mitigates it',
      (m) => {
        m.threats.push(jamming)
        m.controls[0]!.mitigates.push('ble-jamming')
      },
      [],
    ],
    [
      'the same threat once an assessment names a control',
      (m) => {
        m.threats.push(jamming)
        m.threatAssessments.push({
          threat: 'ble-jamming',
          status: 'mitigated',
          rationale: 'Frequency hopping',
          controls: ['signed-commands'],
        })
      },
      [],
    ],
    [
      'a threat marked mitigated without any control (inconsistent)',
      (m) => {
        m.threats.push(jamming)
        m.threatAssessments.push({
          threat: 'ble-jamming',
          status: 'mitigated',
          rationale: 'Looks fine',
          controls: [],
        })
      },
      ['ble-jamming:mitigated-without-control'],
    ],
    [
      'a threat accepted without a control (a decision, not a gap)',
      (m) => {
        m.threats.push(jamming)
        m.threatAssessments.push({
          threat: 'ble-jamming',
          status: 'accepted',
          rationale: 'Alarm on link loss; residual risk acceptable',
          controls: [],
        })
      },
      [],
    ],
    [
      'a generated threat (debug port left enabled) with no control',
      (m) => {
        m.interfaces[2]!.status = 'active'
      },
      ['debug-port-enabled@pump-jtag:open-without-control'],
    ],
  ])('%s', (_name, change, expected) => {
    const report = coverage(change)
    expect(report.threatsWithoutControl.map((t) => `${t.threat}:${t.reason}`)).toEqual(expected)
    expect(report.totals.threatsWithoutControl).toBe(expected.length)
  })

  it('says what the uncontrolled threat is about', () => {
    const report = coverage((m) => {
      m.threats.push(jamming)
    })
    expect(report.threatsWithoutControl).toEqual([
      {
        threat: 'ble-jamming',
        title: 'Jamming of the BLE link',
        element: 'bolus-command',
        status: 'open',
        reason: 'open-without-control',
      },
    ])
  })
})

describe('computeControlCoverage: verification of controls', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['every control verified', () => undefined, []],
    [
      'a control no verification names',
      (m) => {
        m.controls.push({ ...auditLog, mitigates: [] })
      },
      ['audit-log'],
    ],
    [
      'the same control once a verification names it',
      (m) => {
        m.controls.push({ ...auditLog, mitigates: [] })
        m.verifications[0]!.controls.push('audit-log')
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    const report = coverage(change)
    expect(report.controlsWithoutVerification.map((c) => c.control)).toEqual(expected)
    expect(report.totals.controlsWithoutVerification).toBe(expected.length)
  })

  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['a single pass', withResults({ release: '1.0', date: '2024-01-01', verdict: 'pass' }), []],
    [
      'a pass, then a fail',
      withResults(
        { release: '1.0', date: '2024-01-01', verdict: 'pass' },
        { release: '1.0', date: '2024-06-01', verdict: 'fail' },
      ),
      ['signed-commands/replay-test@2024-06-01'],
    ],
    [
      'a fail, then a pass (fixed and retested), listed out of date order',
      withResults(
        { release: '1.0', date: '2024-06-01', verdict: 'pass' },
        { release: '1.0', date: '2024-01-01', verdict: 'fail' },
      ),
      [],
    ],
    [
      'a fail and a pass on the same day (the fail counts)',
      withResults(
        { release: '1.0', date: '2024-06-01', verdict: 'pass' },
        { release: '1.0', date: '2024-06-01', verdict: 'fail' },
      ),
      ['signed-commands/replay-test@2024-06-01'],
    ],
    [
      'an inconclusive result',
      withResults({ release: '1.0', date: '2024-01-01', verdict: 'inconclusive' }),
      [],
    ],
    ['no results yet', withResults(), []],
    [
      "another test's later pass does not clear a failed test never repeated",
      (m) => {
        m.verifications[0]!.results = [{ release: '1.0', date: '2024-01-01', verdict: 'fail' }]
        m.verifications.push({
          id: 'fuzz-test',
          name: 'BLE fuzzing',
          kind: 'fuzz-test',
          controls: ['signed-commands'],
          results: [{ release: '1.0', date: '2024-09-01', verdict: 'pass' }],
        })
      },
      ['signed-commands/replay-test@2024-01-01'],
    ],
    [
      'results of different releases are judged apart: 1.0 failed, only 2.0 was retested',
      (m) => {
        m.releases.push({ ...m.releases[0]!, version: '2.0', changeType: 'security-patch' })
        m.verifications[0]!.results = [
          { release: '1.0', date: '2024-01-01', verdict: 'fail' },
          { release: '2.0', date: '2024-09-01', verdict: 'pass' },
        ]
      },
      ['signed-commands/replay-test@2024-01-01'],
    ],
    [
      'a fail on a release before the control existed does not count against it',
      (m) => {
        m.releases.push({ ...m.releases[0]!, version: '2.0', changeType: 'security-patch' })
        Object.assign(m.controls[0]!, { releases: ['2.0'] })
        m.verifications[0]!.results = [
          { release: '1.0', date: '2024-01-01', verdict: 'fail' },
          { release: '2.0', date: '2024-09-01', verdict: 'pass' },
        ]
      },
      [],
    ],
  ])('failing last verification: %s', (_name, change, expected) => {
    const report = coverage(change)
    expect(
      report.controlsFailingVerification.map((f) => `${f.control}/${f.verification}@${f.date}`),
    ).toEqual(expected)
    expect(report.totals.controlsFailingVerification).toBe(expected.length)
  })

  it('reports a failure with the names, release and summary', () => {
    const report = coverage((m) => {
      m.verifications[0]!.results = [
        {
          release: '1.0',
          date: '2024-06-01',
          verdict: 'fail',
          summary: 'Replay accepted',
        } as Result,
      ]
    })
    expect(report.controlsFailingVerification).toEqual([
      {
        control: 'signed-commands',
        name: 'Authenticated commands',
        verification: 'replay-test',
        verificationName: 'Replay test',
        release: '1.0',
        date: '2024-06-01',
        summary: 'Replay accepted',
      },
    ])
  })
})

describe('computeControlCoverage: categories and capabilities', () => {
  it('lists the FDA categories and capabilities no control is in, by the catalogue names', () => {
    const report = coverage()
    expect(report.emptyCategories.map((c) => [c.category, c.name])).toEqual([
      ['authorization', 'Authorization'],
      ['cryptography', 'Cryptography'],
      ['code-data-execution-integrity', 'Code, Data and Execution Integrity'],
      ['confidentiality', 'Confidentiality'],
      ['event-detection-logging', 'Event Detection and Logging'],
      ['resiliency-recovery', 'Resiliency and Recovery'],
      ['updatability-patchability', 'Updatability and Patchability'],
    ])
    expect(report.emptyCapabilities).toHaveLength(19)
    expect(report.emptyCapabilities[0]).toEqual({
      capability: 'ALOF',
      name: 'Automatic logoff',
      controls: [],
      count: 0,
    })
    expect(report.totals).toMatchObject({
      emptyCategories: 7,
      emptyCapabilities: 19,
      controlsNamingCapabilities: 0,
    })
  })

  it('counts controls per category and per capability', () => {
    const report = coverage((m) => {
      m.controls.push({ ...auditLog, mitigates: [] })
      m.controls.push({ ...badgeLogin, mitigates: [] })
    })
    expect(report.categories.map((c) => [c.category, c.count, c.controls])).toEqual([
      ['authentication', 2, ['badge-login', 'signed-commands']],
      ['authorization', 0, []],
      ['cryptography', 0, []],
      ['code-data-execution-integrity', 0, []],
      ['confidentiality', 0, []],
      ['event-detection-logging', 1, ['audit-log']],
      ['resiliency-recovery', 0, []],
      ['updatability-patchability', 0, []],
    ])
    const capabilities = report.capabilities.filter((c) => c.count > 0)
    expect(capabilities.map((c) => [c.capability, c.controls])).toEqual([
      ['AUDT', ['audit-log', 'badge-login']],
      ['PAUT', ['badge-login']],
    ])
    expect(report.emptyCategories.map((c) => c.category)).not.toContain('event-detection-logging')
    expect(report.emptyCapabilities.map((c) => c.capability)).not.toContain('PAUT')
    expect(report.categories.reduce((sum, c) => sum + c.count, 0)).toBe(report.totals.controls)
    expect(report.totals.controlsNamingCapabilities).toBe(2)
  })
})

describe('computeControlCoverage: links between controls and threats', () => {
  const linked = (m: MinimalModel) => {
    m.threats.push(jamming)
    m.controls.push({ ...auditLog, mitigates: ['ble-jamming', 'command-replay'] })
    m.interfaces[2]!.status = 'active'
  }

  it('gives both directions, sorted, with every control and every threat', () => {
    const report = coverage(linked)
    expect(report.controlThreats).toEqual([
      { control: 'audit-log', threats: ['ble-jamming', 'command-replay'] },
      { control: 'signed-commands', threats: ['command-replay'] },
    ])
    expect(report.threatControls).toEqual([
      { threat: 'ble-jamming', controls: ['audit-log'] },
      { threat: 'command-replay', controls: ['audit-log', 'signed-commands'] },
      { threat: 'debug-port-enabled@pump-jtag', controls: [] },
    ])
  })

  it('lists what a control mitigates that is not in the threat list (a rule that no longer fires)', () => {
    expect(coverage().unknownThreatLinks).toEqual([
      { control: 'signed-commands', threat: 'unauthenticated-therapy-command@bolus-command' },
    ])
  })
})

describe('computeControlCoverage: determinism', () => {
  const busy = (m: MinimalModel) => {
    m.threats.push(jamming, { ...jamming, id: 'app-tampering', title: 'Tampered app' })
    m.controls.push(
      { ...auditLog, mitigates: ['ble-jamming'] },
      { ...auditLog, id: 'app-attestation', name: 'App attestation', mitigates: [] },
    )
    m.verifications.push({
      id: 'a-scan',
      name: 'Scan',
      kind: 'vulnerability-scan',
      controls: ['audit-log', 'app-attestation'],
      results: [{ release: '1.0', date: '2024-03-01', verdict: 'fail' }],
    })
    m.interfaces[2]!.status = 'unused'
  }

  it('gives an equal report for the same inputs', () => {
    expect(coverage(busy)).toEqual(coverage(busy))
  })

  it('does not depend on the order of the model lists or of the threat list', () => {
    const model = validModel(busy)
    const reversed = validModel((m) => {
      busy(m)
      m.threats.reverse()
      m.controls.reverse()
      m.verifications.reverse()
      for (const control of m.controls) control.mitigates.reverse()
    })
    const threats = generateThreats(model, RULES, { date: DATE })
    const expected = JSON.stringify(computeControlCoverage(model, threats))
    expect(JSON.stringify(computeControlCoverage(reversed, [...threats].reverse()))).toBe(expected)
    expect(JSON.stringify(coverageOf(reversed))).toBe(expected)
  })
})
