import type { RiskEntry, RiskMatrix } from '../../api/types.js'

type Rating = RiskEntry['before']

const rating = (exploitability: string, severity: string, over: Partial<Rating> = {}): Rating => ({
  exploitability,
  exploitabilityBasis: { kind: 'level' },
  severity,
  severityBasis: 'harms',
  controlStatus: 'controlled',
  acceptability: 'acceptable',
  ...over,
})

/** A risk as GET .../risk-register gives it, for the tests beside this file. */
export const riskOf = (
  over: Partial<RiskEntry> & { before?: Rating; residual?: Rating } = {},
): RiskEntry => ({
  id: 'ble-spoofing@pump-ble',
  title: 'Spoofed BLE peer',
  source: 'threat',
  subject: 'ble-spoofing@pump-ble',
  releases: null,
  status: 'mitigated',
  exploitability: 'high',
  severity: 'critical',
  controlStatus: 'controlled',
  acceptable: true,
  before: rating('high', 'critical', {
    controlStatus: 'uncontrolled',
    acceptability: 'unacceptable',
  }),
  residual: rating('low', 'critical'),
  controls: [],
  hazardousSituations: [],
  harms: [],
  patientHarm: true,
  acceptance: null,
  identified: null,
  deadlines: [],
  rationale: '',
  ...over,
})

export { rating }

/** medcyber's example policy, as the register's `matrix` gives it. */
export const MATRIX: RiskMatrix = {
  exploitability: [
    { id: 'low', name: 'Low' },
    { id: 'medium', name: 'Medium' },
    { id: 'high', name: 'High' },
    { id: 'very-high', name: 'Very high' },
  ],
  severities: ['negligible', 'minor', 'serious', 'critical', 'catastrophic'],
  controlMatrix: {
    low: ['C', 'C', 'C', 'C', 'C'],
    medium: ['C', 'C', 'C', 'U', 'U'],
    high: ['C', 'C', 'U', 'U', 'U'],
    'very-high': ['C', 'U', 'U', 'U', 'U'],
  },
  acceptabilityMatrix: {
    low: ['A', 'A', 'A', 'R', 'R'],
    medium: ['A', 'A', 'R', 'R', 'U'],
    high: ['A', 'R', 'R', 'U', 'U'],
    'very-high': ['R', 'R', 'U', 'U', 'U'],
  },
}
