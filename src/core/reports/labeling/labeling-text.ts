import type { DocumentLanguage } from '../../documents/index.js'

/**
 * The labeling document's words per language. Japanese terms come only from the design glossary
 * (confidence C or S, source in the comment); where it has none the English term stays, as the
 * glossary asks, rather than a guessed translation.
 */
export interface LabelingText {
  readonly title: string
  readonly subtitle: string
  readonly sections: {
    readonly interfaces: string
    readonly userControls: string
    readonly infrastructure: string
    readonly sbom: string
    readonly updates: string
    readonly anomalies: string
    readonly backup: string
    readonly secureConfiguration: string
    readonly support: string
    readonly decommissioning: string
  }
  readonly columns: {
    readonly element: string
    readonly interface: string
    readonly type: string
    readonly status: string
    readonly direction: string
    readonly ports: string
    readonly protocols: string
    readonly destinations: string
    readonly purpose: string
    readonly control: string
    readonly description: string
    readonly flow: string
    readonly from: string
    readonly to: string
    readonly encryption: string
    readonly authentication: string
    readonly release: string
    readonly phase: string
    readonly endOfLife: string
    readonly endOfSupport: string
    readonly component: string
    readonly version: string
    readonly supplier: string
  }
  readonly tables: {
    readonly activeInterfaces: string
    readonly inactiveInterfaces: string
    readonly controls: string
    readonly flows: string
    readonly support: string
    readonly unsupported: string
  }
  readonly missing: {
    readonly interfaces: string
    readonly userControls: string
    readonly infrastructure: string
    readonly updates: string
    readonly anomalies: string
    readonly backup: string
    readonly secureConfiguration: string
    readonly support: string
    readonly decommissioning: string
  }
  readonly sbomText: (components: number, release: string) => string
  readonly updateMethod: (method: string) => string
  readonly customerCommunication: string
  readonly inactiveNote: string
}

export const LABELING_TEXT: Readonly<Record<DocumentLanguage, LabelingText>> = {
  en: {
    title: 'Customer security documentation',
    subtitle: 'Cybersecurity labeling (FDA premarket guidance section VI.A; IMDRF N60 5.5)',
    sections: {
      interfaces: 'Ports and interfaces',
      userControls: 'Recommended security controls for the use environment',
      infrastructure: 'Infrastructure requirements',
      sbom: 'Software bill of materials (SBOM)',
      updates: 'Security updates',
      anomalies: 'Detection, logging and response to anomalies',
      backup: 'Backup and restore',
      secureConfiguration: 'Secure configuration',
      support: 'End of support and end of life',
      decommissioning: 'Decommissioning',
    },
    columns: {
      element: 'Element',
      interface: 'Interface',
      type: 'Type',
      status: 'Status',
      direction: 'Direction',
      ports: 'Ports',
      protocols: 'Protocols',
      destinations: 'Approved destinations',
      purpose: 'Function',
      control: 'Control',
      description: 'Description',
      flow: 'Data flow',
      from: 'From',
      to: 'To',
      encryption: 'Encryption',
      authentication: 'Authentication',
      release: 'Release',
      phase: 'Support phase',
      endOfLife: 'End of life',
      endOfSupport: 'End of support',
      component: 'Component',
      version: 'Version',
      supplier: 'Supplier',
    },
    tables: {
      activeInterfaces: 'Active ports and interfaces',
      inactiveInterfaces: 'Unused and disabled interfaces',
      controls: 'Recommended controls',
      flows: 'Network data flows',
      support: 'Support dates per release',
      unsupported: 'Components past their supplier support',
    },
    missing: {
      interfaces: 'The device interfaces (ports, protocols, direction, approved destinations).',
      userControls:
        'Security controls the user should apply in the use environment (anti-malware, firewall rules, password rules).',
      infrastructure:
        'Minimum network and platform requirements (bandwidth, supported encryption, operating systems of hospital-supplied equipment).',
      updates:
        'How users obtain authorized, version-identifiable software updates and learn that they are available.',
      anomalies:
        'How the device notifies and logs anomalies (configuration changes, network anomalies, log-in attempts), where logs are kept, their format and retention.',
      backup:
        'How an authenticated privileged user backs up and restores the device configuration.',
      secureConfiguration:
        'The shipped secure configuration, the settings users may change and the changes that raise risk.',
      support: 'End-of-support and end-of-life dates of the release.',
      decommissioning:
        'How to decommission the device securely: removing patient data, credentials and keys.',
    },
    sbomText: (components, release) =>
      `A machine-readable SBOM of release ${release} lists ${String(components)} components with their supplier, version, level of support and end-of-support date (CycloneDX 1.6 and SPDX 2.3).`,
    updateMethod: (method) => `Updates of this release are delivered by: ${method}.`,
    customerCommunication: 'How customers are told of vulnerabilities and updates',
    inactiveNote:
      'Unused interfaces should be disabled; disabled interfaces are listed for completeness.',
  },
  ja: {
    // 顧客向けセキュリティ文書: [手引2] A.4 (C).
    title: '顧客向けセキュリティ文書',
    subtitle: 'FDA premarket guidance section VI.A; IMDRF N60 5.5',
    sections: {
      // Ports and interfaces: no glossary term.
      interfaces: 'Ports and interfaces',
      // 使用環境 [手引2] (C); 対策 [手引2] (C).
      userControls: '使用環境における対策',
      // 最低限の要件 [EP] (C).
      infrastructure: '最低限の要件',
      // ソフトウェア部品表(SBOM) [手引2] 附属書A (C).
      sbom: 'ソフトウェア部品表(SBOM)',
      // セキュリティアップデート [手引1] 6.6.2.4 (C).
      updates: 'セキュリティアップデート',
      // ロギング / セキュリティイベント [手引1] (C).
      anomalies: 'ロギング / セキュリティイベント',
      // Backup and restore: no glossary term (DTBK gloss is P).
      backup: 'Backup and restore',
      // 設定変更 [N60和] 3.22 (C); "secure configuration" has no term.
      secureConfiguration: 'Secure configuration',
      // サポート終了(EOS), 製品寿命終了(EOL) [手引2] glossary (C).
      support: 'サポート終了(EOS) / 製品寿命終了(EOL)',
      // 廃棄 [JIS82304] (C).
      decommissioning: '廃棄',
    },
    columns: {
      element: 'Element',
      interface: 'Interface',
      type: 'Type',
      status: 'Status',
      direction: 'Direction',
      ports: 'Ports',
      protocols: 'Protocols',
      destinations: 'Approved destinations',
      purpose: 'Function',
      // 対策 [手引2] (C).
      control: '対策',
      description: 'Description',
      flow: 'Data flow',
      from: 'From',
      to: 'To',
      // 暗号化 [手引1] 表1 (C); 認証 [N60和] 3.3 (C).
      encryption: '暗号化',
      authentication: '認証',
      // リリース: COMMON_TEXT.
      release: 'リリース',
      phase: 'Support phase',
      endOfLife: '製品寿命終了(EOL)',
      endOfSupport: 'サポート終了(EOS)',
      // ソフトウェアコンポーネント [手引2] A.1 (C); サプライヤー [手引2] (C).
      component: 'ソフトウェアコンポーネント',
      version: 'Version',
      supplier: 'サプライヤー',
    },
    tables: {
      activeInterfaces: 'Ports and interfaces (active)',
      inactiveInterfaces: 'Ports and interfaces (unused / disabled)',
      controls: '対策',
      flows: 'Data flows',
      support: 'サポート終了(EOS) / 製品寿命終了(EOL)',
      unsupported: 'サードパーティ製ソフトウェア部品 (EOS)',
    },
    missing: {
      interfaces: 'Ports and interfaces (ports, protocols, direction, approved destinations)',
      userControls: '使用環境における対策 (マルウェア対策, ファイアウォール, password rules)',
      infrastructure: '最低限の要件 (network, 暗号化, platform)',
      updates: 'セキュリティアップデート (how to obtain; 情報提供や注意喚起)',
      anomalies: 'ロギング / セキュリティイベント (設定変更, network anomalies, log-in attempts)',
      backup: 'Backup and restore (設定)',
      secureConfiguration: 'Secure configuration (設定変更)',
      support: 'サポート終了(EOS) / 製品寿命終了(EOL)',
      decommissioning: '廃棄 (patient data, credentials, keys)',
    },
    sbomText: (components, release) =>
      `リリース ${release}: ソフトウェア部品表(SBOM) — ${String(components)} ソフトウェアコンポーネント (CycloneDX 1.6, SPDX 2.3).`,
    updateMethod: (method) => `アップデート: ${method}`,
    customerCommunication: '情報提供や注意喚起',
    inactiveNote: 'Unused interfaces: disable. Disabled interfaces: listed for completeness.',
  },
}
