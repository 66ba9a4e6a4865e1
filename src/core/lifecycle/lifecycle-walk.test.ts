import { describe, expect, it } from 'vitest'

import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import type { InstalledBaseEntry } from '../installed-base/index.js'
import type { DeviceModel, SupportPhase } from '../model/index.js'
import { buildDeliverable, createReportContext } from '../reports/index.js'
import { DEFAULT_RISK_POLICY } from '../risk-policy/index.js'
import { recommendStageTransition, stageTransitionTriggers } from './stage-transition.js'
import { supportStatusOn } from './support-phase.js'

/**
 * Release 1.0 of an example pump, shipped 2024-01-01 with end of life 2028-01-01 and end of
 * support 2030-01-01, walked through the years as its components age: the BLE stack's supplier
 * support ends 2026-06-30, the crypto library's 2029-03-31, FreeRTOS's 2030-12-31.
 */
const pump = (declared?: { phase: SupportPhase; rationale: string }): DeviceModel =>
  validModel((draft) => {
    const [freertos] = draft.components
    const component = (id: string, endOfSupport: string) =>
      ({ ...freertos, id, name: id, endOfSupport }) as MinimalModel['components'][number]
    draft.components.push(
      component('ble-stack', '2026-06-30'),
      component('crypto-lib', '2029-03-31'),
    )
    const [release] = draft.releases
    if (release === undefined) throw new Error('no release')
    Object.assign(release, {
      components: ['freertos', 'ble-stack', 'crypto-lib'],
      ...(declared === undefined
        ? {}
        : { supportPhase: declared.phase, supportPhaseRationale: declared.rationale }),
    })
  })

const INSTALLED: InstalledBaseEntry[] = [
  {
    customer: 'St. Mary',
    site: 'Ward 4',
    release: '1.0',
    units: 8,
    contactEmail: 'biomed@stmary.example',
    deployedOn: '2024-03-01',
  },
]

/** The ids of the lifecycle notices issued on the day. */
const notices = (model: DeviceModel, date: string): string[] =>
  buildDeliverable(
    'lifecycle-notice',
    createReportContext({
      model,
      policy: DEFAULT_RISK_POLICY,
      policyIsExample: true,
      date,
      language: 'en',
      installedBase: INSTALLED,
    }),
  ).flatMap((part) => (part.kind === 'document' ? [part.tree.id] : []))

const statusOn = (model: DeviceModel, date: string) => {
  const [status] = supportStatusOn(model, date)
  if (status === undefined) throw new Error('no release')
  return status
}

describe('IMDRF N70 lifecycle of a release, from support to end of support', () => {
  it('walks the phases, the notices, the stage-transition assessments and the transfer package', () => {
    // 2023: not yet on the market.
    expect(statusOn(pump(), '2023-12-01').phase).toBe('development')

    // 2024-2026: full support; customers must be told of end of support by 2028-01-01, two years
    // ahead (N70), and the end-of-life and end-of-support notices are drafted from the start.
    const early = statusOn(pump(), '2025-01-01')
    expect(early).toMatchObject({ phase: 'support', endOfSupportNoticeDue: '2028-01-01' })
    expect(stageTransitionTriggers(early)).toEqual([])
    expect(notices(pump(), '2025-01-01')).toEqual([
      'lifecycle-notices',
      'end-of-life-notice-1.0',
      'end-of-support-notice-1.0',
    ])

    // 2026-07-01: the BLE stack lost its supplier's support: the assessment is triggered. It
    // finds a patient-safety impact, mitigated by compensating controls that still rely on the
    // stack: N70 moves the release to limited support, with a public notice.
    const bleGone = statusOn(pump(), '2026-07-01')
    expect(bleGone.phase).toBe('support')
    expect(stageTransitionTriggers(bleGone)).toEqual([
      { id: 'ble-stack', endOfSupport: '2026-06-30', unsupportedAtRelease: false },
    ])
    const first = recommendStageTransition({
      phase: bleGone.phase,
      patientSafetyImpact: true,
      mitigation: 'mitigated-with-unsupported',
    })
    expect(first).toMatchObject({
      phase: 'limited-support',
      communications: ['inform-users', 'public-notice'],
    })
    // The manufacturer declares the phase; the limited-support notice now goes out.
    const limited = pump({
      phase: first.phase,
      rationale: 'BLE stack unsupported since 2026-06-30',
    })
    expect(statusOn(limited, '2026-07-01')).toMatchObject({
      phase: 'limited-support',
      phaseSource: 'declared',
      phaseFromMilestones: 'support',
    })
    expect(notices(limited, '2026-07-01')).toContain('limited-support-notice-1.0')

    // 2028-01-01: end of life by the milestones; the two-year end-of-support notice is due today.
    expect(statusOn(pump(), '2028-01-01')).toMatchObject({
      phase: 'limited-support',
      phaseSource: 'milestones',
      endOfSupportNoticeDue: '2028-01-01',
    })

    // 2029-04-01: the crypto library is unsupported too, and its risk cannot be mitigated: the
    // release cannot be reasonably protected any more, so N70 moves it to end of support.
    const cryptoGone = statusOn(limited, '2029-04-01')
    expect(stageTransitionTriggers(cryptoGone).map((c) => c.id)).toEqual([
      'ble-stack',
      'crypto-lib',
    ])
    expect(
      recommendStageTransition({
        phase: cryptoGone.phase,
        patientSafetyImpact: true,
        mitigation: 'not-mitigable',
      }),
    ).toMatchObject({ phase: 'end-of-support', communications: ['inform-users', 'public-notice'] })
    // Had the assessment found no patient-safety impact, the release would stay, users informed.
    expect(
      recommendStageTransition({ phase: 'limited-support', patientSafetyImpact: false }),
    ).toMatchObject({ phase: 'limited-support', communications: ['inform-users'] })

    // 2030-01-01: end of support by the milestones: the transfer package goes to the sites still
    // running the release, with the final SBOM, vulnerabilities, residual risks and controls.
    expect(statusOn(pump(), '2030-01-01').phase).toBe('end-of-support')
    const parts = buildDeliverable(
      'eos-transfer-package',
      createReportContext({
        model: pump(),
        policy: DEFAULT_RISK_POLICY,
        policyIsExample: true,
        date: '2030-01-01',
        language: 'en',
        installedBase: INSTALLED,
      }),
    )
    const [tree] = parts.flatMap((part) => (part.kind === 'document' ? [part.tree] : []))
    const text = JSON.stringify(tree)
    expect(text).toContain('biomed@stmary.example')
    expect(text).not.toContain('draft to send ahead')
    for (const component of ['freertos', 'ble-stack', 'crypto-lib'])
      expect(text).toContain(component)
    expect(parts.filter((part) => part.kind === 'data')).toHaveLength(3)
  })
})
