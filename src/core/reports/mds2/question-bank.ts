/**
 * The MDS2 question bank: the sections and questions of the ANSI/NEMA HN 1-2019 form, in form
 * order, with the form's own wording.
 *
 * Source read: a manufacturer-published, completely filled-in 2019-format MDS2 (MediCapture Inc.,
 * medical video recorders MVR/MTR, document MDS2-MVR), found in a public GitHub repository's
 * product knowledge base. Every question id and text below is taken from it, including wording
 * quirks that appear to come from the official form ("refernce", "initiative", "2.3.19"). Two
 * evident transcription slips of that copy were corrected: `SHAD-15` is listed as SAHD-15 (the
 * SAHD section numbering runs 14.1, 15, 16) and DOC-8's "Disclosure;" reads "Disclosure:" like
 * DOC-9 to DOC-11. The copy carries no IEC TR 80001-2-2 / NIST SP 800-53 reference columns, so
 * none are given here. No Japanese translation of the 2019 form exists (glossary-ja §3).
 */

export const MDS2_SECTION_IDS = [
  'DOC',
  'MPII',
  'ALOF',
  'AUDT',
  'AUTH',
  'CSUP',
  'DIDT',
  'DTBK',
  'EMRG',
  'IGAU',
  'MLDP',
  'NAUT',
  'CONN',
  'PAUT',
  'PLOK',
  'RDMP',
  'SBOM',
  'SAHD',
  'SGUD',
  'STCF',
  'TXCF',
  'TXIG',
  'RMOT',
] as const
export type Mds2SectionId = (typeof MDS2_SECTION_IDS)[number]

export interface Mds2Question {
  /** `<SECTION>-<n>[.<m>[.<k>]]`, e.g. `AUDT-2.8.1`. */
  readonly id: string
  readonly question: string
}

export interface Mds2Section {
  readonly id: Mds2SectionId
  readonly title: string
  /** The form's one-line statement of the capability the section asks about. */
  readonly description?: string
  readonly questions: readonly Mds2Question[]
}

const section = (
  id: Mds2SectionId,
  title: string,
  description: string | undefined,
  questions: readonly (readonly [string, string])[],
): Mds2Section => ({
  id,
  title,
  ...(description === undefined ? {} : { description }),
  questions: questions.map(([qid, question]) => ({ id: `${id}-${qid}`, question })),
})

const UPDATE_QUESTIONS = (n: number): (readonly [string, string])[] => [
  [
    `${n.toString()}.1`,
    'Does the device documentation provide instructions for owner/operator installation of patches or software updates?',
  ],
  [
    `${n.toString()}.2`,
    'Does the device require vendor or vendor-authorized service to install patches or software updates?',
  ],
  [
    `${n.toString()}.3`,
    'Does the device have the capability to receive remote installation of patches or software updates?',
  ],
  [
    `${n.toString()}.4`,
    'Does the medical device manufacturer allow security updates from any third-party manufacturers (e.g., Microsoft) to be installed without approval from the manufacturer?',
  ],
]

export const MDS2_QUESTION_BANK: readonly Mds2Section[] = [
  section('DOC', 'Device description', undefined, [
    ['1', 'Manufacturer Name'],
    ['2', 'Device Description'],
    ['3', 'Device Model'],
    ['4', 'Document ID'],
    ['5', 'Manufacturer Contact Information'],
    ['6', 'Intended use of device in network-connected environment'],
    ['7', 'Document Release Date'],
    [
      '8',
      'Coordinated Vulnerability Disclosure: Does the manufacturer have a vulnerability disclosure program for this device?',
    ],
    ['9', 'ISAO: Is the manufacturer part of an Information Sharing and Analysis Organization?'],
    [
      '10',
      'Diagram: Is a network or data flow diagram available that indicates connections to other system components or expected external resources?',
    ],
    ['11', 'SaMD: Is the device Software as a Medical Device (i.e. software-only, no hardware)?'],
    ['11.1', 'Does the SaMD contain an operating system?'],
    ['11.2', 'Does the SaMD rely on an owner/operator provided operating system?'],
    ['11.3', 'Is the SaMD hosted by the manufacturer?'],
    ['11.4', 'Is the SaMD hosted by the customer?'],
  ]),
  section('MPII', 'Management of personally identifiable information', undefined, [
    [
      '1',
      'Can this device display, transmit, store, or modify personally identifiable information (e.g. electronic Protected Health Information (ePHI))?',
    ],
    ['2', 'Does the device maintain personally identifiable information?'],
    [
      '2.1',
      'Does the device maintain personally identifiable information temporarily in volatile memory (i.e., until cleared by power-off or reset)?',
    ],
    [
      '2.2',
      'Does the device store personally identifiable information persistently on internal media?',
    ],
    [
      '2.3',
      'Is personally identifiable information preserved in the device’s non-volatile memory until explicitly erased?',
    ],
    ['2.4', 'Does the device store personally identifiable information in a database?'],
    [
      '2.5',
      'Does the device allow configuration to automatically delete local personally identifiable information after it is stored to a long term solution?',
    ],
    [
      '2.6',
      'Does the device import/export personally identifiable information with other systems (e.g., a wearable monitoring device might export personally identifiable information to a server)?',
    ],
    [
      '2.7',
      'Does the device maintain personally identifiable information when powered off, or during power service interruptions?',
    ],
    [
      '2.8',
      'Does the device allow the internal media to be removed by a service technician (e.g., for separate destruction or customer retention)?',
    ],
    [
      '2.9',
      'Does the device allow personally identifiable information records be stored in a separate location from the device’s operating system (i.e. secondary internal drive, alternate drive partition, or remote storage location)?',
    ],
    [
      '3',
      'Does the device have mechanisms used for the transmitting, importing/exporting of personally identifiable information?',
    ],
    [
      '3.1',
      'Does the device display personally identifiable information (e.g., video display, etc.)?',
    ],
    [
      '3.2',
      'Does the device generate hardcopy reports or images containing personally identifiable information?',
    ],
    [
      '3.3',
      'Does the device retrieve personally identifiable information from or record personally identifiable information to removable media (e.g., removable-HDD, USB memory, DVD-R/RW,CD-R/RW, tape, CF/SD card, memory stick, etc.)?',
    ],
    [
      '3.4',
      'Does the device transmit/receive or import/export personally identifiable information via dedicated cable connection (e.g., RS-232, RS-423, USB, FireWire, etc.)?',
    ],
    [
      '3.5',
      'Does the device transmit/receive personally identifiable information via a wired network connection (e.g., RJ45, fiber optic, etc.)?',
    ],
    [
      '3.6',
      'Does the device transmit/receive personally identifiable information via a wireless network connection (e.g., WiFi, Bluetooth, NFC, infrared, cellular, etc.)?',
    ],
    [
      '3.7',
      'Does the device transmit/receive personally identifiable information over an external network (e.g., Internet)?',
    ],
    ['3.8', 'Does the device import personally identifiable information via scanning a document?'],
    [
      '3.9',
      'Does the device transmit/receive personally identifiable information via a proprietary protocol?',
    ],
    [
      '3.10',
      'Does the device use any other mechanism to transmit, import or export personally identifiable information?',
    ],
  ]),
  section(
    'ALOF',
    'Automatic logoff',
    "The device's ability to prevent access and misuse by unauthorized users if device is left idle for a period of time.",
    [
      [
        '1',
        'Can the device be configured to force reauthorization of logged-in user(s) after a predetermined length of inactivity (e.g., auto-logoff, session lock, password protected screen saver)?',
      ],
      [
        '2',
        'Is the length of inactivity time before auto-logoff/screen lock user or administrator configurable?',
      ],
    ],
  ),
  section('AUDT', 'Audit controls', 'The ability to reliably audit activity on the device.', [
    [
      '1',
      'Can the medical device create additional audit logs or reports beyond standard operating system logs?',
    ],
    ['1.1', 'Does the audit log record a USER ID?'],
    ['1.2', 'Does other personally identifiable information exist in the audit trail?'],
    [
      '2',
      'Are events recorded in an audit log? If yes, indicate which of the following events are recorded in the audit log:',
    ],
    ['2.1', 'Successful login/logout attempts?'],
    ['2.2', 'Unsuccessful login/logout attempts?'],
    ['2.3', 'Modification of user privileges?'],
    ['2.4', 'Creation/modification/deletion of users?'],
    ['2.5', 'Presentation of clinical or PII data (e.g. display, print)?'],
    ['2.6', 'Creation/modification/deletion of data?'],
    [
      '2.7',
      'Import/export of data from removable media (e.g. USB drive, external hard drive, DVD)?',
    ],
    [
      '2.8',
      'Receipt/transmission of data or commands over a network or point-to-point connection?',
    ],
    ['2.8.1', 'Remote or on-site support?'],
    ['2.8.2', 'Application Programming Interface (API) and similar activity?'],
    ['2.9', 'Emergency access?'],
    ['2.10', 'Other events (e.g., software updates)?'],
    ['2.11', 'Is the audit capability documented in more detail?'],
    ['3', 'Can the owner/operator define or select which events are recorded in the audit log?'],
    [
      '4',
      'Is a list of data attributes that are captured in the audit log for an event available?',
    ],
    ['4.1', 'Does the audit log record date/time?'],
    [
      '4.1.1',
      'Can date and time be synchronized by Network Time Protocol (NTP) or equivalent time source?',
    ],
    ['5', 'Can audit log content be exported?'],
    ['5.1', 'Via physical media?'],
    ['5.2', 'Via IHE Audit Trail and Node Authentication (ATNA) profile to SIEM?'],
    ['5.3', 'Via Other communications (e.g., external service device, mobile applications)?'],
    ['5.4', 'Are audit logs encrypted in transit or on storage media?'],
    ['6', 'Can audit logs be monitored/reviewed by owner/operator?'],
    ['7', 'Are audit logs protected from modification?'],
    ['7.1', 'Are audit logs protected from access?'],
    ['8', 'Can audit logs be analyzed by the device?'],
  ]),
  section(
    'AUTH',
    'Authorization',
    'The ability of the device to determine the authorization of users.',
    [
      [
        '1',
        'Does the device prevent access to unauthorized users through user login requirements or other mechanism?',
      ],
      [
        '1.1',
        'Can the device be configured to use federated credentials management of users for authorization (e.g., LDAP, OAuth)?',
      ],
      ['1.2', 'Can the customer push group policies to the device (e.g., Active Directory)?'],
      ['1.3', 'Are any special groups, organizational units, or group policies required?'],
      [
        '2',
        "Can users be assigned different privilege levels based on 'role' (e.g., user, administrator, and/or service, etc.)?",
      ],
      [
        '3',
        'Can the device owner/operator grant themselves unrestricted administrative privileges (e.g., access operating system or application via local root or administrator account)?',
      ],
      ['4', 'Does the device authorize or control all API access requests?'],
      ['5', 'Does the device run in a restricted access mode, or ‘kiosk mode’, by default?'],
    ],
  ),
  section(
    'CSUP',
    'Cybersecurity product upgrades',
    "The ability of on-site service staff, remote service staff, or authorized customer staff to install/upgrade device's security patches.",
    [
      [
        '1',
        'Does the device contain any software or firmware which may require security updates during its operational life, either from the device manufacturer or from a third-party manufacturer of the software/firmware? If no, answer “N/A” to questions in this section.',
      ],
      ['2', 'Does the device contain an Operating System? If yes, complete 2.1-2.4.'],
      ...UPDATE_QUESTIONS(2),
      ['3', 'Does the device contain Drivers and Firmware? If yes, complete 3.1-3.4.'],
      ...UPDATE_QUESTIONS(3),
      ['4', 'Does the device contain Anti-Malware Software? If yes, complete 4.1-4.4.'],
      ...UPDATE_QUESTIONS(4),
      [
        '5',
        'Does the device contain Non-Operating System commercial off-the-shelf components? If yes, complete 5.1-5.4.',
      ],
      ...UPDATE_QUESTIONS(5),
      [
        '6',
        'Does the device contain other software components (e.g., asset management software, license management)? If yes, please provide details or refernce in notes and complete 6.1-6.4.',
      ],
      ...UPDATE_QUESTIONS(6),
      [
        '7',
        'Does the manufacturer notify the customer when updates are approved for installation?',
      ],
      ['8', 'Does the device perform automatic installation of software updates?'],
      [
        '9',
        'Does the manufacturer have an approved list of third-party software that can be installed on the device?',
      ],
      [
        '10',
        'Can the owner/operator install manufacturer-approved third-party software on the device themselves?',
      ],
      [
        '10.1',
        'Does the system have mechanism in place to prevent installation of unapproved software?',
      ],
      [
        '11',
        'Does the manufacturer have a process in place to assess device vulnerabilities and updates?',
      ],
      [
        '11.1',
        'Does the manufacturer provide customers with review and approval status of updates?',
      ],
      ['11.2', 'Is there an update review cycle for the device?'],
    ],
  ),
  section(
    'DIDT',
    'Health data de-identification',
    'The ability of the device to directly remove information that allows identification of a person.',
    [
      [
        '1',
        'Does the device provide an integral capability to de-identify personally identifiable information?',
      ],
      [
        '1.1',
        'Does the device support de-identification profiles that comply with the DICOM standard for de-identification?',
      ],
    ],
  ),
  section(
    'DTBK',
    'Data backup and disaster recovery',
    'The ability to recover after damage or destruction of device data, hardware, software, or site configuration information.',
    [
      [
        '1',
        'Does the device maintain long term primary storage of personally identifiable information / patient information (e.g. PACS)?',
      ],
      [
        '2',
        'Does the device have a “factory reset” function to restore the original device settings as provided by the manufacturer?',
      ],
      ['3', 'Does the device have an integral data backup capability to removable media?'],
      ['4', 'Does the device have an integral data backup capability to remote storage?'],
      [
        '5',
        'Does the device have a backup capability for system configuration information, patch restoration, and software restoration?',
      ],
      [
        '6',
        'Does the device provide the capability to check the integrity and authenticity of a backup?',
      ],
    ],
  ),
  section(
    'EMRG',
    'Emergency access',
    'The ability of the device user to access personally identifiable information in case of a medical emergency situation that requires immediate access to stored personally identifiable information.',
    [['1', 'Does the device incorporate an emergency access (i.e. “break-glass”) feature?']],
  ),
  section(
    'IGAU',
    'Health data integrity and authenticity',
    'How the device ensures that the stored data on the device has not been altered or destroyed in a non-authorized manner and is from the originator.',
    [
      [
        '1',
        'Does the device provide data integrity checking mechanisms of stored health data (e.g., hash or digital signature)?',
      ],
      [
        '2',
        'Does the device provide error/failure protection and recovery mechanisms for stored health data (e.g., RAID-5)?',
      ],
    ],
  ),
  section(
    'MLDP',
    'Malware detection/protection',
    'The ability of the device to effectively prevent, detect and remove malicious software (malware).',
    [
      ['1', 'Is the device capable of hosting executable software?'],
      [
        '2',
        'Does the device support the use of anti-malware software (or other anti-malware mechanism)? Provide details or reference in notes.',
      ],
      ['2.1', 'Does the device include anti-malware software by default?'],
      ['2.2', 'Does the device have anti-malware software available as an option?'],
      [
        '2.3',
        'Does the device documentation allow the owner/operator to install or update anti-malware software?',
      ],
      ['2.4', 'Can the device owner/operator independently (re-)configure anti-malware settings?'],
      ['2.5', 'Does notification of malware detection occur in the device user interface?'],
      [
        '2.6',
        'Can only manufacturer-authorized persons repair systems when malware has been detected?',
      ],
      ['2.7', 'Are malware notifications written to a log?'],
      [
        '2.8',
        'Are there any restrictions on anti-malware (e.g., purchase, installation, configuration, scheduling)?',
      ],
      [
        '3',
        'If the answer to MLDP-2 is NO, and anti-malware cannot be installed on the device, are other compensating controls in place or available?',
      ],
      [
        '4',
        'Does the device employ application whitelisting that restricts the software and services that are permitted to be run on the device?',
      ],
      ['5', 'Does the device employ a host-based intrusion detection/prevention system?'],
      [
        '5.1',
        'Can the host-based intrusion detection/prevention system be configured by the customer?',
      ],
      [
        '5.2',
        'Can a host-based intrusion detection/prevention system be installed by the customer?',
      ],
    ],
  ),
  section(
    'NAUT',
    'Node authentication',
    'The ability of the device to authenticate communication partners/nodes.',
    [
      [
        '1',
        'Does the device provide/support any means of node authentication that assures both the sender and the recipient of data are known to each other and are authorized to receive transferred information (e.g. Web APIs, SMTP, SNMP)?',
      ],
      [
        '2',
        'Are network access control mechanisms supported (E.g., does the device have an internal firewall, or use a network connection white list)?',
      ],
      ['2.1', 'Is the firewall ruleset documented and available for review?'],
      ['3', 'Does the device use certificate-based network connection authentication?'],
    ],
  ),
  section(
    'CONN',
    'Connectivity capabilities',
    'All network and removable media connections must be considered in determining appropriate security controls. This section lists connectivity capabilities that may be present on the device.',
    [
      ['1', 'Does the device have hardware connectivity capabilities?'],
      ['1.1', 'Does the device support wireless connections?'],
      ['1.1.1', 'Does the device support Wi-Fi?'],
      ['1.1.2', 'Does the device support Bluetooth?'],
      [
        '1.1.3',
        'Does the device support other wireless network connectivity (e.g. LTE, Zigbee, proprietary)?',
      ],
      [
        '1.1.4',
        'Does the device support other wireless connections (e.g., custom RF controls, wireless detectors)?',
      ],
      ['1.2', 'Does the device support physical connections?'],
      ['1.2.1', 'Does the device have available RJ45 Ethernet ports?'],
      ['1.2.2', 'Does the device have available USB ports?'],
      ['1.2.3', 'Does the device require, use, or support removable memory devices?'],
      ['1.2.4', 'Does the device support other physical connectivity?'],
      [
        '2',
        'Does the manufacturer provide a list of network ports and protocols that are used or may be used on the device?',
      ],
      ['3', 'Can the device communicate with other systems within the customer environment?'],
      [
        '4',
        'Can the device communicate with other systems external to the customer environment (e.g., a service host)?',
      ],
      ['5', 'Does the device make or receive API calls?'],
      ['6', 'Does the device require an internet connection for its intended use?'],
      ['7', 'Does the device support Transport Layer Security (TLS)?'],
      ['7.1', 'Is TLS configurable?'],
      [
        '8',
        'Does the device provide operator control functionality from a separate device (e.g., telemedicine)?',
      ],
    ],
  ),
  section(
    'PAUT',
    'Person authentication',
    'The ability to configure the device to authenticate users.',
    [
      [
        '1',
        'Does the device support and enforce unique IDs and passwords for all users and roles (including service accounts)?',
      ],
      [
        '1.1',
        'Does the device enforce authentication of unique IDs and passwords for all users and roles (including service accounts)?',
      ],
      [
        '2',
        'Is the device configurable to authenticate users through an external authentication service (e.g., MS Active Directory, NDS, LDAP, OAuth, etc.)?',
      ],
      [
        '3',
        'Is the device configurable to lock out a user after a certain number of unsuccessful logon attempts?',
      ],
      [
        '4',
        'Are all default accounts (e.g., technician service accounts, administrator accounts) listed in the documentation?',
      ],
      ['5', 'Can all passwords be changed?'],
      [
        '6',
        'Is the device configurable to enforce creation of user account passwords that meet established (organization specific) complexity rules?',
      ],
      ['7', 'Does the device support account passwords that expire periodically?'],
      ['8', 'Does the device support multi-factor authentication?'],
      ['9', 'Does the device support single sign-on (SSO)?'],
      ['10', 'Can user accounts be disabled/locked on the device?'],
      ['11', 'Does the device support biometric controls?'],
      ['12', 'Does the device support physical tokens (e.g. badge access)?'],
      ['13', 'Does the device support group authentication (e.g. hospital teams)?'],
      ['14', 'Does the application or device store or manage authentication credentials?'],
      ['14.1', 'Are credentials stored using a secure method?'],
    ],
  ),
  section(
    'PLOK',
    'Physical locks',
    'Physical locks can prevent unauthorized users with physical access to the device from compromising the integrity and confidentiality of personally identifiable information stored on the device or on removable media',
    [
      [
        '1',
        'Is the device software only? If yes, answer “N/A” to remaining questions in this section.',
      ],
      [
        '2',
        'Are all device components maintaining personally identifiable information (other than removable media) physically secure (i.e., cannot remove without tools)?',
      ],
      [
        '3',
        'Are all device components maintaining personally identifiable information (other than removable media) physically secured behind an individually keyed locking device?',
      ],
      [
        '4',
        'Does the device have an option for the customer to attach a physical lock to restrict access to removable media?',
      ],
    ],
  ),
  section(
    'RDMP',
    'Roadmap for third party components in device life cycle',
    'Manufacturer’s plans for security support of third-party components within the device’s life cycle.',
    [
      [
        '1',
        'Was a secure software development process, such as ISO/IEC 27034 or IEC 62304, followed during product development?',
      ],
      [
        '2',
        'Does the manufacturer evaluate third-party applications and software components included in the device for secure development practices?',
      ],
      [
        '3',
        'Does the manufacturer maintain a web page or other source of information on software support dates and updates?',
      ],
      ['4', 'Does the manufacturer have a plan for managing third-party component end-of-life?'],
    ],
  ),
  section(
    'SBOM',
    'Software bill of materials',
    'A Software Bill of Material (SBoM) lists all the software components that are incorporated into the device being described for the purpose of operational security planning by the healthcare delivery organization. This section supports controls in the RDMP section.',
    [
      ['1', 'Is the SBoM for this product available?'],
      ['2', 'Does the SBoM follow a standard or common method in describing software components?'],
      ['2.1', 'Are the software components identified?'],
      ['2.2', 'Are the developers/manufacturers of the software components identified?'],
      ['2.3', 'Are the major version numbers of the software components identified?'],
      ['2.4', 'Are any additional descriptive elements identified?'],
      [
        '3',
        'Does the device include a command or process method available to generate a list of software components installed on the device?',
      ],
      ['4', 'Is there an update process for the SBoM?'],
    ],
  ),
  section(
    'SAHD',
    'System and application hardening',
    "The device's inherent resistance to cyber attacks and malware.",
    [
      ['1', 'Is the device hardened in accordance with any industry standards?'],
      ['2', 'Has the device received any cybersecurity certifications?'],
      ['3', 'Does the device employ any mechanisms for software integrity checking'],
      [
        '3.1',
        'Does the device employ any mechanism (e.g., release-specific hash key, checksums, digital signature, etc.) to ensure the installed software is manufacturer-authorized?',
      ],
      [
        '3.2',
        'Does the device employ any mechanism (e.g., release-specific hash key, checksums, digital signature, etc.) to ensure the software updates are the manufacturer-authorized updates?',
      ],
      [
        '4',
        'Can the owner/operator perform software integrity checks (i.e., verify that the system has not been modified or tampered with)?',
      ],
      [
        '5',
        'Is the system configurable to allow the implementation of file-level, patient level, or other types of access controls?',
      ],
      ['5.1', 'Does the device provide role-based access controls?'],
      [
        '6',
        'Are any system or user accounts restricted or disabled by the manufacturer at system delivery?',
      ],
      [
        '6.1',
        'Are any system or user accounts configurable by the end user after initial configuration?',
      ],
      [
        '6.2',
        'Does this include restricting certain system or user accounts, such as service technicians, to least privileged access?',
      ],
      [
        '7',
        'Are all shared resources (e.g., file shares) which are not required for the intended use of the device disabled?',
      ],
      [
        '8',
        'Are all communication ports and protocols that are not required for the intended use of the device disabled?',
      ],
      [
        '9',
        'Are all services (e.g., telnet, file transfer protocol [FTP], internet information server [IIS], etc.), which are not required for the intended use of the device deleted/disabled?',
      ],
      [
        '10',
        'Are all applications (COTS applications as well as OS-included applications, e.g., MS Internet Explorer, etc.) which are not required for the intended use of the device deleted/disabled?',
      ],
      [
        '11',
        'Can the device prohibit boot from uncontrolled or removable media (i.e., a source other than an internal drive or memory component)?',
      ],
      [
        '12',
        'Can unauthorized software or hardware be installed on the device without the use of physical tools?',
      ],
      [
        '13',
        'Does the product documentation include information on operational network security scanning by users?',
      ],
      ['14', 'Can the device be hardened beyond the default provided state?'],
      ['14.1', 'Are instructions available from vendor for increased hardening?'],
      ['15', 'Can the system prevent access to BIOS or other bootloaders during boot?'],
      [
        '16',
        'Have additional hardening methods not included in 2.3.19 been used to harden the device?',
      ],
    ],
  ),
  section(
    'SGUD',
    'Security guidance',
    'Availability of security guidance for operator and administrator of the device and manufacturer sales and service.',
    [
      ['1', 'Does the device include security documentation for the owner/operator?'],
      [
        '2',
        'Does the device have the capability, and provide instructions, for the permanent deletion of data from the device or media?',
      ],
      ['3', 'Are all access accounts documented?'],
      ['3.1', 'Can the owner/operator manage password control for all accounts?'],
      [
        '4',
        'Does the product include documentation on recommended compensating controls for the device?',
      ],
    ],
  ),
  section(
    'STCF',
    'Health data storage confidentiality',
    'The ability of the device to ensure unauthorized access does not compromise the integrity and confidentiality of personally identifiable information stored on the device or removable media.',
    [
      ['1', 'Can the device encrypt data at rest?'],
      ['1.1', 'Is all data encrypted or otherwise protected?'],
      ['1.2', 'Is the data encryption capability configured by default?'],
      ['1.3', 'Are instructions available to the customer to configure encryption?'],
      ['2', 'Can the encryption keys be changed or configured?'],
      ['3', 'Is the data stored in a database located on the device?'],
      ['4', 'Is the data stored in a database external to the device?'],
    ],
  ),
  section(
    'TXCF',
    'Transmission confidentiality',
    'The ability of the device to ensure the confidentiality of transmitted personally identifiable information.',
    [
      [
        '1',
        'Can personally identifiable information be transmitted only via a point-to-point dedicated cable?',
      ],
      [
        '2',
        'Is personally identifiable information encrypted prior to transmission via a network or removable media?',
      ],
      [
        '2.1',
        'If data is not encrypted by default, can the customer configure encryption options?',
      ],
      [
        '3',
        'Is personally identifiable information transmission restricted to a fixed list of network destinations?',
      ],
      ['4', 'Are connections limited to authenticated systems?'],
      ['5', 'Are secure transmission methods supported/implemented (DICOM, HL7, IEEE 11073)?'],
    ],
  ),
  section(
    'TXIG',
    'Transmission integrity',
    'The ability of the device to ensure the integrity of transmitted data.',
    [
      [
        '1',
        'Does the device support any mechanism (e.g., digital signatures) intended to ensure data is not modified during transmission?',
      ],
      ['2', 'Does the device include multiple sub-components connected by external cables?'],
    ],
  ),
  section(
    'RMOT',
    'Remote service',
    'Remote service refers to all kinds of device maintenance activities performed by a service person via network or other remote connection.',
    [
      ['1', 'Does the device permit remote service connections for device analysis or repair?'],
      [
        '1.1',
        'Does the device allow the owner/operator to initiative remote service sessions for device analysis or repair?',
      ],
      ['1.2', 'Is there an indicator for an enabled and active remote session?'],
      ['1.3', 'Can patient data be accessed or viewed from the device during the remote session?'],
      [
        '2',
        'Does the device permit or use remote service connections for predictive maintenance data?',
      ],
      [
        '3',
        'Does the device have any other remotely accessible functionality (e.g. software updates, remote training)?',
      ],
    ],
  ),
]

/** Every question id in form order. */
export const MDS2_QUESTION_IDS: readonly string[] = MDS2_QUESTION_BANK.flatMap((part) =>
  part.questions.map((question) => question.id),
)
