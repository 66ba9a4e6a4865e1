import type { ClauseReference, ControlCategory } from '../threats/index.js'

/**
 * FDA premarket guidance ("Cybersecurity in Medical Devices: Quality Management System
 * Considerations and Content of Premarket Submissions", 3 Feb 2026 edition), section V.B: the
 * eight security control categories, and the Appendix 1 recommendations under each. Every text
 * here is our paraphrase, not the guidance's words; the clause says where to read the original.
 */
export interface FdaControlCategory {
  readonly id: ControlCategory
  /** The category's name in section V.B. */
  readonly name: string
  /** The heading Appendix 1 lists the category's recommendations under. */
  readonly appendixTitle: string
  /** What the category is about, in one sentence. */
  readonly description: string
  /** Kebab-case prefix of the ids of the category's recommendations, after `fda-`. */
  readonly itemPrefix: string
  readonly references: readonly ClauseReference[]
}

/** One Appendix 1 recommendation: a check-item a design can be held against. */
export interface FdaRecommendation {
  /** Stable, kebab-case, `fda-<itemPrefix>-<topic>`; never reused. */
  readonly id: string
  readonly category: ControlCategory
  /** The recommendation in our own words. */
  readonly text: string
  readonly references: readonly ClauseReference[]
}

const GUIDANCE = 'FDA premarket guidance'

const category = (
  id: ControlCategory,
  name: string,
  appendixTitle: string,
  itemPrefix: string,
  description: string,
): FdaControlCategory => ({
  id,
  name,
  appendixTitle,
  description,
  itemPrefix,
  references: [
    { source: GUIDANCE, clause: 'Section V.B' },
    { source: GUIDANCE, clause: `Appendix 1, ${appendixTitle}` },
  ],
})

/** The eight categories, in the order of section V.B (the order of CONTROL_CATEGORIES). */
export const FDA_CONTROL_CATEGORIES: readonly FdaControlCategory[] = [
  category(
    'authentication',
    'Authentication',
    'Authentication',
    'authn',
    'Proving who or what is at the other end before data, commands or code are accepted.',
  ),
  category(
    'authorization',
    'Authorization',
    'Authorization',
    'authz',
    'Limiting what an authenticated person, device or process may do to what its role needs.',
  ),
  category(
    'cryptography',
    'Cryptography',
    'Cryptography',
    'crypto',
    'Choosing, implementing and keying cryptographic algorithms and protocols soundly.',
  ),
  category(
    'code-data-execution-integrity',
    'Code, Data and Execution Integrity',
    'Code, Data, and Execution Integrity',
    'integrity',
    'Keeping software, configuration, data and running code as the manufacturer intended.',
  ),
  category(
    'confidentiality',
    'Confidentiality',
    'Confidentiality',
    'confidentiality',
    'Keeping data whose disclosure could harm patients, including secrets, from those not entitled.',
  ),
  category(
    'event-detection-logging',
    'Event Detection and Logging',
    'Event Detection and Logging',
    'logging',
    'Noticing, recording and reporting security events so people can respond and investigate.',
  ),
  category(
    'resiliency-recovery',
    'Resiliency and Recovery',
    'Resiliency and Recovery',
    'resiliency',
    'Keeping safety and essential performance through attacks and outages, and recovering after.',
  ),
  category(
    'updatability-patchability',
    'Updatability and Patchability',
    'Firmware and Software Updates',
    'update',
    'Being able to fix the device quickly and reliably for as long as it is supported.',
  ),
]

const CATEGORY_BY_ID = new Map(FDA_CONTROL_CATEGORIES.map((entry) => [entry.id, entry]))

/** The catalogue entry of a category; every ControlCategory has one. */
export const fdaControlCategory = (id: ControlCategory): FdaControlCategory => {
  const entry = CATEGORY_BY_ID.get(id)
  if (entry === undefined) throw new Error(`FDA control category '${id}' is not catalogued`)
  return entry
}

const item = (category: ControlCategory, topic: string, text: string): FdaRecommendation => {
  const entry = fdaControlCategory(category)
  return {
    id: `fda-${entry.itemPrefix}-${topic}`,
    category,
    text,
    references: [{ source: GUIDANCE, clause: `Appendix 1, ${entry.appendixTitle}` }],
  }
}

/**
 * The Appendix 1 recommendations, grouped by category in the order of FDA_CONTROL_CATEGORIES and
 * in the order the appendix gives them within a category.
 */
export const FDA_RECOMMENDATIONS: readonly FdaRecommendation[] = [
  item(
    'authentication',
    'commands',
    'Authenticate people, messages and commands with cryptographically strong authentication ' +
      'that the device itself enforces.',
  ),
  item(
    'authentication',
    'server-sessions',
    'Authenticate the device and the servers it talks to mutually, for each session rather ' +
      'than once for the life of the device.',
  ),
  item(
    'authentication',
    'privileged-mfa',
    'Require more than one authentication factor for privileged roles such as administrators ' +
      'and service technicians.',
  ),
  item(
    'authentication',
    'updates',
    'Authenticate the source of every software or firmware update before it is accepted.',
  ),
  item(
    'authentication',
    'no-shared-credentials',
    'Use no password or key that is hard-coded, set by default, easy to guess or shared ' +
      'between devices or users.',
  ),
  item(
    'authentication',
    'anti-replay',
    'Reject replayed messages (for example with nonces or counters) for any command whose ' +
      'repetition could harm a patient.',
  ),
  item(
    'authentication',
    'telemetry',
    'Let receivers verify that data such as telemetry really comes from the device.',
  ),
  item(
    'authentication',
    'crc-not-security',
    'Do not count a CRC or other non-cryptographic checksum as authentication or integrity ' +
      'protection against an attacker.',
  ),
  item(
    'authentication',
    'failure-behaviour',
    'Define and implement what the device does when authentication fails, so failures are ' +
      'safe and cannot be used to lock out legitimate users.',
  ),
  item(
    'authentication',
    'physical-intent',
    'Ask for a physical action at the device (for example a button press) to confirm intent ' +
      'before operations that could harm the patient.',
  ),
  item(
    'authorization',
    'least-privilege',
    'Give each role (patient, caregiver, clinician, system administrator) and each process ' +
      'only the privileges it needs.',
  ),
  item(
    'authorization',
    'session-timeout',
    'End idle sessions automatically, with a timeout suited to the use environment.',
  ),
  item('authorization', 'deny-by-default', 'Deny every access that is not explicitly allowed.'),
  item(
    'cryptography',
    'nist-algorithms',
    'Use algorithms and protocols NIST recommends, in modules validated to FIPS 140-3 where ' +
      'possible.',
  ),
  item(
    'cryptography',
    'no-deprecated-algorithms',
    'Use no algorithm NIST SP 800-131A deprecates or disallows; discuss any "legacy use" ' +
      'algorithm with FDA first.',
  ),
  item(
    'cryptography',
    'unique-keys',
    'Use no master key and no key derivable from public data such as a serial number, so that ' +
      'breaking one device reveals no key of another.',
  ),
  item(
    'cryptography',
    'strongest-protocol',
    'Negotiate the strongest protocol version and cipher both ends support.',
  ),
  item(
    'cryptography',
    'no-downgrade',
    'Refuse downgrades to weaker versions unless patient safety requires one, and log every ' +
      'downgrade allowed.',
  ),
  item(
    'code-data-execution-integrity',
    'signed-code',
    'Verify digital signatures over firmware, software and their metadata before installing ' +
      'and before running them.',
  ),
  item(
    'code-data-execution-integrity',
    'allow-listing',
    'Run only code that an allow-list based on signatures permits.',
  ),
  item(
    'code-data-execution-integrity',
    'debug-ports',
    'Lock or disable test and debug ports (JTAG, SWD, UART) on production devices.',
  ),
  item(
    'code-data-execution-integrity',
    'tamper-evidence',
    'Make physical tampering with enclosures and ports evident, for example with seals.',
  ),
  item(
    'code-data-execution-integrity',
    'device-identity',
    'Make each device identifiable (UDI, model and serial number) electronically, not only on ' +
      'its label.',
  ),
  item(
    'code-data-execution-integrity',
    'input-validation',
    'Check the format and the safe range of all incoming data before acting on it.',
  ),
  item(
    'code-data-execution-integrity',
    'safety-configuration',
    'Protect the integrity of configuration that safety depends on, such as energy output ' +
      'settings.',
  ),
  item(
    'code-data-execution-integrity',
    'host-intrusion-detection',
    'Detect or prevent unauthorised changes to running code with host-based intrusion ' +
      'detection or prevention where the platform allows.',
  ),
  item(
    'code-data-execution-integrity',
    'parser-review',
    'Review the parsers of untrusted input for safe handling of malformed data.',
  ),
  item(
    'confidentiality',
    'harmful-disclosure',
    'Protect the confidentiality of all data whose disclosure could lead to patient harm, ' +
      'encrypting it where needed.',
  ),
  item(
    'confidentiality',
    'credentials-keys',
    'Keep credentials and keys secret in storage and in transit, since one leaked secret can ' +
      'open many devices.',
  ),
  item(
    'event-detection-logging',
    'security-events',
    'Detect security events and log them with a trustworthy timestamp.',
  ),
  item(
    'event-detection-logging',
    'off-device',
    'Keep security logs protected off the device, so they survive a compromise of it.',
  ),
  item(
    'event-detection-logging',
    'forensics',
    'Make it possible to capture forensic evidence after a suspected compromise.',
  ),
  item(
    'event-detection-logging',
    'siem-integration',
    'Emit security events in a form intrusion detection systems and SIEMs can consume.',
  ),
  item(
    'event-detection-logging',
    'anti-malware',
    'Provide malware protection where the platform calls for it: on Windows, case by case on ' +
      'other commercial operating systems, seldom on embedded real-time systems.',
  ),
  item(
    'event-detection-logging',
    'software-configuration',
    'Report the installed software and its configuration in a machine-readable form.',
  ),
  item(
    'event-detection-logging',
    'variant-analysis',
    'Support variant analysis: finding the same weakness in other products and versions.',
  ),
  item(
    'event-detection-logging',
    'notify-anomalies',
    'Tell users when the device detects an anomaly that may be a security event.',
  ),
  item(
    'event-detection-logging',
    'sbom-output',
    'Be able to output its software bill of materials in a machine-readable form.',
  ),
  item(
    'resiliency-recovery',
    'isolate-critical-functions',
    'Isolate critical functions from the rest (process isolation, virtualisation, trusted ' +
      'execution environment).',
  ),
  item(
    'resiliency-recovery',
    'restore-trusted-state',
    'Be able to return to a trusted default configuration after a compromise or failure.',
  ),
  item(
    'resiliency-recovery',
    'autonomy-without-network',
    'Define how the device behaves on its own when communication is lost, and keep it safe.',
  ),
  item(
    'resiliency-recovery',
    'degraded-network',
    'Withstand network outages, denial of service, low bandwidth, poor quality of service, ' +
      'jitter and scanning traffic.',
  ),
  item(
    'updatability-patchability',
    'spare-capacity',
    'Reserve storage and processing capacity for future patches.',
  ),
  item(
    'updatability-patchability',
    'robust-install',
    'Make updates robust to interruption, so a failed update leaves a working device.',
  ),
  item(
    'updatability-patchability',
    'out-of-cycle-patches',
    'Be able to ship security patches outside the feature release cycle.',
  ),
  item(
    'updatability-patchability',
    'preserve-build-environment',
    'Keep build environments, virtual machines, test suites and tools so patches can still be ' +
      'built and tested years later.',
  ),
  item(
    'updatability-patchability',
    'supplier-contingency',
    'Keep licences current and plan for the failure of a supplier the update path depends on.',
  ),
]
