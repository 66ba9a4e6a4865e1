/**
 * The closed sets of words the device model uses. Order is data where a scale is ordered.
 * Each set names its source so reviewers can check it against the text it comes from.
 */

/** What the device does for the patient; a device may be several. */
export const DEVICE_TYPES = [
  'diagnostic',
  'monitoring',
  'therapy',
  'life-supporting',
  'imaging',
  'ivd',
  'software-only',
  'accessory',
] as const
export type DeviceType = (typeof DEVICE_TYPES)[number]

/** ISO 10993-1 body-contact categories, plus `none` and `indirect`. */
export const PATIENT_CONTACTS = [
  'none',
  'indirect',
  'surface',
  'externally-communicating',
  'implant',
] as const
export type PatientContact = (typeof PATIENT_CONTACTS)[number]

export const USE_ENVIRONMENTS = [
  'hospital-network',
  'clinic',
  'home',
  'mobile',
  'cloud',
  'transport',
] as const
export type UseEnvironment = (typeof USE_ENVIRONMENTS)[number]

export const JURISDICTIONS = ['US', 'EU', 'JP'] as const
export type Jurisdiction = (typeof JURISDICTIONS)[number]

/** 21 CFR 860 device classes and the premarket pathways they go through. */
export const US_DEVICE_CLASSES = ['I', 'II', 'III'] as const
export const US_PATHWAYS = ['510k', 'de-novo', 'pma', 'hde', 'exempt'] as const
export type UsPathway = (typeof US_PATHWAYS)[number]

/** EU MDR Annex VIII classes, and IVDR Annex VIII classes for in-vitro diagnostics. */
export const EU_REGULATIONS = ['MDR', 'IVDR'] as const
export const EU_MDR_CLASSES = ['I', 'Is', 'Im', 'Ir', 'IIa', 'IIb', 'III'] as const
export const EU_IVDR_CLASSES = ['A', 'B', 'C', 'D'] as const
export const EU_DEVICE_CLASSES = [...EU_MDR_CLASSES, ...EU_IVDR_CLASSES] as const
export type EuDeviceClass = (typeof EU_DEVICE_CLASSES)[number]

/** Japan PMD Act classes (I general, II controlled, III and IV specially controlled). */
export const JP_DEVICE_CLASSES = ['I', 'II', 'III', 'IV'] as const

/**
 * The categories of the MITRE "Rubric for Applying CVSS to Medical Devices": the rubric asks its
 * confidentiality, integrity and availability questions once per category.
 */
export const ASSET_CATEGORIES = [
  'phi',
  'diagnosis-monitoring',
  'therapy-delivery',
  'clinical-workflow',
  'system-secrets',
  'other',
] as const
export type AssetCategory = (typeof ASSET_CATEGORIES)[number]

/** Clinical functions use the rubric's clinical categories. */
export const CLINICAL_FUNCTION_CATEGORIES = [
  'diagnosis-monitoring',
  'therapy-delivery',
  'clinical-workflow',
  'other',
] as const
export type ClinicalFunctionCategory = (typeof CLINICAL_FUNCTION_CATEGORIES)[number]

export const ASSET_KINDS = ['data', 'function'] as const

/** The CVSS impact levels, so a need maps one to one onto a rubric answer. */
export const SECURITY_NEEDS = ['none', 'low', 'high'] as const
export type SecurityNeed = (typeof SECURITY_NEEDS)[number]

/** The nodes of the architecture; FDA premarket guidance calls them elements of the system views. */
export const ELEMENT_KINDS = [
  'device',
  'device-component',
  'accessory',
  'mobile-app',
  'desktop-app',
  'web-app',
  'workstation',
  'server',
  'cloud-service',
  'update-server',
  'data-store',
  'network-infrastructure',
  'hdo-system',
  'third-party-service',
  'external-entity',
] as const
export type ElementKind = (typeof ELEMENT_KINDS)[number]

/** Kinds that are part of the medical device itself unless `partOfDevice` says otherwise. */
export const DEVICE_ELEMENT_KINDS: readonly ElementKind[] = [
  'device',
  'device-component',
  'accessory',
  'mobile-app',
  'desktop-app',
]

export const OWNERS = ['manufacturer', 'hdo', 'patient', 'third-party'] as const
export type Owner = (typeof OWNERS)[number]

/** Physical and logical interfaces FDA premarket guidance asks manufacturers to list. */
export const INTERFACE_TYPES = [
  'ble',
  'bluetooth-classic',
  'wifi',
  'ethernet',
  'cellular',
  'network',
  'usb',
  'serial',
  'nfc',
  'inductive',
  'proprietary-rf',
  'infrared',
  'debug-jtag',
  'debug-swd',
  'debug-uart',
  'removable-media',
  'user-interface',
  'local-api',
] as const
export type InterfaceType = (typeof INTERFACE_TYPES)[number]

/**
 * `active`: enabled and used by an intended function; `unused`: present and enabled but not
 * needed (attack surface FDA asks to list); `disabled`: present but disabled in the shipped
 * configuration or hardware (fuse blown, port unpopulated).
 */
export const INTERFACE_STATUSES = ['active', 'unused', 'disabled'] as const
export type InterfaceStatus = (typeof INTERFACE_STATUSES)[number]

export const DIRECTIONS = ['in', 'out', 'both'] as const

/** Bluetooth pairing association models (Core Specification vol 3 part H). */
export const PAIRING_METHODS = [
  'none',
  'just-works',
  'passkey-entry',
  'numeric-comparison',
  'out-of-band',
] as const

/** FDA Appendix 2: whether a path carries data, code or commands. */
export const PAYLOAD_KINDS = [
  'data',
  'commands',
  'software',
  'configuration',
  'credentials',
  'logs',
] as const
export type PayloadKind = (typeof PAYLOAD_KINDS)[number]

/**
 * Who proves identity on a data flow: `source` means the destination verifies the source,
 * `destination` means the source verifies the destination (e.g. server-only TLS).
 */
export const FLOW_AUTHENTICATIONS = ['none', 'source', 'destination', 'mutual'] as const
export type FlowAuthentication = (typeof FLOW_AUTHENTICATIONS)[number]

/**
 * How the credentials that authenticate a flow are issued. FDA premarket guidance Appendix 1:
 * no hard-coded, default or shared credentials, and no keys common to many devices.
 */
export const CREDENTIAL_KINDS = [
  'individual',
  'per-device',
  'shared',
  'default',
  'hard-coded',
] as const
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number]

export const ENCRYPTIONS = [
  'none',
  'tls',
  'dtls',
  'ble-link-layer',
  'wifi-link-layer',
  'ipsec',
  'vpn',
  'application-layer',
  'proprietary',
] as const
export type Encryption = (typeof ENCRYPTIONS)[number]

/** `crc` covers any non-cryptographic check: FDA Appendix 1 says a CRC is not a security control. */
export const INTEGRITY_PROTECTIONS = [
  'none',
  'crc',
  'mac',
  'signature',
  'authenticated-encryption',
] as const
export type IntegrityProtection = (typeof INTEGRITY_PROTECTIONS)[number]

export const TRUST_BOUNDARY_KINDS = [
  'network-zone',
  'physical',
  'device',
  'execution-environment',
  'cloud',
  'organization',
] as const

export const ROLE_KINDS = [
  'patient',
  'caregiver',
  'clinician',
  'service',
  'administrator',
  'manufacturer',
  'system',
] as const

export const AUTHENTICATION_FACTORS = [
  'none',
  'password',
  'pin',
  'badge',
  'biometric',
  'certificate',
  'single-sign-on',
  'multi-factor',
  'physical-presence',
] as const

export const ACTOR_KINDS = ['person', 'organization', 'system'] as const

export const COMPONENT_KINDS = [
  'application',
  'firmware',
  'operating-system',
  'rtos',
  'library',
  'runtime',
  'database',
  'driver',
  'hardware',
  'third-party-service',
  'container',
] as const
export type ComponentKind = (typeof COMPONENT_KINDS)[number]

/** FDA premarket guidance section V.A.4: level of support per SBOM component. */
export const SUPPORT_LEVELS = [
  'actively-maintained',
  'no-longer-maintained',
  'abandoned',
  'unknown',
] as const
export type SupportLevel = (typeof SUPPORT_LEVELS)[number]

export const SBOM_FORMATS = [
  'cyclonedx-json',
  'cyclonedx-xml',
  'spdx-json',
  'spdx-tag-value',
] as const

/** FDA premarket guidance on modifications: what kind of change a release is. */
export const CHANGE_TYPES = [
  'initial',
  'cybersecurity-significant',
  'not-cybersecurity-significant',
  'security-patch',
] as const

/** IMDRF N60 Table 2 update delivery methods. */
export const UPDATE_METHODS = ['remote', 'user-managed', 'service'] as const

/** IMDRF N70 lifecycle stages (TPLC), in order. */
export const SUPPORT_PHASES = [
  'development',
  'support',
  'limited-support',
  'end-of-support',
] as const
export type SupportPhase = (typeof SUPPORT_PHASES)[number]

/** FDA premarket guidance section V.B: the eight security control categories. */
export const CONTROL_CATEGORIES = [
  'authentication',
  'authorization',
  'cryptography',
  'code-data-execution-integrity',
  'confidentiality',
  'event-detection-logging',
  'resiliency-recovery',
  'updatability-patchability',
] as const

/**
 * ISO 14971 control option order (inherent safety by design, protective measures, information for
 * safety), MDCG 2019-16's security analogue, plus compensating controls deployed by users (FDA
 * postmarket) and process controls.
 */
export const CONTROL_KINDS = [
  'design',
  'protective',
  'information',
  'compensating',
  'process',
] as const

export const CONTROL_STATUSES = ['planned', 'implemented', 'verified'] as const

/**
 * IEC TR 80001-2-2 security capabilities, by the codes MDS2 (2019) uses for its sections; MDCG
 * 2019-16 Table 3 lists the same capabilities as indicative for the EU.
 */
export const SECURITY_CAPABILITIES = [
  'ALOF',
  'AUDT',
  'AUTH',
  'CNFS',
  'CSUP',
  'DIDT',
  'DTBK',
  'EMRG',
  'IGAU',
  'MLDP',
  'NAUT',
  'PAUT',
  'PLOK',
  'RDMP',
  'SAHD',
  'SGUD',
  'STCF',
  'TXCF',
  'TXIG',
] as const
export type SecurityCapability = (typeof SECURITY_CAPABILITIES)[number]

/** IMDRF N70 Table 1: compensating controls for devices in limited support or after end of support. */
export const COMPENSATING_CONTROL_TYPES = [
  'physical-access',
  'removable-media-restriction',
  'network-isolation',
  'network-segregation',
  'monitoring',
  'remove-remote-access',
  'firewall',
  'anti-malware',
  'backup-restore',
  'staff-education',
] as const
export type CompensatingControlType = (typeof COMPENSATING_CONTROL_TYPES)[number]

export const STRIDE = [
  'spoofing',
  'tampering',
  'repudiation',
  'information-disclosure',
  'denial-of-service',
  'elevation-of-privilege',
] as const

/** FDA premarket guidance section V.C testing kinds. */
export const VERIFICATION_KINDS = [
  'security-requirement-test',
  'threat-mitigation-test',
  'fuzz-test',
  'robustness-test',
  'abuse-case-test',
  'attack-surface-analysis',
  'vulnerability-scan',
  'binary-sca',
  'sast',
  'dast',
  'credential-scan',
  'penetration-test',
  'code-review',
] as const

export const INDEPENDENCE_LEVELS = ['internal', 'internal-independent', 'third-party'] as const

/** How the manufacturer learned of a vulnerability (FDA premarket guidance V.A.4). */
export const DISCOVERY_METHODS = [
  'sbom-monitoring',
  'supplier-notification',
  'public-advisory',
  'isao',
  'researcher-report',
  'customer-report',
  'internal-testing',
  'penetration-test',
] as const
export type DiscoveryMethod = (typeof DISCOVERY_METHODS)[number]

export const VERDICTS = ['pass', 'fail', 'inconclusive'] as const

export const THREAT_STATUSES = [
  'open',
  'mitigated',
  'accepted',
  'transferred',
  'not-applicable',
  'false-positive',
] as const

/** VEX status, spelled as CSAF 2.0 product status and OpenVEX spell it. */
export const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const

/**
 * VEX justifications for `not_affected`: the CSAF 2.0 flag labels (= OpenVEX), then CycloneDX's;
 * each exports in the other vocabularies through src/core/vex.
 */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
  // CycloneDX `analysis.justification` (Dependency-Track's vocabulary), for finer statements.
  'code_not_present',
  'code_not_reachable',
  'requires_configuration',
  'requires_dependency',
  'requires_environment',
  'protected_by_compiler',
  'protected_at_runtime',
  'protected_at_perimeter',
  'protected_by_mitigating_control',
] as const

/** CycloneDX `analysis.response` values. */
export const VEX_RESPONSES = [
  'can_not_fix',
  'will_not_fix',
  'update',
  'rollback',
  'workaround_available',
] as const
