import { describe, expect, it } from 'vitest'

import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import type { DeviceModel } from '../model/index.js'
import { DEFAULT_RISK_POLICY } from '../risk-policy/index.js'
import { evaluateRiskRegister } from './evaluate-risk-register.js'
import { computeFdaMetrics } from './fda-metrics.js'
import { safetyRiskTable } from './safety-risk-table.js'
import { computeUpdateOversight } from './update-oversight.js'

type Release = MinimalModel['releases'][number]

/**
 * Three releases: 1.0 affected by two vulnerabilities, 1.1 fixes the unacceptable one,
 * 1.2 fixes the one without patient harm and adds a control.
 */
const lifecycleModel = (): DeviceModel =>
  validModel((draft) => {
    const release = (version: string, date: string, extra = {}): Release => ({
      version,
      date,
      changeType: 'security-patch',
      milestones: { endOfLife: '2028-01-01', endOfSupport: '2030-01-01' },
      sboms: ['pump-sbom'],
      ...extra,
    })
    draft.releases.push(
      release('1.1', '2024-03-01', { fullyDeployed: '2024-04-30' }),
      release('1.2', '2024-06-01'),
    )
    draft.controls.push({
      ...draft.controls[0],
      id: 'pairing-lockout',
      name: 'Pairing lockout',
      releases: ['1.2'],
      mitigates: ['command-replay'],
    } as (typeof draft.controls)[number])
    draft.threatAssessments = [
      {
        threat: 'command-replay',
        status: 'mitigated',
        rationale: 'Counters',
        controls: ['signed-commands', 'pairing-lockout'],
        hazardousSituations: ['rogue-bolus'],
        risk: { before: { exploitability: 'medium' }, after: { exploitability: 'low' } },
      },
    ] as unknown as MinimalModel['threatAssessments']
    draft.findingAssessments = [
      {
        finding: 'CVE-2018-16525@freertos',
        status: 'affected',
        releases: ['1.0'],
        identified: '2024-01-10',
        hazardousSituations: ['rogue-bolus'],
        risk: { before: { cvss: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' } },
      },
      {
        finding: 'CVE-2018-16525@freertos',
        status: 'fixed',
        releases: ['1.1', '1.2'],
      },
      {
        finding: 'CVE-2018-16528@freertos',
        status: 'affected',
        releases: ['1.0', '1.1'],
        identified: '2024-02-01',
        risk: { before: { exploitability: 'low', severity: 'negligible' } },
      },
      { finding: 'CVE-2018-16528@freertos', status: 'fixed', releases: ['1.2'] },
      { finding: 'CVE-2018-16599@freertos', status: 'affected', date: '2024-05-01' },
      { finding: 'CVE-2018-16601@freertos', status: 'not_affected', detail: 'no TCP' },
    ] as unknown as MinimalModel['findingAssessments']
  })

const registerOf = (model: DeviceModel) =>
  evaluateRiskRegister(model, [], DEFAULT_RISK_POLICY, { today: '2024-07-01' })

describe('IMDRF N60 update oversight', () => {
  it('rates each update by the worst risk it removes', () => {
    const model = lifecycleModel()
    const oversight = computeUpdateOversight(model, registerOf(model))
    expect(oversight.map((release) => [release.release, release.level])).toEqual([
      ['1.1', 'high'],
      ['1.2', 'medium'],
    ])
    expect(oversight[1]?.changes.map((change) => [change.kind, change.id, change.level])).toEqual([
      ['fixed-finding', 'CVE-2018-16528@freertos', 'low'],
      ['new-control', 'pairing-lockout', 'medium'],
    ])
  })

  it('says undetermined when a fixed vulnerability was never evaluated', () => {
    const model = lifecycleModel()
    const emptyRegister = evaluateRiskRegister(
      {
        ...model,
        findingAssessments: model.findingAssessments.filter((a) => a.risk === undefined),
      },
      [],
      DEFAULT_RISK_POLICY,
      { today: '2024-07-01' },
    )
    expect(computeUpdateOversight(model, emptyRegister)[0]?.level).toBe('undetermined')
  })
})

describe('FDA metrics', () => {
  it('counts identified and patched vulnerabilities and the mean days to patch and deploy', () => {
    const metrics = computeFdaMetrics(lifecycleModel())
    expect(metrics).toMatchObject({
      identified: 3,
      patched: 2,
      percentPatched: 66.7,
      // 2024-01-10 -> 2024-03-01 is 51 days; 2024-02-01 -> 2024-06-01 is 121 days.
      meanDaysToPatch: 86,
      patchDurations: 2,
      // Only 1.1 has a known full deployment: 2024-03-01 -> 2024-04-30.
      meanDaysToDeploy: 60,
      deployDurations: 1,
    })
  })

  it('selects vulnerabilities by the day they were identified', () => {
    const metrics = computeFdaMetrics(lifecycleModel(), { from: '2024-02-01', to: '2024-12-31' })
    expect(metrics.vulnerabilities.map((item) => item.finding)).toEqual([
      'CVE-2018-16528@freertos',
      'CVE-2018-16599@freertos',
    ])
    expect(metrics.percentPatched).toBe(50)
  })
})

describe('security-caused safety risk table', () => {
  it('has one row per risk, hazardous situation and harm, and proposes one where the link is missing', () => {
    const model = validModel((draft) => {
      draft.findingAssessments = [
        {
          finding: 'CVE-2018-16525@freertos',
          status: 'affected',
          identified: '2024-01-10',
          risk: { before: { exploitability: 'low', severity: 'serious' } },
        },
      ] as unknown as MinimalModel['findingAssessments']
      draft.threatAssessments = [
        {
          threat: 'command-replay',
          status: 'mitigated',
          rationale: 'Counters',
          controls: ['signed-commands'],
          hazardousSituations: ['rogue-bolus'],
          risk: { before: { exploitability: 'high' }, after: { exploitability: 'low' } },
        },
      ] as unknown as MinimalModel['threatAssessments']
    })
    const table = safetyRiskTable(registerOf(model), model)
    expect(table.rows).toEqual([
      expect.objectContaining({
        securityRisk: 'command-replay',
        link: 'linked',
        hazard: 'Insulin over-delivery',
        hazardousSituation: 'rogue-bolus: Unintended bolus',
        harm: 'hypoglycaemia: Severe hypoglycaemia',
        severity: 'Catastrophic',
        exploitabilityBefore: 'High',
        exploitabilityResidual: 'Low',
        p1Before: '1',
        p1Residual: '1',
        controlStatus: 'controlled',
      }),
      expect.objectContaining({
        securityRisk: 'CVE-2018-16525@freertos',
        link: 'proposed',
        severity: 'Serious',
        identified: '2024-01-10',
      }),
    ])
    expect(table.notes?.join('\n')).toContain(
      'P1 (probability that the hazardous situation occurs) is set to 1',
    )
  })

  it('maps exploitability to P1 when the policy says so, and records the mapping', () => {
    const model = validModel((draft) => {
      draft.threatAssessments = [
        {
          threat: 'command-replay',
          status: 'mitigated',
          rationale: 'Counters',
          hazardousSituations: ['rogue-bolus'],
          controls: ['signed-commands'],
          risk: { before: { exploitability: 'high' }, after: { exploitability: 'low' } },
        },
      ] as unknown as MinimalModel['threatAssessments']
    })
    const policy = {
      ...DEFAULT_RISK_POLICY,
      safetyProbability: {
        convention: 'exploitability' as const,
        levels: { low: 'P1-2 remote', medium: 'P1-3', high: 'P1-4 probable', 'very-high': 'P1-5' },
      },
    }
    const register = evaluateRiskRegister(model, [], policy, { today: '2024-07-01' })
    const table = safetyRiskTable(register, model)
    expect(table.rows[0]).toMatchObject({ p1Before: 'P1-4 probable', p1Residual: 'P1-2 remote' })
    expect(table.notes?.join('\n')).toContain('high -> P1-4 probable')
  })
})
