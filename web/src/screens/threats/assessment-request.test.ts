import { describe, expect, test } from 'vitest'

import type { ThreatAssessment } from '../../api/types.js'
import { assessmentBody, assessmentFor, formFor } from './assessment-request.js'
import { threatOf } from './test-threats.js'

const BY = { assessedBy: 'Ana Risk', today: '2026-11-29' }

const everyRelease: ThreatAssessment = {
  threat: 'ble-spoofing@pump-ble',
  status: 'mitigated',
  rationale: 'LESC pairing',
  controls: ['ble-lesc'],
  risk: {
    before: { exploitability: 'high' },
    acceptance: {
      rationale: 'accepted',
      approvedBy: 'Helen',
      date: '2026-02-10',
      reReview: '2027-02-10',
    },
  },
  identified: '2026-01-05',
  assessedBy: 'Someone else',
  date: '2026-01-05',
}
const onlyOld: ThreatAssessment = {
  threat: 'ble-spoofing@pump-ble',
  status: 'accepted',
  rationale: 'legacy radio',
  releases: ['3.2.4', '3.1.0'],
}
const threat = threatOf({
  status: 'mitigated',
  rationale: 'LESC pairing',
  controls: ['ble-lesc', 'app-allowlist'],
  hazardousSituations: ['hs-bolus'],
  assessments: [everyRelease, onlyOld],
})

describe('release scopes', () => {
  test('the entry a save replaces has exactly the scope', () => {
    expect(assessmentFor(threat, [])).toBe(everyRelease)
    expect(assessmentFor(threat, ['3.1.0', '3.2.4'])).toBe(onlyOld)
    expect(assessmentFor(threat, ['3.2.4'])).toBeUndefined()
  })
})

describe('formFor', () => {
  test('starts from the entry of the scope', () => {
    expect(formFor(threat, ['3.1.0', '3.2.4'])).toMatchObject({
      status: 'accepted',
      rationale: 'legacy radio',
      controls: [],
      hazardousSituations: [],
    })
  })

  test('a scope without an entry starts from what applies now', () => {
    expect(formFor(threat, ['4.1.2'])).toEqual({
      status: 'mitigated',
      rationale: 'LESC pairing',
      controls: ['ble-lesc', 'app-allowlist'],
      hazardousSituations: ['hs-bolus'],
      releases: ['4.1.2'],
      reason: '',
    })
  })
})

describe('assessmentBody', () => {
  test('keeps the risk evaluation and identification of the entry it replaces', () => {
    const form = { ...formFor(threat, []), status: 'open' as const, reason: ' re-opened ' }
    expect(assessmentBody(everyRelease, form, BY)).toEqual({
      status: 'open',
      rationale: 'LESC pairing',
      controls: ['ble-lesc'],
      risk: everyRelease.risk,
      identified: '2026-01-05',
      assessedBy: 'Ana Risk',
      date: '2026-11-29',
      reason: 're-opened',
    })
  })

  test('a new scoped entry sends its releases and leaves empty lists out', () => {
    const form = {
      ...formFor(threat, ['4.1.2']),
      controls: [],
      hazardousSituations: [],
      rationale: '  not reachable in 4.1.2 ',
      status: 'not-applicable' as const,
    }
    expect(assessmentBody(undefined, form, BY)).toEqual({
      status: 'not-applicable',
      rationale: 'not reachable in 4.1.2',
      releases: ['4.1.2'],
      assessedBy: 'Ana Risk',
      date: '2026-11-29',
    })
  })
})
