import { describe, expect, test } from 'vitest'

import type { FindingAssessment } from '../../api/types.js'
import { findingOf } from './test-findings.js'
import {
  editField,
  formFor,
  initialScope,
  keptFields,
  lacksJustification,
  overriddenCount,
  triageBody,
  triageStart,
} from './triage-request.js'

const BY = { assessedBy: 'Ana Risk', today: '2026-11-29' }

/** An entry with everything the form does not show: a save must send all of it back. */
const everyRelease: FindingAssessment = {
  finding: 'CVE-2024-1@openssl',
  status: 'affected',
  response: ['update'],
  detail: 'Fixed in the next release.\n',
  controls: ['tls-pinning'],
  verifications: ['pen-test-2026'],
  acceptedUntil: '2027-03-31',
  hazardousSituations: ['hs-overdose'],
  risk: {
    before: { exploitability: 'high' },
    acceptance: {
      rationale: 'fix scheduled',
      approvedBy: 'Helen',
      date: '2026-02-10',
      reReview: '2027-02-10',
    },
  },
  discoveryMethod: 'sbom-monitoring',
  identified: '2026-01-05',
  assessedBy: 'Someone else',
  date: '2026-01-05',
}
const onlyOld: FindingAssessment = {
  finding: 'CVE-2024-1@openssl',
  status: 'not_affected',
  justification: 'vulnerable_code_not_in_execute_path',
  releases: ['3.1.0'],
}
const finding = findingOf({ assessments: [everyRelease, onlyOld] })

describe('triageStart', () => {
  test("starts from the scope's own entry", () => {
    const start = triageStart(finding, [])
    expect(start.base).toBe(everyRelease)
    expect(start.values).toEqual({
      status: 'affected',
      justification: '',
      response: ['update'],
      detail: 'Fixed in the next release.\n',
      controls: ['tls-pinning'],
    })
    expect(triageStart(finding, ['3.1.0']).base).toBe(onlyOld)
  })

  test('a scope without an entry starts from the decision that applies there now', () => {
    const start = triageStart(finding, ['3.2.4'])
    expect(start.base).toBeUndefined()
    expect(start.values.status).toBe('affected')
    expect(start.values.controls).toEqual(['tls-pinning'])
  })

  test('a finding without entries starts from its stored VEX status', () => {
    expect(triageStart(findingOf({ vexStatus: 'fixed' }), []).values.status).toBe('fixed')
    expect(triageStart(findingOf({ vexStatus: 'untriaged' }), []).values.status).toBe(
      'under_investigation',
    )
  })
})

describe('triageBody', () => {
  test('changing the status keeps every other field of the entry', () => {
    const start = triageStart(finding, [])
    const { form } = formFor([start], [])
    const body = triageBody(
      start,
      { ...editField(form, 'status', 'fixed'), reason: ' patched ' },
      BY,
    )
    expect(body).toEqual({
      status: 'fixed',
      detail: 'Fixed in the next release.\n',
      controls: ['tls-pinning'],
      verifications: ['pen-test-2026'],
      acceptedUntil: '2027-03-31',
      hazardousSituations: ['hs-overdose'],
      risk: everyRelease.risk,
      discoveryMethod: 'sbom-monitoring',
      identified: '2026-01-05',
      assessedBy: 'Ana Risk',
      date: '2026-11-29',
      reason: 'patched',
    })
    expect(keptFields(start.base)).toEqual([
      'verifications',
      'acceptedUntil',
      'hazardousSituations',
      'risk',
      'discoveryMethod',
      'identified',
    ])
  })

  test('what the user edits replaces the recorded value; typed text is trimmed', () => {
    const start = triageStart(finding, [])
    let { form } = formFor([start], [])
    form = editField(form, 'detail', '  Not reachable.  ')
    form = editField(form, 'controls', [])
    const body = triageBody(start, form, BY)
    expect(body.detail).toBe('Not reachable.')
    expect(body.controls).toBeUndefined()
    expect(body.risk).toEqual(everyRelease.risk)
  })

  test('a justification goes only with not_affected, a response only with affected', () => {
    const start = triageStart(finding, ['3.1.0'])
    const { form } = formFor([start], ['3.1.0'])
    expect(triageBody(start, form, BY)).toMatchObject({
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      releases: ['3.1.0'],
    })
    const affected = triageBody(start, editField(form, 'status', 'affected'), BY)
    expect(affected.justification).toBeUndefined()
    const notAffected = editField({ ...form, releases: [] }, 'status', 'not_affected')
    const fromAffected = triageBody(triageStart(finding, []), notAffected, BY)
    expect(fromAffected.response).toBeUndefined()
    // The recorded detail is the reason VEX needs for not_affected.
    expect(lacksJustification(fromAffected)).toBe(false)
  })

  test('a new entry carries only the decision, not the fields of the one it started from', () => {
    const start = triageStart(finding, ['3.2.4'])
    const { form } = formFor([start], ['3.2.4'])
    expect(
      triageBody(start, { ...form, reason: '' }, { assessedBy: ' ', today: '2026-11-29' }),
    ).toEqual({
      status: 'affected',
      response: ['update'],
      detail: 'Fixed in the next release.\n',
      controls: ['tls-pinning'],
      releases: ['3.2.4'],
      date: '2026-11-29',
    })
  })
})

describe('many findings in one form', () => {
  const other = findingOf({
    findingId: 'CVE-2024-2@zlib',
    assessments: [
      {
        finding: 'CVE-2024-2@zlib',
        status: 'affected',
        detail: 'Only via the service port.',
        controls: ['tls-pinning'],
        risk: { before: { exploitability: 'low' } },
      },
    ],
  })
  const starts = [triageStart(finding, []), triageStart(other, [])]

  test('shared values are shown, differing ones left empty and marked', () => {
    const { form, mixed } = formFor(starts, [])
    expect(form.status).toBe('affected')
    expect(form.controls).toEqual(['tls-pinning'])
    expect(form.detail).toBe('')
    expect([...mixed].sort()).toEqual(['detail', 'response'])
  })

  test("a field left untouched keeps each finding's own value and other fields", () => {
    const { form } = formFor(starts, [])
    const edited = editField(editField(form, 'status', 'fixed'), 'controls', [
      'tls-pinning',
      'fw-sign',
    ])
    const [first, second] = starts.map((start) => triageBody(start, edited, BY))
    expect(first).toMatchObject({
      status: 'fixed',
      detail: 'Fixed in the next release.\n',
      controls: ['tls-pinning', 'fw-sign'],
      risk: everyRelease.risk,
    })
    expect(second).toMatchObject({
      status: 'fixed',
      detail: 'Only via the service port.',
      controls: ['tls-pinning', 'fw-sign'],
      risk: { before: { exploitability: 'low' } },
    })
  })

  test('statuses that differ are kept unless one is chosen', () => {
    const fixed = findingOf({ findingId: 'CVE-2024-3@zlib', vexStatus: 'fixed' })
    const both = [triageStart(finding, []), triageStart(fixed, [])]
    const { form, mixed } = formFor(both, [])
    expect(mixed.has('status')).toBe(true)
    expect(both.map((start) => triageBody(start, form, BY).status)).toEqual(['affected', 'fixed'])
    const chosen = editField(form, 'status', 'not_affected')
    expect(both.map((start) => triageBody(start, chosen, BY).status)).toEqual([
      'not_affected',
      'not_affected',
    ])
  })
})

describe('scope and checks', () => {
  test("the form opens on the release's own entry only when that is the one there is", () => {
    const scoped = findingOf({ assessments: [onlyOld] })
    expect(initialScope([scoped], '3.1.0')).toEqual(['3.1.0'])
    expect(initialScope([finding], '3.1.0')).toEqual([])
    expect(initialScope([scoped], undefined)).toEqual([])
  })

  test('entries for particular releases keep deciding under one for every release', () => {
    const plain = findingOf({ findingId: 'CVE-2024-9@zlib', assessments: [] })
    expect(overriddenCount([finding, plain], [])).toBe(1)
    expect(overriddenCount([finding, plain], ['3.1.0'])).toBe(0)
  })

  test('not_affected needs a justification or a detail', () => {
    expect(lacksJustification({ status: 'not_affected', date: '2026-11-29' })).toBe(true)
    expect(lacksJustification({ status: 'not_affected', detail: 'x', date: '2026-11-29' })).toBe(
      false,
    )
    expect(lacksJustification({ status: 'affected', date: '2026-11-29' })).toBe(false)
  })
})
