import type { DocumentLanguage } from '../../documents/index.js'

/**
 * The words of the transfer package and of the recipients lists. Japanese uses only terms the
 * design glossary confirms; others stay English in parentheses (as the lifecycle notices do).
 */
export interface TransferText {
  readonly title: (version: string) => string
  readonly subtitle: string
  readonly intro: string
  readonly eosNotReached: (date: string) => string
  readonly noEndOfSupport: string
  readonly networkTitle: string
  readonly networkIntro: string
  readonly interfacesTitle: string
  readonly interfaceColumns: {
    readonly id: string
    readonly element: string
    readonly type: string
    readonly status: string
    readonly ports: string
    readonly protocols: string
  }
  readonly flowsTitle: string
  readonly flowColumns: {
    readonly id: string
    readonly from: string
    readonly to: string
    readonly protocol: string
    readonly authentication: string
    readonly encryption: string
  }
  readonly noPorts: string
  readonly recipientsTitle: string
  readonly recipientsIntro: (date: string) => string
  readonly recipientsNone: string
  readonly recipientsUnknown: string
  readonly recipientColumns: {
    readonly customer: string
    readonly contact: string
    readonly email: string
    readonly sites: string
    readonly units: string
  }
  readonly noContact: string
  readonly machineTitle: string
  readonly machineIntro: string
  readonly machineFiles: (sbom: string, vex: string, csaf: string) => readonly string[]
}

export const TRANSFER_TEXT: Readonly<Record<DocumentLanguage, TransferText>> = {
  en: {
    title: (version) => `End-of-support transfer package: release ${version}`,
    subtitle: 'IMDRF N70 transfer of responsibility to the healthcare provider',
    intro:
      'At end of support the manufacturer stops security updates for this release and the responsibility for protecting the devices still in use passes primarily to the healthcare provider (IMDRF N70). This package is what the provider needs to take it on: the final SBOM with support data, the known vulnerabilities and their status, the residual risks and the compensating controls to apply, the network and security configuration, the sites still running the release, and whom to contact. The SBOM and VEX are also attached as machine-readable files.',
    eosNotReached: (date) =>
      `The release reaches end of support on ${date}: this package is a draft to send ahead of it (IMDRF N70 asks for the transfer of responsibility to start two to three years before).`,
    noEndOfSupport: 'The end-of-support date of this release',
    networkTitle: 'Network and security configuration',
    networkIntro:
      "The interfaces and data flows of the device as the manufacturer's model describes them: open only the ports listed, isolate or segment the devices, and monitor these flows.",
    interfacesTitle: 'Interfaces',
    interfaceColumns: {
      id: 'Interface',
      element: 'Element',
      type: 'Type',
      status: 'Status',
      ports: 'Ports',
      protocols: 'Protocols',
    },
    flowsTitle: 'Data flows',
    flowColumns: {
      id: 'Data flow',
      from: 'From',
      to: 'To',
      protocol: 'Protocol',
      authentication: 'Authentication',
      encryption: 'Encryption',
    },
    noPorts:
      'The ports and network addresses the device uses (the model names no ports for its interfaces)',
    recipientsTitle: 'Customers and sites still running the release',
    recipientsIntro: (date) =>
      `From the installed base, devices in service on ${date}. Each contact must receive this notice actively (IMDRF N70: push, not passive publication).`,
    recipientsNone: 'The installed base shows no site running this release.',
    recipientsUnknown:
      'Which customers run this release (import the installed base on the team server, or list the recipients here)',
    recipientColumns: {
      customer: 'Customer',
      contact: 'Contact',
      email: 'E-mail',
      sites: 'Sites',
      units: 'Units',
    },
    noContact: 'no contact on record',
    machineTitle: 'Machine-readable files',
    machineIntro:
      'Delivered beside this document, for the provider’s asset inventory and vulnerability management:',
    machineFiles: (sbom, vex, csaf) => [
      `${sbom}: CycloneDX 1.6 SBOM with each component's support level and end of support`,
      `${vex}: CycloneDX 1.6 VEX with the status of each known vulnerability`,
      `${csaf}: the same VEX as a CSAF 2.0 document`,
    ],
  },
  ja: {
    title: (version) => `EOS (Transfer package): リリース ${version}`,
    subtitle: 'IMDRF N70 (transfer of responsibility) — 医療機関',
    intro:
      'サポート終了(EOS)後、このリリースのセキュリティアップデートは提供されません。使用中の機器を保護する責任は主に医療機関に移ります (IMDRF N70)。本書には、サポート終了(EOS)日付きのソフトウェア部品表(SBOM)、既知の脆弱性とその状態、残留リスク、適用すべき補完的リスクコントロール手段(補完的手段)、ネットワークとセキュリティの設定、このリリースを使用中の顧客と施設、(contact) を記載します。SBOM と VEX は機械可読なファイルとしても添付します。',
    eosNotReached: (date) =>
      `このリリースのサポート終了(EOS)は ${date} です。本書はそれに先立って送付する草案です (IMDRF N70: transfer of responsibility は 2〜3 年前に開始)。`,
    noEndOfSupport: 'このリリースのサポート終了(EOS)の日付',
    networkTitle: 'ネットワークとセキュリティの設定',
    networkIntro:
      '製造販売業者のモデルに記載された機器のインターフェースとデータフローです。記載のポートのみを開き、ネットワークから外すか分離し、これらの通信を監視してください。',
    interfacesTitle: 'インターフェース',
    interfaceColumns: {
      id: 'インターフェース',
      element: '(Element)',
      type: '(Type)',
      status: '(Status)',
      ports: 'ポート',
      protocols: 'プロトコル',
    },
    flowsTitle: 'データフロー',
    flowColumns: {
      id: 'データフロー',
      from: '(From)',
      to: '(To)',
      protocol: 'プロトコル',
      authentication: '認証',
      encryption: '暗号化',
    },
    noPorts:
      '機器が使用するポートとネットワークアドレス(モデルのインターフェースにポートの記載なし)',
    recipientsTitle: 'このリリースを使用中の顧客と施設',
    recipientsIntro: (date) =>
      `(Installed base) に基づく ${date} 時点で使用中の機器。各連絡先に本通知を能動的に送付してください (IMDRF N70)。`,
    recipientsNone: '(Installed base) には、このリリースを使用中の施設はありません。',
    recipientsUnknown:
      'このリリースを使用している顧客 ((installed base) をチームサーバーに取り込むか、ここに送付先を記載)',
    recipientColumns: {
      customer: '顧客',
      contact: '(Contact)',
      email: '(E-mail)',
      sites: '(Sites)',
      units: '台数',
    },
    noContact: '(no contact on record)',
    machineTitle: '機械可読なファイル',
    machineIntro: '本書とともに提供します(医療機関の資産管理と脆弱性管理のため):',
    machineFiles: (sbom, vex, csaf) => [
      `${sbom}: CycloneDX 1.6 のソフトウェア部品表(SBOM)(コンポーネントごとのサポートレベルとサポート終了日付き)`,
      `${vex}: CycloneDX 1.6 の VEX(既知の脆弱性ごとの状態)`,
      `${csaf}: 同じ VEX の CSAF 2.0 文書`,
    ],
  },
}
