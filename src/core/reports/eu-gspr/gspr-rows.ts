/**
 * MDR Annex I requirements with cybersecurity relevance, paraphrased (not quoted), as MDCG
 * 2019-16 rev.1 Table 1 lists them. `primary` rows are the ones the guidance centres on; the
 * others are related and answered by the general risk and documentation evidence.
 */
export interface GsprRow {
  readonly gspr: string
  readonly requirement: string
  readonly primary: boolean
}

export const GSPR_ROWS: readonly GsprRow[] = [
  {
    gspr: '17.2',
    requirement:
      'Software is developed and manufactured to the state of the art, considering the development life cycle, risk management including information security, verification and validation.',
    primary: true,
  },
  {
    gspr: '17.4',
    requirement:
      'The manufacturer sets minimum requirements for hardware, IT network characteristics and IT security measures, including protection against unauthorised access, needed to run the software as intended.',
    primary: true,
  },
  {
    gspr: '18.8',
    requirement:
      'The device is designed to protect, as far as possible, against unauthorised access that could hamper its intended functioning.',
    primary: true,
  },
  {
    gspr: '14.2(d)',
    requirement:
      'Risks of negative interaction between the software and the IT environment it operates and interacts with are removed or reduced as far as possible.',
    primary: true,
  },
  {
    gspr: '23.4(ab)',
    requirement:
      'The instructions for use state the minimum hardware, IT network and IT security requirements, including protection against unauthorised access.',
    primary: true,
  },
  {
    gspr: '1',
    requirement:
      'The device achieves its intended performance and is safe; risks are acceptable when weighed against the benefits.',
    primary: false,
  },
  {
    gspr: '2',
    requirement:
      'Risks are reduced as far as possible without adversely affecting the benefit-risk ratio.',
    primary: false,
  },
  {
    gspr: '3',
    requirement:
      'A risk management system is established, implemented, documented and maintained throughout the life cycle.',
    primary: false,
  },
  {
    gspr: '4',
    requirement:
      'Risk control measures follow the order: safe design, protective measures, information for safety; residual risks are judged acceptable.',
    primary: false,
  },
  {
    gspr: '8',
    requirement:
      'Known and foreseeable risks and undesirable side effects are minimised and acceptable.',
    primary: false,
  },
  {
    gspr: '14.1',
    requirement:
      'A device used in combination with other devices or equipment is safe as a whole system; restrictions on use are indicated.',
    primary: false,
  },
  {
    gspr: '14.5',
    requirement:
      'Devices that operate with other devices or products are designed so that interoperability and compatibility are reliable and safe.',
    primary: false,
  },
  {
    gspr: '17.1',
    requirement:
      'Electronic programmable systems and software ensure repeatability, reliability and performance; single fault conditions are addressed.',
    primary: false,
  },
  {
    gspr: '22.1',
    requirement:
      'Devices for lay persons perform appropriately for their skills and means and the variations in their environment.',
    primary: false,
  },
  {
    gspr: '23.1(g)',
    requirement:
      'Information supplied with the device includes residual risks, contra-indications and warnings.',
    primary: false,
  },
  {
    gspr: '23.2(m)',
    requirement: 'The label states warnings or precautions the user needs to know at once.',
    primary: false,
  },
  {
    gspr: '23.4(g)',
    requirement:
      'The instructions for use state residual risks, contra-indications and undesirable side effects to be conveyed to the user.',
    primary: false,
  },
]

/** Where the IVDR numbers the same requirements differently (MDCG 2019-16 Table 1). */
export const IVDR_EQUIVALENTS: Readonly<Record<string, string>> = {
  '17.2': '16.2',
  '17.4': '16.4',
  '14.2(d)': '13.2(d)',
  '23.4(ab)': '20.4.1(ah)',
}
