import { describe, expect, test } from 'vitest'

import type { ThreatAssessment } from '../../api/types.js'
import { SIGNATURE_SUBJECT_PATTERN } from '../../../../src/server/approval-schemas.js'
import {
  acceptanceBody,
  acceptanceFormFor,
  acceptanceProblems,
  registerSignatureTarget,
  signatureTarget,
} from './acceptance-request.js'
import { rating, riskOf } from './test-risks.js'

const base: ThreatAssessment = {
  threat: 'legacy-bolus-replay',
  status: 'accepted',
  rationale: 'v2 protocol cannot be secured on rev A',
  controls: ['segmentation'],
  hazardousSituations: ['hs-unintended-bolus'],
  risk: { before: { exploitability: 'high' }, after: { exploitability: 'medium' } },
  releases: ['3.2.4'],
  identified: '2026-01-10',
}

describe('acceptanceFormFor', () => {
  test('a new acceptance is dated today, re-reviewed in a year, by the user', () => {
    expect(acceptanceFormFor(riskOf(), '2026-11-29', 'Helen Fischer')).toEqual({
      rationale: '',
      approvedBy: 'Helen Fischer',
      date: '2026-11-29',
      reReview: '2027-11-29',
      benefitRisk: '',
      reason: '',
    })
  })

  test('a recorded acceptance is revised as it is', () => {
    const acceptance = {
      rationale: 'migration program',
      approvedBy: 'Helen Fischer, VP Quality',
      date: '2026-02-10',
      reReview: '2027-02-10',
      state: 'in-force',
    }
    expect(acceptanceFormFor(riskOf({ acceptance }), '2026-11-29', 'Someone')).toMatchObject({
      rationale: 'migration program',
      approvedBy: 'Helen Fischer, VP Quality',
      reReview: '2027-02-10',
      benefitRisk: '',
    })
  })
})

describe('acceptanceProblems', () => {
  const form = acceptanceFormFor(riskOf(), '2026-11-29', 'Helen')
  test('why, who, and a re-review after the decision', () => {
    expect(acceptanceProblems(riskOf(), form)).toEqual(['rationale-missing'])
    expect(
      acceptanceProblems(riskOf(), {
        ...form,
        rationale: 'ok',
        approvedBy: ' ',
        reReview: '2026-11-29',
      }),
    ).toEqual(['approver-missing', 're-review-not-after-date'])
  })

  test('an unacceptable residual risk needs a benefit-risk conclusion', () => {
    const entry = riskOf({
      residual: rating('high', 'critical', { acceptability: 'unacceptable' }),
    })
    expect(acceptanceProblems(entry, { ...form, rationale: 'ok' })).toEqual([
      'benefit-risk-missing',
    ])
    expect(acceptanceProblems(entry, { ...form, rationale: 'ok', benefitRisk: 'insulin' })).toEqual(
      [],
    )
  })
})

describe('acceptanceBody', () => {
  test('the entry as it is, with the acceptance in its risk evaluation', () => {
    const form = {
      rationale: ' accepted until end of support ',
      approvedBy: 'Helen Fischer, VP Quality',
      date: '2026-11-29',
      reReview: '2027-06-30',
      benefitRisk: '',
      reason: 'risk review board 2026-11',
    }
    expect(acceptanceBody(base, form)).toEqual({
      status: 'accepted',
      rationale: 'v2 protocol cannot be secured on rev A',
      controls: ['segmentation'],
      hazardousSituations: ['hs-unintended-bolus'],
      risk: {
        before: { exploitability: 'high' },
        after: { exploitability: 'medium' },
        acceptance: {
          rationale: 'accepted until end of support',
          approvedBy: 'Helen Fischer, VP Quality',
          date: '2026-11-29',
          reReview: '2027-06-30',
        },
      },
      releases: ['3.2.4'],
      identified: '2026-01-10',
      reason: 'risk review board 2026-11',
    })
  })

  test('nothing to add an acceptance to without a risk evaluation', () => {
    const { risk: _risk, ...withoutRisk } = base
    expect(
      acceptanceBody(withoutRisk, { ...acceptanceFormFor(riskOf(), '2026-11-29', 'x') }),
    ).toBeUndefined()
  })
})

describe('signature targets', () => {
  const pattern = new RegExp(SIGNATURE_SUBJECT_PATTERN)

  test("a threat's risk is signed as threat:<id>, which the server's pattern takes", () => {
    const generated = signatureTarget(riskOf({ subject: 'ble-spoofing@pump-ble' }), undefined)
    expect(generated).toEqual({ subject: 'threat:ble-spoofing@pump-ble' })
    expect(pattern.test(generated?.subject ?? '')).toBe(true)
    const custom = signatureTarget(riskOf({ subject: 'legacy-bolus-replay' }), '3.2.4')
    expect(custom).toEqual({ subject: 'threat:legacy-bolus-replay', release: '3.2.4' })
    expect(pattern.test(custom?.subject ?? '')).toBe(true)
    expect(pattern.test(registerSignatureTarget(undefined).subject)).toBe(true)
  })

  test('the release shown, else the risk’s only release', () => {
    expect(signatureTarget(riskOf({ releases: ['3.2.4'] }), undefined)?.release).toBe('3.2.4')
    expect(signatureTarget(riskOf({ releases: ['3.2.4', '4.1.2'] }), undefined)?.release).toBe(
      undefined,
    )
    expect(registerSignatureTarget('4.1.2')).toEqual({ subject: 'risk-register', release: '4.1.2' })
  })

  test("a finding's risk has no signature subject of its own", () => {
    expect(signatureTarget(riskOf({ source: 'finding', subject: 'CVE-1@x' }), undefined)).toBe(
      undefined,
    )
  })
})
