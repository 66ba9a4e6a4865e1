import type { CompensatingControlType } from '../model/index.js'
import type { ClauseReference } from '../threats/index.js'

/**
 * IMDRF N70 ("Principles and Practices for the Cybersecurity of Legacy Medical Devices", 2023)
 * Table 1: controls a healthcare provider can put around a device in limited support or after
 * end of support. Descriptions are our own words.
 */
export interface CompensatingControlEntry {
  readonly id: CompensatingControlType
  readonly name: string
  /** What the control does, in one sentence of our own. */
  readonly description: string
  readonly references: readonly ClauseReference[]
}

const TABLE_1: ClauseReference = { source: 'IMDRF N70', clause: 'Table 1' }

/** Every compensating control type once, in the order of COMPENSATING_CONTROL_TYPES. */
export const COMPENSATING_CONTROL_CATALOGUE: readonly CompensatingControlEntry[] = [
  {
    id: 'physical-access',
    name: 'Physical access control',
    description: 'Keeps the device and its ports where only authorised staff can reach them.',
    references: [TABLE_1],
  },
  {
    id: 'removable-media-restriction',
    name: 'Removable media restriction',
    description: 'Blocks or controls USB drives and other removable media on the device.',
    references: [TABLE_1],
  },
  {
    id: 'network-isolation',
    name: 'Network isolation',
    description:
      'Takes the device off the network, or onto a closed network with only the systems it ' +
      'needs.',
    references: [TABLE_1],
  },
  {
    id: 'network-segregation',
    name: 'Network segregation',
    description:
      'Puts the device in its own network segment (for example a VLAN), apart from general ' +
      'traffic.',
    references: [TABLE_1],
  },
  {
    id: 'monitoring',
    name: 'Monitoring',
    description:
      "Watches the device's traffic and logs with intrusion detection or prevention and a SIEM.",
    references: [TABLE_1],
  },
  {
    id: 'remove-remote-access',
    name: 'Removal of remote access',
    description:
      'Disables remote access paths, such as vendor remote service, that are not needed.',
    references: [TABLE_1],
  },
  {
    id: 'firewall',
    name: 'Firewall',
    description: 'Lets through only the ports and protocols the device needs, and blocks the rest.',
    references: [TABLE_1],
  },
  {
    id: 'anti-malware',
    name: 'Anti-malware',
    description:
      'Adds malware protection after consulting the manufacturer; on isolated devices, one that ' +
      'needs no signature updates.',
    references: [TABLE_1],
  },
  {
    id: 'backup-restore',
    name: 'Backup and restore',
    description:
      'Keeps backups of software, configuration and data, so the device can be restored after ' +
      'an incident.',
    references: [TABLE_1],
  },
  {
    id: 'staff-education',
    name: 'Staff education',
    description:
      "Teaches staff the device's remaining risks, the controls around it and how to report a " +
      'suspected incident.',
    references: [{ source: 'IMDRF N70', clause: 'Table 1 and the text around it' }],
  },
]

const ENTRY_BY_ID = new Map(COMPENSATING_CONTROL_CATALOGUE.map((entry) => [entry.id, entry]))

/** The catalogue entry of a compensating control type; every type has one. */
export const compensatingControl = (id: CompensatingControlType): CompensatingControlEntry => {
  const entry = ENTRY_BY_ID.get(id)
  if (entry === undefined) throw new Error(`compensating control type '${id}' is not catalogued`)
  return entry
}
