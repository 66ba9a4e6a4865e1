import type { SecurityCapability } from '../model/index.js'
import type { ClauseReference, ControlCategory } from '../threats/index.js'

/**
 * A security capability of IEC TR 80001-2-2, by the code MDS2 uses for its section. We cite the
 * texts we read: the MDS2 (ANSI/NEMA HN 1-2019) section list, taken from a manufacturer-published
 * 2019 form (a secondary source), and MDCG 2019-16 rev.1 Table 3, which lists the capabilities as
 * indicative for the EU. CNFS is in Table 3 but not among the 2019 MDS2 sections; RDMP is an MDS2
 * section that Table 3 does not list.
 */
export interface SecurityCapabilityEntry {
  readonly id: SecurityCapability
  /** The section's name, as MDS2 (or, for CNFS, MDCG 2019-16) words it. */
  readonly name: string
  /** What the capability provides, in one sentence of our own. */
  readonly description: string
  /**
   * The FDA premarket control categories whose controls typically provide this capability: our
   * mapping, not a published one. Empty when the capability is documentation, not a control.
   */
  readonly fdaCategories: readonly ControlCategory[]
  readonly references: readonly ClauseReference[]
}

const mds2 = (id: SecurityCapability): ClauseReference => ({
  source: 'MDS2',
  clause: `Section ${id}`,
})
const MDCG_TABLE_3: ClauseReference = { source: 'MDCG 2019-16', clause: 'Table 3' }

/** Every capability once, in the order of SECURITY_CAPABILITIES. */
export const SECURITY_CAPABILITY_CATALOGUE: readonly SecurityCapabilityEntry[] = [
  {
    id: 'ALOF',
    name: 'Automatic logoff',
    description:
      'Locks or ends a session left unattended, so nobody else can use it after an idle time.',
    fdaCategories: ['authorization'],
    references: [mds2('ALOF'), MDCG_TABLE_3],
  },
  {
    id: 'AUDT',
    name: 'Audit controls',
    description:
      'Records who did what and when (log-ins, data access, configuration changes) in a trail ' +
      'that can be reviewed.',
    fdaCategories: ['event-detection-logging'],
    references: [mds2('AUDT'), MDCG_TABLE_3],
  },
  {
    id: 'AUTH',
    name: 'Authorization',
    description: 'Limits what each authenticated user or system may see and do to its role.',
    fdaCategories: ['authorization'],
    references: [mds2('AUTH'), MDCG_TABLE_3],
  },
  {
    id: 'CNFS',
    name: 'Configuration of security features',
    description:
      'Lets the operator set the security features (timeouts, password rules, services) to its ' +
      'own policies, within safe limits.',
    fdaCategories: ['authorization', 'resiliency-recovery'],
    references: [MDCG_TABLE_3],
  },
  {
    id: 'CSUP',
    name: 'Cybersecurity product upgrades',
    description:
      'Lets security patches and updates (operating system, drivers, firmware, anti-malware, ' +
      'third-party software) be installed, and says by whom.',
    fdaCategories: ['updatability-patchability'],
    references: [mds2('CSUP'), MDCG_TABLE_3],
  },
  {
    id: 'DIDT',
    name: 'Health data de-identification',
    description:
      'Removes or masks what identifies the patient before data leaves the device or is reused.',
    fdaCategories: ['confidentiality'],
    references: [mds2('DIDT'), MDCG_TABLE_3],
  },
  {
    id: 'DTBK',
    name: 'Data backup and disaster recovery',
    description:
      'Backs up data and configuration, and restores the device to a working state after ' +
      'damage or loss.',
    fdaCategories: ['resiliency-recovery'],
    references: [mds2('DTBK'), MDCG_TABLE_3],
  },
  {
    id: 'EMRG',
    name: 'Emergency access',
    description:
      'Gives controlled, logged access to the device or its data in an emergency, when normal ' +
      'authentication would delay care.',
    fdaCategories: ['authorization', 'resiliency-recovery'],
    references: [mds2('EMRG'), MDCG_TABLE_3],
  },
  {
    id: 'IGAU',
    name: 'Health data integrity and authenticity',
    description:
      'Ensures health data has not been altered or destroyed without authorisation and comes ' +
      'from its claimed source.',
    fdaCategories: ['authentication', 'code-data-execution-integrity'],
    references: [mds2('IGAU'), MDCG_TABLE_3],
  },
  {
    id: 'MLDP',
    name: 'Malware detection/protection',
    description: 'Prevents, detects and removes malicious software.',
    fdaCategories: ['code-data-execution-integrity', 'event-detection-logging'],
    references: [mds2('MLDP'), MDCG_TABLE_3],
  },
  {
    id: 'NAUT',
    name: 'Node authentication',
    description: 'Authenticates the devices, systems and services the device exchanges data with.',
    fdaCategories: ['authentication', 'cryptography'],
    references: [mds2('NAUT'), MDCG_TABLE_3],
  },
  {
    id: 'PAUT',
    name: 'Person authentication',
    description: 'Verifies the identity of each person who uses or services the device.',
    fdaCategories: ['authentication'],
    references: [mds2('PAUT'), MDCG_TABLE_3],
  },
  {
    id: 'PLOK',
    name: 'Physical locks',
    description:
      "Keeps unauthorised people from physically reaching the device's components, ports and " +
      'removable media.',
    fdaCategories: ['code-data-execution-integrity', 'confidentiality'],
    references: [mds2('PLOK'), MDCG_TABLE_3],
  },
  {
    id: 'RDMP',
    name: 'Roadmap for third-party components in device life cycle',
    description:
      'Plans the support, updates and end of support of third-party software and hardware over ' +
      "the device's life.",
    fdaCategories: ['updatability-patchability'],
    references: [mds2('RDMP')],
  },
  {
    id: 'SAHD',
    name: 'System and application hardening',
    description:
      'Shrinks the attack surface: unneeded services, ports, accounts and software removed or ' +
      'disabled, secure settings applied.',
    fdaCategories: ['authorization', 'code-data-execution-integrity'],
    references: [mds2('SAHD'), MDCG_TABLE_3],
  },
  {
    id: 'SGUD',
    name: 'Security guidance',
    description:
      'Gives operators and users the documentation they need to install, configure and run the ' +
      'device securely.',
    fdaCategories: [],
    references: [mds2('SGUD'), MDCG_TABLE_3],
  },
  {
    id: 'STCF',
    name: 'Health data storage confidentiality',
    description:
      'Protects health data stored on the device or its media from disclosure, for example by ' +
      'encryption.',
    fdaCategories: ['confidentiality', 'cryptography'],
    references: [mds2('STCF'), MDCG_TABLE_3],
  },
  {
    id: 'TXCF',
    name: 'Transmission confidentiality',
    description: 'Protects data in transit from disclosure.',
    fdaCategories: ['confidentiality', 'cryptography'],
    references: [mds2('TXCF'), MDCG_TABLE_3],
  },
  {
    id: 'TXIG',
    name: 'Transmission integrity',
    description: 'Protects data in transit from undetected alteration.',
    fdaCategories: ['code-data-execution-integrity', 'cryptography'],
    references: [mds2('TXIG'), MDCG_TABLE_3],
  },
]

const CAPABILITY_BY_ID = new Map(SECURITY_CAPABILITY_CATALOGUE.map((entry) => [entry.id, entry]))

/** The catalogue entry of a capability; every SecurityCapability has one. */
export const securityCapability = (id: SecurityCapability): SecurityCapabilityEntry => {
  const entry = CAPABILITY_BY_ID.get(id)
  if (entry === undefined) throw new Error(`security capability '${id}' is not catalogued`)
  return entry
}
