/** The customer notice's words, in English and Japanese (terms from glossary-ja.md). */
export interface NoticeText {
  readonly title: (what: string) => string
  readonly summaryHeading: string
  readonly summary: (manufacturer: string, product: string) => string
  readonly releasesHeading: string
  readonly affected: string
  readonly fixedIn: (release: string) => string
  readonly noFix: string
  readonly severityHeading: string
  readonly cvss: (version: string, score: string, severity: string) => string
  readonly vector: string
  readonly cve: string
  readonly cwe: string
  readonly noScore: string
  readonly actionHeading: string
  readonly update: (release: string, product: string) => string
  readonly noAction: string
  readonly disclosureDate: (date: string) => string
  readonly thanksHeading: string
  readonly thanks: (name: string) => string
  readonly contactHeading: string
  readonly contact: (contact: string) => string
  readonly noContact: string
  readonly tracking: (id: string) => string
  readonly severityNames: Readonly<Record<string, string>>
}

export const NOTICE_TEXT: Readonly<Record<'en' | 'ja', NoticeText>> = {
  en: {
    title: (what) => `Security notice: ${what}`,
    summaryHeading: 'Summary',
    summary: (manufacturer, product) =>
      `${manufacturer} has confirmed a vulnerability in ${product} that was reported through coordinated vulnerability disclosure. This notice says which releases are affected and what to do.`,
    releasesHeading: 'Affected releases',
    affected: 'Affected:',
    fixedIn: (release) => `Fixed in release ${release}.`,
    noFix: 'No release fixes it yet.',
    severityHeading: 'Severity',
    cvss: (version, score, severity) => `CVSS v${version} base score ${score} (${severity})`,
    vector: 'Vector:',
    cve: 'CVE:',
    cwe: 'Weakness:',
    noScore: 'The severity is being assessed.',
    actionHeading: 'What to do',
    update: (release, product) => `Update ${product} to release ${release}.`,
    noAction: 'Further guidance will follow in an update of this notice.',
    disclosureDate: (date) => `Public disclosure date: ${date}.`,
    thanksHeading: 'Acknowledgments',
    thanks: (name) =>
      `We thank ${name} for reporting this vulnerability through coordinated disclosure.`,
    contactHeading: 'Contact',
    contact: (contact) => `Questions and further reports: ${contact}`,
    noContact: 'Contact your service representative.',
    tracking: (id) => `Reference: ${id}`,
    severityNames: {
      None: 'None',
      Low: 'Low',
      Medium: 'Medium',
      High: 'High',
      Critical: 'Critical',
    },
  },
  ja: {
    title: (what) => `セキュリティに関するお知らせ: ${what}`,
    summaryHeading: '概要',
    summary: (manufacturer, product) =>
      `${manufacturer}は、協調的な脆弱性の開示により報告を受けた ${product} の脆弱性を確認しました。本お知らせでは、影響を受けるリリースと対処方法をお知らせします。`,
    releasesHeading: '影響を受けるリリース',
    affected: '影響を受けるリリース:',
    fixedIn: (release) => `リリース ${release} で修正されています。`,
    noFix: '修正したリリースはまだありません。',
    severityHeading: '深刻度',
    cvss: (version, score, severity) =>
      `共通脆弱性評価システム(CVSS) v${version} 基本値 ${score}(${severity})`,
    vector: 'ベクトル:',
    cve: 'CVE:',
    cwe: '脆弱性の種類(CWE):',
    noScore: '深刻度は評価中です。',
    actionHeading: '対処方法',
    update: (release, product) => `${product} をリリース ${release} に更新してください。`,
    noAction: '対処方法は本お知らせの更新でお知らせします。',
    disclosureDate: (date) => `公開日: ${date}`,
    thanksHeading: '謝辞',
    thanks: (name) =>
      `協調的な脆弱性の開示によりこの脆弱性を報告いただいた ${name} 様に感謝いたします。`,
    contactHeading: 'お問い合わせ',
    contact: (contact) => `ご質問・追加の報告: ${contact}`,
    noContact: '担当の営業窓口にお問い合わせください。',
    tracking: (id) => `管理番号: ${id}`,
    severityNames: { None: 'なし', Low: '低', Medium: '中', High: '高', Critical: '緊急' },
  },
}
