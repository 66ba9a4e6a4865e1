import type { Finding } from '../../src/core/index.js'

/** A finding of CVE-2018-16525 in FreeRTOS 10.4.3 on the pump of the minimal model, untriaged. */
export const freertosFinding = (change: Partial<Finding> = {}): Finding => ({
  id: 'CVE-2018-16525@freertos',
  vulnerability: 'CVE-2018-16525',
  aliases: [],
  advisories: ['CVE-2018-16525'],
  target: {
    id: 'freertos',
    name: 'FreeRTOS',
    version: '10.4.3',
    releases: ['1.0'],
    hosts: ['pump-device'],
  },
  confidence: 'high',
  evidence: [],
  status: 'untriaged',
  ...change,
})
