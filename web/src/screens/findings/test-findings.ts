import type { Finding } from '../../api/types.js'

/** A finding row as GET .../findings gives it, for the tests beside this file. */
export const findingOf = (over: Partial<Finding>): Finding => ({
  findingId: 'CVE-2024-1@openssl',
  release: '3.2.4',
  vulnerability: 'CVE-2024-1',
  aliases: [],
  component: 'openssl',
  severity: 'HIGH',
  cvssScore: 7.5,
  kev: false,
  epss: null,
  vexStatus: 'untriaged',
  summary: null,
  firstSeen: '2026-01-01T00:00:00Z',
  evaluatedAt: '2026-01-01T00:00:00Z',
  assessments: [],
  ...over,
})
