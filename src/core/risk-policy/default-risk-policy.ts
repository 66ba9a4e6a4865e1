import type { RiskPolicy } from './risk-policy-schema.js'

/**
 * The policy used when a model names none. FDA defines no cell thresholds: its figure has a
 * fuzzy boundary and leaves the matrix to the manufacturer. Every number and cell here is an
 * example choice by medcyber, labelled as such in every output, for a manufacturer to replace
 * with the criteria of their own risk management plan.
 *
 * Bins follow the CVSS qualitative rating (Low below 4.0, Medium below 7.0, High below 9.0).
 */
export const DEFAULT_RISK_POLICY: RiskPolicy = {
  'medcyber-risk-policy': 'v1',
  id: 'medcyber-example-policy',
  title: 'medcyber example security risk policy (a manufacturer choice, not an FDA requirement)',
  version: '1',
  timeZone: 'UTC',
  cvssScore: 'most-specific',
  exploitability: [
    {
      id: 'low',
      name: 'Low',
      description: 'Needs physical access, special conditions or high privileges (CVSS below 4.0)',
      cvssBelow: 4,
    },
    {
      id: 'medium',
      name: 'Medium',
      description: 'Needs adjacency, user interaction or some privileges (CVSS 4.0 to 6.9)',
      cvssBelow: 7,
    },
    {
      id: 'high',
      name: 'High',
      description: 'Exploitable over a network with little effort (CVSS 7.0 to 8.9)',
      cvssBelow: 9,
    },
    {
      id: 'very-high',
      name: 'Very high',
      description: 'Remote, unauthenticated, no interaction, or exploited in the wild (CVSS 9.0+)',
    },
  ],
  severities: ['negligible', 'minor', 'serious', 'critical', 'catastrophic'],
  controlMatrix: {
    low: ['C', 'C', 'C', 'C', 'C'],
    medium: ['C', 'C', 'C', 'U', 'U'],
    high: ['C', 'C', 'U', 'U', 'U'],
    'very-high': ['C', 'U', 'U', 'U', 'U'],
  },
  acceptabilityMatrix: {
    low: ['A', 'A', 'A', 'A', 'R'],
    medium: ['A', 'A', 'R', 'U', 'U'],
    high: ['A', 'R', 'U', 'U', 'U'],
    'very-high': ['R', 'U', 'U', 'U', 'U'],
  },
  safetyProbability: { convention: 'worst-case' },
  acceptance: { maxReReviewMonths: 12 },
}
