/**
 * What `medcyber init` writes: a small connected monitor, commented so that a security engineer
 * can replace it section by section. It must stay valid (a test validates it).
 */
export const STARTER_MODEL = `# yaml-language-server: $schema=./medcyber.schema.json
# A medcyber device model (format medcyber/v1). Run \`medcyber validate .\` after each edit.
# Ids are readable slugs (lower-case letters, digits, hyphens) and are shared by all kinds of
# items, so a threat id like \`rule@element\` always names one thing. Quote versions: "1.0".
medcyber: v1

# Split a large model into files; their lists are joined in this order.
include:
  - security.yaml

product:
  id: example-monitor
  name: Example Wearable Monitor
  manufacturer:
    name: Example Medical Inc.
    securityContact: psirt@example.com
  modelNumbers: [EWM-100]
  intendedUse: >-
    Continuous measurement and display of heart rate and SpO2 for adult patients at home.
  deviceTypes: [monitoring]
  patientContact: surface
  useEnvironments: [home, mobile, cloud]
  jurisdictions:
    US: { class: II, pathway: 510k }
    EU: { regulation: MDR, class: IIa, rule: Rule 11 }
  clinicalFunctions:
    - id: vital-sign-monitoring
      name: Heart rate and SpO2 monitoring
      category: diagnosis-monitoring
      elements: [wearable]
    - id: low-spo2-alert
      name: Low SpO2 alert to the patient
      category: diagnosis-monitoring
      elements: [wearable, phone-app]
  essentialPerformance:
    - id: alert-delivery
      description: A low SpO2 alert reaches the patient within 10 seconds.
      functions: [low-spo2-alert]

# The architecture: elements are the boxes of the data-flow diagram.
elements:
  - id: wearable
    name: Wearable sensor
    kind: device
    owner: patient
  - id: phone-app
    name: Companion phone app
    kind: mobile-app
    owner: patient
  - id: cloud
    name: Manufacturer cloud service
    kind: cloud-service
    owner: manufacturer

# Every interface, used or not: FDA asks for unused ones too.
interfaces:
  - id: wearable-ble
    element: wearable
    type: ble
    status: active
    direction: both
    pairing: numeric-comparison
    rangeMeters: 10
  - id: wearable-debug
    element: wearable
    type: debug-swd
    status: disabled
    purpose: Factory programming; locked by readout protection before shipping.
  - id: phone-ble
    element: phone-app
    type: ble
    status: active
  - id: phone-internet
    element: phone-app
    type: cellular
    status: active
  - id: cloud-api
    element: cloud
    type: network
    status: active
    ports: [443/tcp]

# Data flows say how each path is protected; these facts drive the threat rules.
dataFlows:
  - id: vitals-to-phone
    name: Vital signs
    from: wearable
    to: phone-app
    interfaces: [wearable-ble, phone-ble]
    protocol: BLE GATT
    payload: [data]
    assets: [vital-signs]
    authentication: { type: mutual, mechanism: LE Secure Connections bonding }
    encryption: { type: ble-link-layer, mechanism: AES-CCM 128 }
    integrity: authenticated-encryption
    replayProtection: true
  - id: vitals-to-cloud
    name: Vital-sign upload
    from: phone-app
    to: cloud
    interfaces: [phone-internet, cloud-api]
    protocol: HTTPS
    payload: [data]
    assets: [vital-signs]
    authentication: { type: mutual, mechanism: OAuth 2.0 token + server certificate }
    encryption: { type: tls, version: '1.3' }
    integrity: authenticated-encryption
    replayProtection: true

trustBoundaries:
  - id: patient-home
    name: Patient's devices
    kind: physical
    elements: [wearable, phone-app]
  - id: manufacturer-cloud
    name: Manufacturer cloud tenant
    kind: cloud
    elements: [cloud]

roles:
  - id: patient
    name: Patient
    kind: patient
    privileged: false
    elements: [phone-app]
    authentication: [biometric]

actors:
  - id: adult-patient
    name: Adult patient at home
    kind: person
    roles: [patient]

# What to protect, with the categories of the MITRE medical CVSS rubric.
assets:
  - id: vital-signs
    name: Heart rate and SpO2 readings
    kind: data
    category: diagnosis-monitoring
    security: { confidentiality: low, integrity: high, availability: high }
    elements: [wearable, phone-app, cloud]
    clinicalFunction: vital-sign-monitoring

components:
  - id: sensor-firmware
    name: EWM sensor firmware
    version: '1.0.0'
    kind: firmware
    supplier: Example Medical Inc.
    elements: [wearable]
    supportLevel: actively-maintained
    endOfSupport: '2031-12-31'
    sbomRefs: [{ sbom: wearable-sbom, bomRef: sensor-firmware }]

sboms:
  - id: wearable-sbom
    path: sbom/wearable.cdx.json
    format: cyclonedx-json
    elements: [wearable]

releases:
  - version: '1.0.0'
    date: '2026-01-15'
    changeType: initial
    updateMethod: remote
    milestones: { endOfLife: '2030-12-31', endOfSupport: '2032-12-31' }
    sboms: [wearable-sbom]
    components: [sensor-firmware]

# ISO 14971: hazard -> hazardous situation -> harm. Severity uses the FDA five-level scale
# unless you declare \`severityScale\`.
hazards:
  - id: missed-desaturation
    name: Desaturation not detected
    functions: [vital-sign-monitoring, low-spo2-alert]
    assets: [vital-signs]
hazardousSituations:
  - id: alert-suppressed
    hazard: missed-desaturation
    description: A low SpO2 alert is suppressed or delayed while the patient desaturates.
    harms: [hypoxic-injury]
harms:
  - id: hypoxic-injury
    description: Hypoxic injury from untreated desaturation
    severity: critical
`

export const STARTER_SECURITY = `# yaml-language-server: $schema=./medcyber.schema.json
# Controls, tests and people's decisions, kept apart from the architecture so reviews stay small.
medcyber: v1

controls:
  - id: ble-secure-connections
    name: BLE LE Secure Connections with numeric comparison
    category: authentication
    kind: design
    status: implemented
    elements: [vitals-to-phone]
    mitigates: [ble-eavesdropping]
    hazardousSituations: [alert-suppressed]

threats:
  - id: ble-eavesdropping
    title: Nearby attacker reads or alters vital signs on the BLE link
    stride: [information-disclosure, tampering]
    elements: [vitals-to-phone]
    capec: [94]
    cwe: [319]

verifications:
  - id: ble-pairing-test
    name: BLE pairing and MITM test
    kind: threat-mitigation-test
    controls: [ble-secure-connections]
    independence: internal-independent
    results:
      - release: '1.0.0'
        date: '2025-12-10'
        verdict: pass

# Decisions made by people, keyed by the stable id of the threat or finding.
threatAssessments:
  - threat: ble-eavesdropping
    status: mitigated
    rationale: LE Secure Connections with numeric comparison prevents passive and MITM attacks.
    controls: [ble-secure-connections]
    hazardousSituations: [alert-suppressed]
`

export const STARTER_SBOM = `${JSON.stringify(
  {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    version: 1,
    metadata: {
      component: {
        type: 'device',
        'bom-ref': 'wearable',
        name: 'Example Wearable Monitor',
        version: '1.0.0',
        supplier: { name: 'Example Medical Inc.' },
      },
    },
    components: [
      {
        type: 'firmware',
        'bom-ref': 'sensor-firmware',
        name: 'EWM sensor firmware',
        version: '1.0.0',
        supplier: { name: 'Example Medical Inc.' },
      },
    ],
  },
  null,
  2,
)}
`
