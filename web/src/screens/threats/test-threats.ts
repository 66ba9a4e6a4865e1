import type { Threat } from '../../api/types.js'

/** A threat as GET .../threats gives it, for the tests beside this file. */
export const threatOf = (over: Partial<Threat>): Threat => ({
  id: 'ble-spoofing@pump-ble',
  rule: 'ble-spoofing',
  title: 'Spoofed BLE peer',
  stride: ['spoofing'],
  element: 'pump-ble',
  capec: ['CAPEC-151'],
  cwe: ['CWE-290'],
  status: 'open',
  rationale: null,
  controls: [],
  hazardousSituations: [],
  detail: 'An attacker in radio range pretends to be the app.',
  multiPatient: false,
  assessments: [],
  ...over,
})
