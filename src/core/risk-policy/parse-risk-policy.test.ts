import { describe, expect, it } from 'vitest'

import { FDA_SEVERITY_SCALE } from '../model/index.js'
import { DEFAULT_RISK_POLICY } from './default-risk-policy.js'
import { parseRiskPolicy } from './parse-risk-policy.js'
import type { RiskPolicy } from './risk-policy-schema.js'

const variant = (change: (policy: RiskPolicy) => void): RiskPolicy => {
  const policy = structuredClone(DEFAULT_RISK_POLICY)
  change(policy)
  return policy
}

const codes = (policy: unknown) =>
  parseRiskPolicy(policy, FDA_SEVERITY_SCALE).issues.map((issue) => [issue.code, issue.path])

describe('parseRiskPolicy', () => {
  it('accepts the example policy against the FDA severity scale', () => {
    const parsed = parseRiskPolicy(DEFAULT_RISK_POLICY, FDA_SEVERITY_SCALE)
    expect(parsed.issues).toEqual([])
    expect(parsed.policy?.id).toBe('medcyber-example-policy')
  })

  it('names the cell where a more severe harm would lower the risk', () => {
    const policy = variant((p) => {
      p.controlMatrix.medium = ['C', 'C', 'U', 'C', 'U']
    })
    expect(codes(policy)).toContainEqual([
      'policy/matrix-not-monotone',
      ['controlMatrix', 'medium', 3],
    ])
  })

  it('names the cell where more exploitability would lower the risk', () => {
    const policy = variant((p) => {
      p.acceptabilityMatrix.high = ['A', 'R', 'R', 'R', 'U']
    })
    expect(codes(policy)).toEqual([
      ['policy/matrix-not-monotone', ['acceptabilityMatrix', 'high', 3]],
    ])
  })

  it('refuses an uncontrolled cell that the acceptability matrix calls acceptable', () => {
    const policy = variant((p) => {
      p.controlMatrix.low = ['C', 'C', 'C', 'C', 'U']
    })
    expect(codes(policy)).toEqual([
      ['policy/uncontrolled-acceptable', ['acceptabilityMatrix', 'low', 4]],
    ])
  })

  it('needs every level in every matrix, one cell per severity', () => {
    const policy = variant((p) => {
      delete p.controlMatrix.high
      p.acceptabilityMatrix.low = ['A', 'A', 'A', 'A']
      p.acceptabilityMatrix.extreme = ['U', 'U', 'U', 'U', 'U']
    })
    expect(codes(policy)).toEqual(
      expect.arrayContaining([
        ['policy/matrix-row-missing', ['controlMatrix']],
        ['policy/matrix-row-length', ['acceptabilityMatrix', 'low']],
        ['policy/unknown-level', ['acceptabilityMatrix', 'extreme']],
      ]),
    )
  })

  it("must name the model's severity scale in order", () => {
    const policy = variant((p) => {
      p.severities = ['minor', 'negligible', 'serious', 'critical', 'catastrophic']
    })
    expect(codes(policy)).toEqual([['policy/severity-scale-mismatch', ['severities']]])
  })

  it('needs ascending CVSS bins with the top level open-ended', () => {
    const policy = variant((p) => {
      p.exploitability[1] = { ...p.exploitability[1]!, cvssBelow: 3 }
      p.exploitability[3] = { ...p.exploitability[3]!, cvssBelow: 10 }
    })
    expect(codes(policy)).toEqual([
      ['policy/bins-not-ascending', ['exploitability', 1, 'cvssBelow']],
      ['policy/last-level-bounded', ['exploitability', 3, 'cvssBelow']],
    ])
  })

  it('needs a P1 level for every exploitability level under the exploitability convention', () => {
    const policy = variant((p) => {
      p.safetyProbability = {
        convention: 'exploitability',
        levels: { low: 'P1-2', medium: 'P1-3' },
      }
    })
    expect(codes(policy)).toEqual([
      ['policy/p1-mapping-incomplete', ['safetyProbability', 'levels']],
      ['policy/p1-mapping-incomplete', ['safetyProbability', 'levels']],
    ])
  })

  it('reports schema errors with their path and refuses unknown time zones', () => {
    expect(codes({ ...DEFAULT_RISK_POLICY, controlMatrix: { low: ['C', 'X'] } })[0]?.[1]).toEqual([
      'controlMatrix',
      'low',
      1,
    ])
    expect(codes({ ...DEFAULT_RISK_POLICY, timeZone: 'Mars/Olympus' })).toEqual([
      ['policy/unknown-time-zone', ['timeZone']],
    ])
  })
})
