import type { DeviceModel, Jurisdiction } from '../model/index.js'
import type { CyberDeviceDetermination } from './cyber-device.js'

export const OBLIGATIONS = ['required', 'recommended'] as const
export type Obligation = (typeof OBLIGATIONS)[number]

export interface ExpectedDocument {
  readonly id: string
  readonly title: string
  readonly jurisdiction: Jurisdiction
  readonly obligation: Obligation
  /** The text that asks for it. */
  readonly basis: string
}

interface Context {
  readonly model: DeviceModel
  readonly cyber: CyberDeviceDetermination
}

interface CatalogueEntry {
  readonly id: string
  readonly title: string
  readonly jurisdiction: Jurisdiction
  readonly basis: string
  /** undefined when the document does not apply to this device. */
  readonly obligation: (context: Context) => Obligation | undefined
}

const whenCyber = ({ cyber }: Context): Obligation =>
  cyber.isCyberDevice ? 'required' : 'recommended'
const always = (): Obligation => 'required'

/**
 * Documents each market expects for device cybersecurity (domain reference, section B), with the
 * conditions under which they apply.
 */
const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'fda-524b-plan',
    title: 'Postmarket cybersecurity plan incl. coordinated vulnerability disclosure',
    jurisdiction: 'US',
    basis: 'FD&C Act 524B(b)(1); FDA premarket guidance VI.B',
    obligation: whenCyber,
  },
  {
    id: 'fda-sbom',
    title: 'Software bill of materials with support level and end-of-support date per component',
    jurisdiction: 'US',
    basis: 'FD&C Act 524B(b)(3); FDA premarket guidance V.A.4',
    obligation: whenCyber,
  },
  {
    id: 'fda-security-risk-management-report',
    title: 'Security risk management report (threat model, risk assessment, traceability)',
    jurisdiction: 'US',
    basis: 'FDA premarket guidance V.A; 524B(b)(2)',
    obligation: whenCyber,
  },
  {
    id: 'fda-threat-model',
    title: 'Threat model with method and assumptions',
    jurisdiction: 'US',
    basis: 'FDA premarket guidance V.A.1',
    obligation: whenCyber,
  },
  {
    id: 'fda-cybersecurity-risk-assessment',
    title: 'Cybersecurity risk assessment with transfer to the safety risk assessment',
    jurisdiction: 'US',
    basis: 'FDA premarket guidance V.A.2',
    obligation: whenCyber,
  },
  {
    id: 'fda-vulnerability-assessment',
    title: 'Assessment of known vulnerabilities (CISA KEV included) and unresolved anomalies',
    jurisdiction: 'US',
    basis: 'FDA premarket guidance V.A.4, V.A.5',
    obligation: whenCyber,
  },
  {
    id: 'fda-architecture-views',
    title:
      'Security architecture views: global system, multi-patient harm, updatability, use cases',
    jurisdiction: 'US',
    basis: 'FDA premarket guidance V.B.2',
    obligation: whenCyber,
  },
  {
    id: 'fda-security-testing',
    title: 'Cybersecurity testing report incl. penetration test',
    jurisdiction: 'US',
    basis: 'FDA premarket guidance V.C',
    obligation: whenCyber,
  },
  {
    id: 'fda-labeling',
    title: 'Cybersecurity labeling: ports and interfaces, secure configuration, end of support',
    jurisdiction: 'US',
    basis: 'FDA premarket guidance VI.A',
    obligation: whenCyber,
  },
  {
    id: 'fda-metrics',
    title: 'Cybersecurity metrics (percent patched, time to patch, time to deploy)',
    jurisdiction: 'US',
    basis: 'FDA premarket guidance V.A.6',
    obligation: () => 'recommended',
  },
  {
    id: 'fda-pma-annual-report',
    title: 'PMA annual report: cybersecurity section',
    jurisdiction: 'US',
    basis: '21 CFR 814.84; FDA postmarket guidance VI',
    obligation: ({ model }) =>
      model.product.jurisdictions.US?.pathway === 'pma' ? 'required' : undefined,
  },
  {
    id: 'mds2',
    title: 'Manufacturer Disclosure Statement for Medical Device Security (MDS2, 2019 form)',
    jurisdiction: 'US',
    basis: 'FDA premarket guidance VI.A; ANSI/NEMA HN 1-2019',
    obligation: () => 'recommended',
  },
  {
    id: 'eu-technical-documentation',
    title:
      'Technical documentation: GSPR 17.2, 17.4, 18.8 and 23.4(ab) evidence, security risk management file',
    jurisdiction: 'EU',
    basis: 'MDR/IVDR Annex I and II; MDCG 2019-16 rev.1',
    obligation: always,
  },
  {
    id: 'eu-it-security-requirements',
    title: 'Minimum requirements for hardware, IT networks and IT security measures (IFU)',
    jurisdiction: 'EU',
    basis: 'MDR Annex I 17.4 and 23.4(ab); MDCG 2019-16 section 3.5',
    obligation: always,
  },
  {
    id: 'eu-pms-plan',
    title: 'Post-market surveillance plan covering cybersecurity',
    jurisdiction: 'EU',
    basis: 'MDR Art. 84 and Annex III; MDCG 2019-16 section 6',
    obligation: always,
  },
  {
    id: 'eu-psur',
    title: 'Periodic safety update report with cybersecurity content',
    jurisdiction: 'EU',
    basis: 'MDR Art. 86 (IIb and III yearly, IIa every two years); IVDR Art. 81',
    obligation: ({ model }) => {
      const eu = model.product.jurisdictions.EU
      if (eu === undefined) return undefined
      return ['IIa', 'IIb', 'III', 'C', 'D'].includes(eu.class) ? 'required' : undefined
    },
  },
  {
    id: 'eu-mds2',
    title: 'MDS2 form for operators',
    jurisdiction: 'EU',
    basis: 'MDCG 2019-16 section 4.3',
    obligation: () => 'recommended',
  },
  {
    id: 'jp-jis-t-81001-5-1-checklist',
    title: 'JIS T 81001-5-1 conformity checklist (Essential Principles Art. 12(3))',
    jurisdiction: 'JP',
    basis: 'MHLW notice 0523 No.1 (2023); mandatory from 2024-04-01',
    obligation: ({ cyber }) => (cyber.canConnectToInternet.met ? 'required' : 'recommended'),
  },
  {
    id: 'jp-sbom',
    title: 'SBOM (CycloneDX, SPDX or SWID) as customer security documentation',
    jurisdiction: 'JP',
    basis: 'MHLW cybersecurity guide 2nd ed. (2023) Annex A',
    obligation: () => 'recommended',
  },
  {
    id: 'jp-customer-security-documentation',
    title: 'Customer security documentation and MDS2, in Japanese',
    jurisdiction: 'JP',
    basis: 'MHLW cybersecurity guide 2nd ed. (2023), IMDRF N60 5.5',
    obligation: () => 'recommended',
  },
]

/** The documents each of the product's markets expects, in catalogue order. */
export const expectedDocuments = (
  model: DeviceModel,
  cyber: CyberDeviceDetermination,
): ExpectedDocument[] =>
  CATALOGUE.flatMap((entry) => {
    if (model.product.jurisdictions[entry.jurisdiction] === undefined) return []
    const obligation = entry.obligation({ model, cyber })
    return obligation === undefined
      ? []
      : [
          {
            id: entry.id,
            title: entry.title,
            jurisdiction: entry.jurisdiction,
            obligation,
            basis: entry.basis,
          },
        ]
  })
