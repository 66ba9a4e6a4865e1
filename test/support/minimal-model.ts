/**
 * The smallest model that exercises every section: tests spread it and change one thing, so
 * each test shows exactly what it breaks.
 */
export const minimalModel = () => ({
  medcyber: 'v1',
  product: {
    id: 'pump',
    name: 'Test Pump',
    manufacturer: { name: 'Test Medical' },
    modelNumbers: ['TP-1'],
    intendedUse: 'Insulin delivery',
    deviceTypes: ['therapy'],
    patientContact: 'surface',
    useEnvironments: ['home'],
    jurisdictions: { US: { class: 'II', pathway: '510k' } },
    clinicalFunctions: [
      {
        id: 'bolus',
        name: 'Bolus delivery',
        category: 'therapy-delivery',
        elements: ['pump-device'],
      },
    ],
  },
  elements: [
    { id: 'pump-device', name: 'Pump', kind: 'device', owner: 'patient' },
    { id: 'phone', name: 'Phone app', kind: 'mobile-app', owner: 'patient' },
  ],
  interfaces: [
    { id: 'pump-ble', element: 'pump-device', type: 'ble', status: 'active' },
    { id: 'phone-ble', element: 'phone', type: 'ble', status: 'active' },
    { id: 'pump-jtag', element: 'pump-device', type: 'debug-jtag', status: 'disabled' },
  ],
  dataFlows: [
    {
      id: 'bolus-command',
      name: 'Bolus command',
      from: 'phone',
      to: 'pump-device',
      interfaces: ['phone-ble', 'pump-ble'],
      protocol: 'BLE GATT',
      payload: ['commands'],
      assets: ['dose-settings'],
      authentication: { type: 'mutual' },
      encryption: { type: 'ble-link-layer' },
      integrity: 'authenticated-encryption',
      replayProtection: true,
    },
  ],
  trustBoundaries: [
    { id: 'patient-body-area', name: 'Body area', kind: 'physical', elements: ['pump-device'] },
  ],
  assets: [
    {
      id: 'dose-settings',
      name: 'Dose settings',
      kind: 'data',
      category: 'therapy-delivery',
      security: { confidentiality: 'low', integrity: 'high', availability: 'high' },
    },
  ],
  components: [
    {
      id: 'freertos',
      name: 'FreeRTOS',
      version: '10.4.3',
      kind: 'rtos',
      elements: ['pump-device'],
      supportLevel: 'actively-maintained',
      endOfSupport: '2030-12-31',
    },
  ],
  sboms: [{ id: 'pump-sbom', path: 'pump.cdx.json', format: 'cyclonedx-json' }],
  releases: [
    {
      version: '1.0',
      date: '2024-01-01',
      changeType: 'initial',
      milestones: { endOfLife: '2028-01-01', endOfSupport: '2030-01-01' },
      sboms: ['pump-sbom'],
    },
  ],
  hazards: [{ id: 'overdose', name: 'Insulin over-delivery', functions: ['bolus'] }],
  hazardousSituations: [
    {
      id: 'rogue-bolus',
      hazard: 'overdose',
      description: 'Unintended bolus',
      harms: ['hypoglycaemia'],
    },
  ],
  harms: [{ id: 'hypoglycaemia', description: 'Severe hypoglycaemia', severity: 'catastrophic' }],
  threats: [
    {
      id: 'command-replay',
      title: 'Replay of a bolus command',
      stride: ['tampering'],
      elements: ['bolus-command'],
    },
  ],
  controls: [
    {
      id: 'signed-commands',
      name: 'Authenticated commands',
      category: 'authentication',
      kind: 'design',
      status: 'implemented',
      mitigates: ['command-replay', 'unauthenticated-therapy-command@bolus-command'],
    },
  ],
  verifications: [
    {
      id: 'replay-test',
      name: 'Replay test',
      kind: 'threat-mitigation-test',
      controls: ['signed-commands'],
      results: [{ release: '1.0', date: '2024-01-01', verdict: 'pass' }],
    },
  ],
  threatAssessments: [
    {
      threat: 'command-replay',
      status: 'mitigated',
      rationale: 'Counters',
      controls: ['signed-commands'],
    },
  ],
  findingAssessments: [
    {
      finding: 'CVE-2018-16525@freertos',
      status: 'not_affected',
      justification: 'component_not_present',
    },
  ],
})
