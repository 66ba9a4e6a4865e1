import { describe, expect, it } from 'vitest'

import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import type { DeviceModel } from '../model/index.js'
import { DEFAULT_RISK_POLICY } from '../risk-policy/index.js'
import { BUILT_IN_RULES, generateThreats } from '../threats/index.js'
import { evaluateRiskRegister, type RiskRegisterOptions } from './evaluate-risk-register.js'

// CVSS 3.1 base scores: 9.8 (very-high), 8.8 (high), 6.5 (medium), 2.4 (low) under the
// example policy's bins.
const CRITICAL = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
const HIGH = 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
const MEDIUM = 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N'
const LOW = 'CVSS:3.1/AV:P/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:L'

type Draft = MinimalModel & Record<string, unknown>

/** The minimal model with risk data written into its assessments. */
const modelWith = (change: (draft: Draft) => void): DeviceModel =>
  validModel((draft) => {
    change(draft)
  })

const register = (model: DeviceModel, options: Partial<RiskRegisterOptions> = {}) =>
  evaluateRiskRegister(
    model,
    generateThreats(model, BUILT_IN_RULES, { date: '2026-11-28' }),
    DEFAULT_RISK_POLICY,
    { today: '2026-11-28', ...options },
  )

const threatRisk =
  (risk: unknown, extra: Record<string, unknown> = {}) =>
  (draft: Draft) => {
    draft.threatAssessments = [
      {
        threat: 'command-replay',
        status: 'mitigated',
        rationale: 'Counters',
        controls: ['signed-commands'],
        hazardousSituations: ['rogue-bolus'],
        risk,
        ...extra,
      },
    ] as unknown as Draft['threatAssessments']
  }

const affectedFinding =
  (risk: unknown, extra: Record<string, unknown> = {}) =>
  (draft: Draft) => {
    draft.findingAssessments = [
      {
        finding: 'CVE-2018-16525@freertos',
        status: 'affected',
        hazardousSituations: ['rogue-bolus'],
        risk,
        ...extra,
      },
    ] as unknown as Draft['findingAssessments']
  }

describe('evaluateRiskRegister', () => {
  it('rates a threat before and after controls, with severity from the worst linked harm', () => {
    const result = register(modelWith(threatRisk({ before: { cvss: HIGH }, after: { cvss: LOW } })))
    // low x catastrophic needs acceptance under the example policy, and none is recorded.
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['risk/mitigated-not-acceptable', ['threatAssessments', 0, 'status']],
    ])
    const [entry] = result.entries
    expect(entry).toMatchObject({
      id: 'command-replay',
      source: 'threat',
      title: 'Replay of a bolus command',
      before: {
        exploitability: 'high',
        severity: 'catastrophic',
        severityBasis: 'harms',
        controlStatus: 'uncontrolled',
        acceptability: 'unacceptable',
      },
      residual: {
        exploitability: 'low',
        severity: 'catastrophic',
        controlStatus: 'controlled',
        acceptability: 'acceptance-required',
      },
      controlStatus: 'controlled',
      acceptable: false,
      harms: ['hypoglycaemia'],
      patientHarm: true,
    })
    expect(entry?.before.exploitabilityBasis).toEqual({
      kind: 'cvss',
      vector: HIGH,
      score: 8.8,
      scoreKind: 'base',
    })
  })

  it('bins the temporal score when the vector has temporal metrics (FDA lists E, RL, RC)', () => {
    // 9.8 base, exploit maturity unproven and an official fix: 9.8 * 0.91 * 0.95 = 8.5 -> high
    const result = register(modelWith(threatRisk({ before: { cvss: `${CRITICAL}/E:U/RL:O` } })))
    expect(result.entries[0]?.before).toMatchObject({
      exploitability: 'high',
      exploitabilityBasis: { score: 8.5, scoreKind: 'temporal' },
    })
  })

  it('takes a stated severity over the harms, and keeps the before estimate where after is silent', () => {
    const result = register(
      modelWith(
        threatRisk({ before: { exploitability: 'medium' }, after: { severity: 'serious' } }),
      ),
    )
    expect(result.entries[0]).toMatchObject({
      before: { exploitability: 'medium', severity: 'catastrophic', controlStatus: 'uncontrolled' },
      residual: {
        exploitability: 'medium',
        severity: 'serious',
        severityBasis: 'stated',
        controlStatus: 'controlled',
        acceptability: 'acceptance-required',
      },
    })
  })

  it('makes a risk that needs acceptance acceptable with an acceptance in force, not once it lapses', () => {
    const acceptance = {
      rationale: 'Benefit of remote bolus outweighs',
      approvedBy: 'J. Doe, risk manager',
      date: '2026-03-01',
      reReview: '2027-03-01',
    }
    const inForce = register(
      modelWith(threatRisk({ before: { cvss: HIGH }, after: { cvss: LOW }, acceptance })),
    )
    expect(inForce.entries[0]).toMatchObject({
      acceptable: true,
      acceptance: { state: 'in-force' },
    })
    expect(inForce.entries[0]?.deadlines).toEqual([
      expect.objectContaining({
        id: 'risk-acceptance-re-review',
        due: '2027-03-01',
        status: { state: 'open', daysRemaining: 93 },
      }),
    ])
    const lapsed = register(
      modelWith(threatRisk({ before: { cvss: HIGH }, after: { cvss: LOW }, acceptance })),
      { today: '2027-03-02' },
    )
    expect(lapsed.entries[0]).toMatchObject({ acceptable: false, acceptance: { state: 'lapsed' } })
    expect(lapsed.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['risk/acceptance-lapsed', ['threatAssessments', 0, 'risk', 'acceptance', 'reReview']],
    ])
    expect(lapsed.summary).toMatchObject({ acceptanceLapsed: 1, deadlinesMissed: 1 })
  })

  it('accepts a risk in an acceptance-required cell, never an uncontrolled one, and flags a residual worse than inherent', () => {
    const acceptance = {
      rationale: 'r',
      approvedBy: 'a',
      date: '2026-03-01',
      reReview: '2027-02-01',
    }
    const needsAcceptance = register(
      modelWith(
        threatRisk({
          before: { exploitability: 'high', severity: 'serious' },
          after: { exploitability: 'high', severity: 'minor' },
          acceptance,
        }),
      ),
    )
    expect(needsAcceptance.entries[0]?.residual.acceptability).toBe('acceptance-required')
    expect(needsAcceptance.entries[0]?.acceptable).toBe(true)

    const uncontrolled = register(
      modelWith(
        threatRisk({ before: { exploitability: 'medium', severity: 'critical' }, acceptance }),
      ),
    )
    expect(uncontrolled.entries[0]).toMatchObject({
      controlStatus: 'uncontrolled',
      acceptable: false,
    })
    expect(uncontrolled.issues.map((issue) => issue.code)).toContain('risk/uncontrolled-accepted')

    const worseAfter = register(
      modelWith(
        threatRisk({
          before: { exploitability: 'high', severity: 'serious' },
          after: { exploitability: 'medium', severity: 'critical' },
          acceptance,
        }),
      ),
    )
    expect(worseAfter.issues.map((issue) => issue.code)).toContain('risk/residual-above-inherent')
  })

  it('accepts a controlled but unacceptable risk only with a benefit-risk conclusion', () => {
    const policy = structuredClone(DEFAULT_RISK_POLICY)
    // A stricter manufacturer: medium x serious is controlled but unacceptable.
    policy.acceptabilityMatrix.medium = ['A', 'A', 'U', 'U', 'U']
    const acceptance = {
      rationale: 'r',
      approvedBy: 'a',
      date: '2026-03-01',
      reReview: '2027-02-01',
    }
    const evaluate = (extra: Record<string, unknown>) => {
      const model = modelWith(
        threatRisk({
          before: { exploitability: 'medium', severity: 'serious' },
          acceptance: { ...acceptance, ...extra },
        }),
      )
      return evaluateRiskRegister(model, [], policy, { today: '2026-11-28' })
    }
    const without = evaluate({})
    expect(without.entries[0]).toMatchObject({ controlStatus: 'controlled', acceptable: false })
    expect(without.issues.map((issue) => issue.code)).toEqual([
      'risk/acceptance-without-benefit-risk',
    ])
    const withConclusion = evaluate({ benefitRisk: 'Therapy benefit outweighs the residual risk' })
    expect(withConclusion.entries[0]?.acceptable).toBe(true)
    expect(withConclusion.issues).toEqual([])
  })

  it('starts the FDA 30- and 60-day clocks for an uncontrolled finding and closes the second with the fixing release', () => {
    const model = modelWith((draft) => {
      affectedFinding(
        { before: { cvss: CRITICAL } },
        { identified: '2026-01-10', releases: ['1.0'] },
      )(draft)
      draft.releases.push({
        version: '1.1',
        date: '2026-03-20',
        changeType: 'security-patch',
        milestones: { endOfLife: '2028-01-01', endOfSupport: '2030-01-01' },
        sboms: ['pump-sbom'],
      })
      ;(draft.findingAssessments as unknown[]).push({
        finding: 'CVE-2018-16525@freertos',
        status: 'fixed',
        releases: ['1.1'],
      })
    })
    const result = register(model)
    const [entry] = result.entries
    expect(entry).toMatchObject({
      id: 'CVE-2018-16525@freertos#1.0',
      source: 'finding',
      title: 'CVE-2018-16525 in FreeRTOS 10.4.3',
      controlStatus: 'uncontrolled',
      acceptable: false,
      identified: '2026-01-10',
    })
    expect(
      entry?.deadlines.map((deadline) => [deadline.id, deadline.due, deadline.status.state]),
    ).toEqual([
      ['fda-uncontrolled-risk-communication', '2026-02-09', 'missed'],
      ['fda-uncontrolled-risk-remediation', '2026-03-11', 'met-late'],
    ])
  })

  it('warns when an uncontrolled finding has no date to start the clocks', () => {
    const result = register(modelWith(affectedFinding({ before: { cvss: CRITICAL } })))
    expect(result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['risk/uncontrolled-without-date', ['findingAssessments', 0]],
    ])
    expect(result.entries[0]?.deadlines).toEqual([])
  })

  it('lists threats and live findings without an evaluation, and skips what carries no risk', () => {
    const result = register(
      modelWith((draft) => {
        draft.findingAssessments = [
          { finding: 'CVE-2018-16525@freertos', status: 'under_investigation' },
          { finding: 'CVE-2018-16526@freertos', status: 'not_affected', detail: 'no TCP' },
        ] as unknown as Draft['findingAssessments']
      }),
    )
    expect(result.entries).toEqual([])
    expect(result.unevaluated).toContainEqual({
      id: 'command-replay',
      title: 'Replay of a bolus command',
      source: 'threat',
      status: 'mitigated',
      reason: 'decided (mitigated) without a risk evaluation',
    })
    expect(result.unevaluated.filter((item) => item.source === 'finding')).toEqual([
      {
        id: 'CVE-2018-16525@freertos',
        title: 'CVE-2018-16525 in FreeRTOS 10.4.3',
        source: 'finding',
        status: 'under_investigation',
        reason: 'under_investigation without a risk evaluation',
      },
    ])
  })

  it('refuses an exploitability level the policy does not know, and a risk with no severity', () => {
    const unknownLevel = register(modelWith(threatRisk({ before: { exploitability: 'extreme' } })))
    expect(unknownLevel.entries).toEqual([])
    expect(unknownLevel.issues[0]).toMatchObject({
      code: 'risk/unknown-exploitability',
      path: ['threatAssessments', 0, 'risk', 'before'],
    })
    expect(unknownLevel.unevaluated.map((item) => item.id)).toContain('command-replay')

    const noSeverity = register(
      modelWith(threatRisk({ before: { cvss: HIGH } }, { hazardousSituations: [] })),
    )
    expect(noSeverity.issues.map((issue) => issue.code)).toEqual(['risk/no-severity'])
  })

  it('warns when a threat is marked accepted but no acceptance is recorded', () => {
    const result = register(
      modelWith(threatRisk({ before: { cvss: LOW } }, { status: 'accepted' })),
    )
    expect(result.issues.map((issue) => issue.code)).toEqual(['risk/accepted-without-acceptance'])
  })

  it('reads only the assessments of the release asked for', () => {
    const model = modelWith(affectedFinding({ before: { cvss: MEDIUM } }, { releases: ['1.0'] }))
    expect(register(model, { release: '1.0' }).entries).toHaveLength(1)
    expect(register(model, { release: '2.0' }).entries).toHaveLength(0)
  })
})
