import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { FDA_SEVERITY_SCALE, type SeverityLevel } from '../model/index.js'
import { scoreCvss } from '../risk/index.js'
import {
  checkRiskPolicy,
  DEFAULT_RISK_POLICY,
  type AcceptabilityCell,
  type ControlCell,
  type RiskPolicy,
} from '../risk-policy/index.js'
import { exploitabilityOf, rateRisk, type MatrixRating } from './rate-risk.js'

const WORSE = {
  controlled: 0,
  uncontrolled: 1,
  acceptable: 0,
  'acceptance-required': 1,
  unacceptable: 2,
}
/** True when `b` is at least as bad as `a` on both outcomes. */
const noBetter = (a: MatrixRating, b: MatrixRating): boolean =>
  WORSE[b.controlStatus] >= WORSE[a.controlStatus] &&
  WORSE[b.acceptability] >= WORSE[a.acceptability]

const RANK: Record<string, number> = { A: 0, C: 0, R: 1, U: 2 }
/** Monotone by the definition: every cell at least as bad as every cell up and to its left. */
const monotone = (rows: readonly (readonly string[])[]): boolean =>
  rows.every((row, i) =>
    row.every((cell, j) =>
      rows.every((other, k) =>
        other.every(
          (otherCell, l) => k > i || l > j || (RANK[cell] ?? 0) >= (RANK[otherCell] ?? 0),
        ),
      ),
    ),
  )

const scale = (count: number): SeverityLevel[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `s${String(i)}`,
    name: `S${String(i)}`,
    description: `level ${String(i)}`,
  }))

/** A policy of the given shape with arbitrary cells, monotone or not. */
const arbitraryPolicy = fc
  .record({ levels: fc.integer({ min: 2, max: 5 }), severities: fc.integer({ min: 2, max: 5 }) })
  .chain(({ levels, severities }) =>
    fc.record({
      levels: fc.constant(levels),
      severities: fc.constant(severities),
      control: fc.array(
        fc.array(fc.constantFrom<ControlCell>('C', 'U'), {
          minLength: severities,
          maxLength: severities,
        }),
        { minLength: levels, maxLength: levels },
      ),
      acceptability: fc.array(
        fc.array(fc.constantFrom<AcceptabilityCell>('A', 'R', 'U'), {
          minLength: severities,
          maxLength: severities,
        }),
        { minLength: levels, maxLength: levels },
      ),
    }),
  )
  .map(({ levels, severities, control, acceptability }): RiskPolicy => {
    const ids = Array.from({ length: levels }, (_, i) => `e${String(i)}`)
    return {
      ...DEFAULT_RISK_POLICY,
      exploitability: ids.map((id, i) => ({
        id,
        name: id,
        description: id,
        ...(i < levels - 1 ? { cvssBelow: ((i + 1) * 10) / levels } : {}),
      })),
      severities: scale(severities).map((level) => level.id),
      controlMatrix: Object.fromEntries(ids.map((id, i) => [id, control[i] ?? []])),
      acceptabilityMatrix: Object.fromEntries(ids.map((id, i) => [id, acceptability[i] ?? []])),
    }
  })

/** Each cell made at least as bad as every cell above and to its left; uncontrolled made unacceptable. */
const monotoneVersion = (policy: RiskPolicy): RiskPolicy => {
  const ids = policy.exploitability.map((level) => level.id)
  const raise = <T extends string>(rows: readonly (readonly T[])[], order: readonly T[]): T[][] => {
    const out: T[][] = []
    rows.forEach((row, i) => {
      out.push(
        row.map((cell, j) => {
          let worst = order.indexOf(cell)
          for (let k = 0; k <= i; k++)
            for (let l = 0; l <= j; l++) {
              const seen = k === i && l === j ? cell : k < i ? out[k]?.[l] : row[l]
              if (seen !== undefined) worst = Math.max(worst, order.indexOf(seen))
            }
          return order[worst] ?? cell
        }),
      )
    })
    return out
  }
  const control = raise(
    ids.map((id) => policy.controlMatrix[id] ?? []),
    ['C', 'U'] as const,
  )
  const acceptability = raise(
    ids.map((id, i) =>
      (policy.acceptabilityMatrix[id] ?? []).map((cell, j) =>
        control[i]?.[j] === 'U' ? 'U' : cell,
      ),
    ),
    ['A', 'R', 'U'] as const,
  )
  return {
    ...policy,
    controlMatrix: Object.fromEntries(ids.map((id, i) => [id, control[i] ?? []])),
    acceptabilityMatrix: Object.fromEntries(ids.map((id, i) => [id, acceptability[i] ?? []])),
  }
}

describe('risk matrix properties', () => {
  it('a policy passes the check exactly when both matrices are monotone and uncontrolled cells are unacceptable', () => {
    fc.assert(
      fc.property(arbitraryPolicy, (policy) => {
        const ids = policy.exploitability.map((level) => level.id)
        const control = ids.map((id) => policy.controlMatrix[id] ?? [])
        const acceptability = ids.map((id) => policy.acceptabilityMatrix[id] ?? [])
        const consistent = control.every((row, i) =>
          row.every((cell, j) => cell === 'C' || acceptability[i]?.[j] === 'U'),
        )
        const expected = monotone(control) && monotone(acceptability) && consistent
        const issues = checkRiskPolicy(policy, scale(policy.severities.length))
        expect(issues.length === 0).toBe(expected)
      }),
      { numRuns: 2000 },
    )
  })

  it('under any accepted policy, more exploitability or more severity never lowers the rating', () => {
    // Built monotone rather than filtered: random matrices are rarely monotone, and filtering
    // for them took tens of seconds on a loaded machine.
    const accepted = arbitraryPolicy.map(monotoneVersion)
    fc.assert(
      fc.property(accepted, (policy) => {
        expect(checkRiskPolicy(policy, scale(policy.severities.length))).toEqual([])
      }),
      { numRuns: 200 },
    )
    fc.assert(
      fc.property(accepted, fc.nat(), fc.nat(), fc.nat(), fc.nat(), (policy, a, b, c, d) => {
        const levels = policy.exploitability.map((level) => level.id)
        const [e1, e2] = [a % levels.length, b % levels.length].sort((x, y) => x - y)
        const [s1, s2] = [c % policy.severities.length, d % policy.severities.length].sort(
          (x, y) => x - y,
        )
        const lower = rateRisk(policy, levels[e1 ?? 0] ?? '', policy.severities[s1 ?? 0] ?? '')
        const higher = rateRisk(policy, levels[e2 ?? 0] ?? '', policy.severities[s2 ?? 0] ?? '')
        expect(noBetter(lower, higher)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('under the example policy, a higher CVSS score and a worse harm never give a better rating', () => {
    const metric = (values: readonly string[]) => fc.constantFrom(...values)
    const vector = fc
      .tuple(
        metric(['N', 'A', 'L', 'P']),
        metric(['L', 'H']),
        metric(['N', 'L', 'H']),
        metric(['N', 'R']),
        metric(['U', 'C']),
        metric(['H', 'L', 'N']),
        metric(['H', 'L', 'N']),
        metric(['H', 'L', 'N']),
      )
      .map(
        ([av, ac, pr, ui, s, c, i, a]) =>
          `CVSS:3.1/AV:${av}/AC:${ac}/PR:${pr}/UI:${ui}/S:${s}/C:${c}/I:${i}/A:${a}`,
      )
    const severities = FDA_SEVERITY_SCALE.map((level) => level.id)
    const severity = fc.constantFrom(...severities)
    fc.assert(
      fc.property(vector, vector, severity, severity, (v1, v2, s1, s2) => {
        const score = (v: string) => {
          const scored = scoreCvss(v)
          if (!scored.ok) throw new Error(v)
          return scored.value.score
        }
        const [lowVector, highVector] = score(v1) <= score(v2) ? [v1, v2] : [v2, v1]
        const [lowSeverity, highSeverity] =
          severities.indexOf(s1) <= severities.indexOf(s2) ? [s1, s2] : [s2, s1]
        const level = (v: string) => {
          const found = exploitabilityOf({ cvss: v }, DEFAULT_RISK_POLICY)
          if (found === undefined || 'problem' in found) throw new Error(v)
          return found.level
        }
        const lower = rateRisk(DEFAULT_RISK_POLICY, level(lowVector), lowSeverity)
        const higher = rateRisk(DEFAULT_RISK_POLICY, level(highVector), highSeverity)
        expect(noBetter(lower, higher)).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})
