import { COMMON_TEXT, type DocumentLanguage } from '../../documents/index.js'
import type { CompensatingControlType, SupportPhase } from '../../model/index.js'

/**
 * The notices' words per language. Japanese terms come only from the design glossary with
 * confidence C or S (MHLW guidance 手引書, the IMDRF N60 translation); where it confirms none, the
 * English term stands in parentheses instead of a guess.
 */
export interface LifecycleText {
  readonly common: (typeof COMMON_TEXT)[DocumentLanguage]
  readonly phases: Readonly<Record<SupportPhase, string>>
  readonly scheduleTitle: string
  readonly scheduleSubtitle: string
  readonly scheduleIntro: string
  readonly scheduleTable: string
  readonly scheduleColumns: {
    readonly version: string
    readonly released: string
    readonly phase: string
    readonly endOfLife: string
    readonly endOfSupport: string
    readonly noticeDue: string
  }
  readonly declaredPhase: (phase: string, fromDates: string) => string
  readonly noMilestones: (version: string) => string
  readonly eolTitle: (version: string) => string
  readonly lsTitle: (version: string) => string
  readonly eosTitle: (version: string) => string
  readonly subtitle: string
  readonly deviceTitle: string
  readonly fields: {
    readonly field: string
    readonly value: string
    readonly device: string
    readonly os: string
    readonly version: string
    readonly components: string
    readonly serviceChange: string
    readonly maintenance: string
    readonly compensating: string
  }
  readonly sbomCount: (sboms: string, components: number) => string
  readonly datesTitle: string
  readonly eolDate: (date: string) => string
  readonly eosDate: (date: string) => string
  readonly noticeDue: (due: string) => string
  readonly noticeDuePassed: (due: string) => string
  readonly eolMissing: string
  readonly eosMissing: string
  readonly eolMeaning: string
  readonly eolMaintenance: string
  readonly lsMeaning: string
  readonly lsMaintenance: string
  readonly lsPublicNotice: string
  readonly lsDeclared: (rationale: string) => string
  readonly eosMeaning: string
  readonly eosMaintenance: string
  readonly eosDuties: string
  readonly eosPassedButDeclared: (phase: string) => string
  readonly unsupportedTitle: string
  readonly unsupportedColumns: { readonly component: string; readonly endOfSupport: string }
  readonly compensatingTitle: string
  readonly compensatingIntro: string
  readonly compensatingColumns: {
    readonly control: string
    readonly name: string
    readonly type: string
    readonly status: string
  }
  readonly compensatingNone: string
  readonly typeNotStated: string
  readonly catalogueTitle: string
  readonly catalogueColumns: { readonly type: string; readonly recommended: string }
  readonly controlTypeNames: Readonly<Record<CompensatingControlType, string>>
  readonly useRestrictions: string
  readonly transferTitle: string
  readonly transferIntro: string
  readonly sbomTitle: string
  readonly sbomColumns: {
    readonly component: string
    readonly name: string
    readonly version: string
    readonly supplier: string
    readonly supportLevel: string
    readonly endOfSupport: string
  }
  readonly residualTitle: string
  readonly residualColumns: {
    readonly risk: string
    readonly title: string
    readonly residual: string
    readonly controls: string
  }
  readonly residualNone: string
  readonly vulnerabilitiesTitle: string
  readonly vulnerabilitiesColumns: {
    readonly finding: string
    readonly status: string
    readonly detail: string
  }
  readonly vulnerabilitiesNone: string
  readonly triagedOnly: string
  readonly decommissioningTitle: string
  readonly decommissioningAdvice: string
  readonly decommissioningNeedsInput: string
  readonly networkNeedsInput: string
  readonly upgradeTitle: string
  readonly upgradeTo: (versions: string) => string
  readonly upgradeNone: string
  readonly contactTitle: string
  readonly contactSecurity: (contact: string) => string
  readonly contactCvd: string
  readonly contactNeedsInput: string
}

export const LIFECYCLE_TEXT: Readonly<Record<DocumentLanguage, LifecycleText>> = {
  en: {
    common: COMMON_TEXT.en,
    phases: {
      development: 'Development',
      support: 'Support',
      'limited-support': 'Limited support',
      'end-of-support': 'End of support',
    },
    scheduleTitle: 'Lifecycle communication schedule',
    scheduleSubtitle: 'IMDRF N70 end-of-life and end-of-support notices',
    scheduleIntro:
      'The support phase of each release on the date of this document, its end-of-life (EOL) ' +
      'and end-of-support (EOS) dates, and the last day to announce end of support: IMDRF N70 ' +
      'asks manufacturers to tell customers at least two years ahead.',
    scheduleTable: 'Support phases and notice dates',
    scheduleColumns: {
      version: 'Release',
      released: 'Released',
      phase: 'Support phase',
      endOfLife: 'End of life',
      endOfSupport: 'End of support',
      noticeDue: 'EOS notice due',
    },
    declaredPhase: (phase, fromDates) => `${phase} (declared; dates give ${fromDates})`,
    noMilestones: (version) =>
      `Release ${version}: end-of-life and end-of-support dates (milestones), so its notices can be issued.`,
    eolTitle: (version) => `End-of-life notice: release ${version}`,
    lsTitle: (version) => `Limited-support notice: release ${version}`,
    eosTitle: (version) => `End-of-support notice: release ${version}`,
    subtitle: 'Customer notice (IMDRF N70)',
    deviceTitle: 'Affected device',
    fields: {
      field: 'Item',
      value: 'Details',
      device: 'Affected device',
      os: 'Operating systems',
      version: 'Deployed version',
      components: 'Software components',
      serviceChange: 'Expected date of service change',
      maintenance: 'Maintenance after the change',
      compensating: 'Additional compensating controls',
    },
    sbomCount: (sboms, components) =>
      `${String(components)} components; SBOM: ${sboms === '' ? 'none listed' : sboms}`,
    datesTitle: 'Dates',
    eolDate: (date) => `End of life (EOL): ${date}.`,
    eosDate: (date) => `End of support (EOS): ${date}.`,
    noticeDue: (due) => `IMDRF N70 two-year advance notice of end of support: due by ${due}.`,
    noticeDuePassed: (due) =>
      `The two-year advance notice date of IMDRF N70 (${due}) has passed: this notice is late.`,
    eolMissing: 'The end-of-life date of this release.',
    eosMissing: 'The end-of-support date of this release.',
    eolMeaning:
      'At end of life the release is no longer marketed and enters limited support. The ' +
      'manufacturer keeps providing security updates where possible until end of support.',
    eolMaintenance:
      'After end of life, general bug fixes stop except those needed for patient safety; ' +
      'security updates continue on a best-effort basis until end of support.',
    lsMeaning:
      'The release is in limited support: it is no longer marketed, or it contains components ' +
      'that are no longer supported by their suppliers and whose risks are mitigated. Some ' +
      'maintenance has stopped; compensating controls in the use environment matter more.',
    lsMaintenance: 'Best-effort security updates; third-party patches where possible.',
    lsPublicNotice:
      'The manufacturer keeps a public notice of the support status of this release, updated ' +
      'for resellers and later owners.',
    lsDeclared: (rationale) => `The manufacturer declared this phase: ${rationale}`,
    eosMeaning:
      'At end of support the manufacturer ends all cybersecurity support for the release: no ' +
      'further security updates. Responsibility for protecting devices still in use rests ' +
      'primarily with the healthcare provider; the manufacturer keeps its post-market duties ' +
      '(complaints, adverse-event reporting, field safety corrective actions, vulnerability ' +
      'handling) and keeps reacting to severe events.',
    eosMaintenance: 'No security updates after end of support.',
    eosDuties:
      'The transfer package below is what the healthcare provider receives to keep devices ' +
      'reasonably protected after end of support, or to retire them.',
    eosPassedButDeclared: (phase) =>
      `The end-of-support date has passed, but the manufacturer declares the phase ${phase}.`,
    unsupportedTitle: 'Components no longer supported by their suppliers',
    unsupportedColumns: { component: 'Component', endOfSupport: 'Supplier end of support' },
    compensatingTitle: 'Compensating controls',
    compensatingIntro:
      'Controls the manufacturer specifies for the use environment of this release, and the ' +
      'IMDRF N70 Table 1 catalogue of compensating controls for devices in limited support or ' +
      'after end of support.',
    compensatingColumns: {
      control: 'Control',
      name: 'Name',
      type: 'N70 Table 1 type',
      status: 'Status',
    },
    compensatingNone: 'The device model specifies no compensating controls for this release.',
    typeNotStated: 'not stated',
    catalogueTitle: 'IMDRF N70 Table 1 compensating controls',
    catalogueColumns: { type: 'Compensating control', recommended: 'Specified for this release' },
    controlTypeNames: {
      'physical-access': 'Physical access control',
      'removable-media-restriction': 'Removable media restriction',
      'network-isolation': 'Network isolation',
      'network-segregation': 'Network segregation',
      monitoring: 'Monitoring',
      'remove-remote-access': 'Removal of remote access',
      firewall: 'Firewall',
      'anti-malware': 'Anti-malware',
      'backup-restore': 'Backup and restore',
      'staff-education': 'Staff education',
    },
    useRestrictions:
      'Restrictions of the intended use and expectations of the deployment environment during ' +
      'limited support, if any.',
    transferTitle: 'Transfer package',
    transferIntro:
      'What the healthcare provider receives at end of support (IMDRF N70): the final SBOM with ' +
      'support data, the residual risks and the compensating controls to apply, the known ' +
      'vulnerabilities that remain, decommissioning guidance and whom to contact.',
    sbomTitle: 'Final software bill of materials (SBOM) with support data',
    sbomColumns: {
      component: 'Component',
      name: 'Name',
      version: 'Version',
      supplier: 'Supplier',
      supportLevel: 'Support level',
      endOfSupport: 'Supplier end of support',
    },
    residualTitle: 'Residual risks',
    residualColumns: {
      risk: 'Risk',
      title: 'Title',
      residual: 'Residual risk',
      controls: 'Controls',
    },
    residualNone: 'The risk register has no evaluated risks for this release.',
    vulnerabilitiesTitle: 'Remaining known vulnerabilities',
    vulnerabilitiesColumns: { finding: 'Vulnerability', status: 'Status', detail: 'Detail' },
    vulnerabilitiesNone: 'No known vulnerability remains open for this release.',
    triagedOnly:
      "Only triaged findings from the model's vulnerability assessments are shown; no scan " +
      'against an advisory store was included.',
    decommissioningTitle: 'Decommissioning',
    decommissioningAdvice:
      'Devices that stay in use after end of support may need to be disconnected from the ' +
      'network; devices taken out of use must be disposed of securely.',
    decommissioningNeedsInput:
      'Secure decommissioning guidance: how to erase patient data, credentials and keys from ' +
      'the device, and how to dispose of it.',
    networkNeedsInput:
      'Network requirements for hardening (ports, protocols and addresses the device needs).',
    upgradeTitle: 'Upgrade options',
    upgradeTo: (versions) => `Supported releases to upgrade to: ${versions}.`,
    upgradeNone: 'Upgrade options (software only, software and hardware, or replacement).',
    contactTitle: 'Contact',
    contactSecurity: (contact) => `Product security contact: ${contact}`,
    contactCvd: 'Coordinated vulnerability disclosure policy',
    contactNeedsInput: 'The contact for questions about this notice and for security reports.',
  },
  ja: {
    common: COMMON_TEXT.ja,
    phases: {
      development: '開発(ステージ1)',
      support: 'サポート(ステージ2)',
      'limited-support': '限定的サポート段階',
      'end-of-support': 'サポート終了(EOS)',
    },
    scheduleTitle: 'EOL 及び EOS 計画(日程)',
    scheduleSubtitle: 'EOL の通知 / EOS の通知 (IMDRF N70)',
    scheduleIntro:
      'リリース ごとの 製品寿命終了(EOL)、サポート終了(EOS) 及び EOS の通知 の日程 ' +
      '(IMDRF N70: two years in advance)。',
    scheduleTable: 'EOL 及び EOS 計画(日程)',
    scheduleColumns: {
      version: 'リリース',
      released: '販売開始(商用リリース)',
      phase: 'ライフサイクル',
      endOfLife: '製品寿命終了(EOL)',
      endOfSupport: 'サポート終了(EOS)',
      noticeDue: 'EOS の通知',
    },
    declaredPhase: (phase, fromDates) => `${phase} (declared; ${fromDates})`,
    noMilestones: (version) => `リリース ${version}: 製品寿命終了(EOL) / サポート終了(EOS)`,
    eolTitle: (version) => `EOL の通知: リリース ${version}`,
    lsTitle: (version) => `限定的サポート段階 (notice): リリース ${version}`,
    eosTitle: (version) => `EOS の通知: リリース ${version}`,
    subtitle: '顧客向けセキュリティ文書 (IMDRF N70)',
    deviceTitle: '(Affected device)',
    fields: {
      field: '(Item)',
      value: '(Details)',
      device: '(Affected device)',
      os: '汎用OS等ソフトウェア汎用部品',
      version: 'リリース',
      components: 'ソフトウェアコンポーネント',
      serviceChange: '製品寿命終了(EOL) / サポート終了(EOS)',
      maintenance: '保守',
      compensating: '補完的リスクコントロール手段(補完的手段)',
    },
    sbomCount: (sboms, components) =>
      `ソフトウェアコンポーネント ${String(components)}; ソフトウェア部品表(SBOM): ${sboms === '' ? '—' : sboms}`,
    datesTitle: '(Dates)',
    eolDate: (date) => `製品寿命終了(EOL): ${date}`,
    eosDate: (date) => `サポート終了(EOS): ${date}`,
    noticeDue: (due) => `EOS の通知 (IMDRF N70, two years in advance): ${due}`,
    noticeDuePassed: (due) => `EOS の通知 (IMDRF N70, two years in advance): ${due} (passed)`,
    eolMissing: '製品寿命終了(EOL)',
    eosMissing: 'サポート終了(EOS)',
    eolMeaning:
      '製品寿命終了(EOL) 以降は 販売終了 となり 限定的サポート段階 に移る。' +
      'サポート終了(EOS) まで セキュリティアップデート を (best effort) 提供する。',
    eolMaintenance:
      '製品寿命終了(EOL) 以降: 一般的な不具合修正 は (patient-safety fixes only)。' +
      'セキュリティアップデート は サポート終了(EOS) まで (best effort)。',
    lsMeaning:
      '限定的サポート段階: (no longer marketed, or contains components no longer supported ' +
      'by their suppliers whose risks are mitigated)。補完的リスクコントロール手段(補完的手段) ' +
      'を 使用環境 に (apply)。',
    lsMaintenance:
      'セキュリティアップデート (best effort); サードパーティ製ソフトウェア部品 の パッチ (where possible)',
    lsPublicNotice: '(The manufacturer keeps a permanent public notice of the support status.)',
    lsDeclared: (rationale) => `(declared) ${rationale}`,
    eosMeaning:
      'サポート終了(EOS) 以降は セキュリティアップデート を提供しない。' +
      '(Responsibility rests primarily with the healthcare provider;) 製造販売業者 は ' +
      '市販後 の (post-market duties) を継続する。',
    eosMaintenance: 'サポート終了(EOS) 以降: セキュリティアップデート なし',
    eosDuties: '(The transfer package below is what the healthcare provider receives at EOS.)',
    eosPassedButDeclared: (phase) => `サポート終了(EOS) (passed); (declared) ${phase}`,
    unsupportedTitle: 'サードパーティ製ソフトウェア部品: サポート終了(EOS)',
    unsupportedColumns: {
      component: 'ソフトウェアコンポーネント',
      endOfSupport: 'サポート終了(EOS)',
    },
    compensatingTitle: '補完的リスクコントロール手段(補完的手段)',
    compensatingIntro:
      '補完的リスクコントロール手段(補完的手段): 使用環境 (this release) 及び IMDRF N70 (Table 1)。',
    compensatingColumns: {
      control: 'リスクコントロール手段',
      name: '(Name)',
      type: 'IMDRF N70 (Table 1)',
      status: '(Status)',
    },
    compensatingNone: '補完的リスクコントロール手段(補完的手段): —',
    typeNotStated: '—',
    catalogueTitle: 'IMDRF N70 (Table 1) 補完的リスクコントロール手段(補完的手段)',
    catalogueColumns: {
      type: '補完的リスクコントロール手段(補完的手段)',
      recommended: '(this release)',
    },
    controlTypeNames: {
      'physical-access': '(Physical access control)',
      'removable-media-restriction': '(Removable media restriction)',
      'network-isolation': '(Network isolation)',
      'network-segregation': '(Network segregation)',
      monitoring: '(Monitoring)',
      'remove-remote-access': '(Removal of remote access)',
      firewall: 'ファイアウォール',
      'anti-malware': 'マルウェア対策',
      'backup-restore': '(Backup and restore)',
      'staff-education': '(Staff education)',
    },
    useRestrictions: '意図する使用 / 使用環境: (restrictions during limited support, if any)',
    transferTitle: '(Transfer package)',
    transferIntro:
      '(Transfer package, IMDRF N70): ソフトウェア部品表(SBOM)、残留リスク、' +
      '補完的リスクコントロール手段(補完的手段)、脆弱性、廃棄、(contact)。',
    sbomTitle: 'ソフトウェア部品表(SBOM)',
    sbomColumns: {
      component: 'ソフトウェアコンポーネント',
      name: '(Name)',
      version: '(Version)',
      supplier: 'サプライヤー',
      supportLevel: '(Support level)',
      endOfSupport: 'サポート終了(EOS)',
    },
    residualTitle: '残留リスク',
    residualColumns: {
      risk: 'リスク評価',
      title: '(Title)',
      residual: '残留リスク',
      controls: 'リスクコントロール手段',
    },
    residualNone: '残留リスク: —',
    vulnerabilitiesTitle: '脆弱性',
    vulnerabilitiesColumns: { finding: '脆弱性', status: '(Status)', detail: '(Detail)' },
    vulnerabilitiesNone: '脆弱性: —',
    triagedOnly: '(Only triaged findings from the model are shown; no advisory-store scan.)',
    decommissioningTitle: '廃棄',
    decommissioningAdvice:
      'サポート終了(EOS) 以降: ネットワークから外す (if needed); 廃棄 (securely)。',
    decommissioningNeedsInput:
      '廃棄: (secure decommissioning guidance: erasing patient data, credentials and keys)',
    networkNeedsInput: '(Network requirements for hardening: ports, protocols, addresses)',
    upgradeTitle: 'アップグレードオプション',
    upgradeTo: (versions) => `アップグレードオプション: リリース ${versions}`,
    upgradeNone: 'アップグレードオプション',
    contactTitle: '(Contact)',
    contactSecurity: (contact) => `(Product security contact): ${contact}`,
    contactCvd: '協調的な脆弱性の開示',
    contactNeedsInput: '(Contact for questions and security reports)',
  },
}
