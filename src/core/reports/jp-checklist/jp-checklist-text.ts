import { COMMON_TEXT } from '../../documents/index.js'
import type { DocumentLanguage } from '../../documents/index.js'

/**
 * The checklist's words per language. Japanese terms come only from the design glossary with
 * confidence C or S (MHLW guidance, the 2024 Q&A, JIS titles); where it confirms none, the
 * English term stands in parentheses instead of a guess.
 */
export interface JpChecklistText {
  readonly title: string
  readonly subtitle: string
  readonly scopeTitle: string
  readonly scope: string
  readonly rowListNote: string
  readonly unconfirmedMark: string
  readonly noJapanMarket: string
  readonly japanMarket: (deviceClass: string, jmdn: string | undefined) => string
  readonly evidenceSources: string
  readonly part1Title: string
  readonly part1Intro: string
  readonly part1Table: string
  readonly part1Columns: {
    readonly summary: string
    readonly name: string
    readonly number: string
  }
  readonly part1NeedsInput: string
  readonly part2Title: string
  readonly part2Table: string
  readonly columns: {
    readonly no: string
    readonly clause: string
    readonly title: string
    readonly applicable: string
    readonly implemented: string
    readonly name: string
    readonly number: string
    readonly rationale: string
  }
  readonly yes: string
  readonly needsInput: string
  readonly gapRationale: (key: string) => string
  readonly modelEvidenceRationale: string
  readonly childrenRationale: string
  readonly gapsNeedsInput: (clauses: string) => string
  readonly derived: DerivedText
}

/** Names of what medcyber derives from the model, and why each is evidence for its clause. */
export interface DerivedText {
  readonly architecture: (
    elements: number,
    flows: number,
    boundaries: number,
  ) => readonly [string, string]
  readonly riskPolicy: readonly [string, string]
  readonly threatModel: (threats: number) => readonly [string, string]
  readonly findingTriage: (findings: number) => readonly [string, string]
  readonly riskRegister: (risks: number) => readonly [string, string]
  readonly controls: (controls: number) => readonly [string, string]
  readonly verifications: (ids: string) => readonly [string, string]
  readonly codeReviews: (ids: string) => readonly [string, string]
  readonly releases: (versions: string) => readonly [string, string]
  readonly sboms: (count: number) => readonly [string, string]
  readonly managementPlan: readonly [string, string]
  readonly monitoring: (sources: number) => readonly [string, string]
  readonly cvd: readonly [string, string]
}

const n = (count: number): string => String(count)

export const JP_CHECKLIST_TEXT: Readonly<Record<DocumentLanguage, JpChecklistText>> = {
  en: {
    title: 'JIS T 81001-5-1 conformity checklist',
    subtitle: 'Confirmation of conformity with Essential Principles Article 12(3)',
    scopeTitle: 'Scope and basis',
    scope:
      'This checklist records conformity with JIS T 81001-5-1 (IEC 81001-5-1:2021) for Article ' +
      '12(3) of the Essential Principles (基本要件基準), as MHLW notice 薬生機審発0523第1号 (23 May ' +
      '2023) asks and as the worked example in the MHLW cybersecurity Q&A (31 January 2024) ' +
      'lays out: part 1 for transitional health software (Annex F), part 2 for each clause.',
    rowListNote:
      'The rows follow the clause structure of IEC 81001-5-1:2021. The item list of the 0523 ' +
      'notice beyond its first three rows has not been read; titles marked † are our reading of ' +
      'the standard and are not yet checked against the JIS text.',
    unconfirmedMark: ' †',
    noJapanMarket: "The device model does not list Japan (JP) among the product's markets.",
    japanMarket: (deviceClass, jmdn) =>
      `Japan: class ${deviceClass}${jmdn === undefined ? '' : `, JMDN code ${jmdn}`}.`,
    evidenceSources:
      "Evidence documents come from the model's evidence list (items covering JIS:<clause>) and " +
      'from what medcyber derives from the device model; for those, the document number names ' +
      'the medcyber deliverable that presents them.',
    part1Title: 'Part 1: Transitional health software (Annex F)',
    part1Intro:
      'Software developed before the JIS T 81001-5-1 process was in place may be kept as ' +
      'transitional health software when a gap analysis, the gap-closing activities and the ' +
      'rationale for its continued use are recorded together with the software version.',
    part1Table: 'Transitional health software (Annex F)',
    part1Columns: {
      summary: 'Summary of what was done',
      name: 'Internal document name',
      number: 'Document number',
    },
    part1NeedsInput:
      'Annex F: the gap analysis against JIS T 81001-5-1, the gap-closing activities and the ' +
      'rationale for continued use with the software version (or a statement that no ' +
      'transitional health software is used), and the document recording them (evidence item ' +
      'covering JIS:F).',
    part2Title: 'Part 2: Conformity per clause',
    part2Table: 'JIS T 81001-5-1 conformity per clause',
    columns: {
      no: 'No.',
      clause: 'Clause',
      title: 'JIS T 81001-5-1 item',
      applicable: 'Applicable',
      implemented: 'Implemented',
      name: 'Internal document name',
      number: 'Document number',
      rationale: 'Rationale',
    },
    yes: COMMON_TEXT.en.yes,
    needsInput: COMMON_TEXT.en.needsInput,
    gapRationale: (key) => `No evidence document: add an evidence item covering JIS:${key}.`,
    modelEvidenceRationale: "Evidence document in the model's evidence list.",
    childrenRationale: 'Every sub-clause listed below has evidence.',
    gapsNeedsInput: (clauses) =>
      `Evidence documents (internal document name and number) for clauses ${clauses}, or the ` +
      'rationale where a clause does not apply.',
    derived: {
      architecture: (elements, flows, boundaries) => [
        'Security architecture views (device model)',
        `${n(elements)} elements, ${n(flows)} data flows, ${n(boundaries)} trust boundaries.`,
      ],
      riskPolicy: [
        'Security risk policy (acceptance criteria)',
        "The manufacturer's risk policy the risks are rated by.",
      ],
      threatModel: (threats) => ['Threat model', `${n(threats)} threats identified.`],
      findingTriage: (findings) => [
        'Vulnerability triage records',
        `${n(findings)} vulnerability findings assessed.`,
      ],
      riskRegister: (risks) => [
        'Security risk register and risk assessment',
        `${n(risks)} risks evaluated before and after controls.`,
      ],
      controls: (controls) => ['Security risk controls', `${n(controls)} controls.`],
      verifications: (ids) => ['Security testing records', `Verifications: ${ids}.`],
      codeReviews: (ids) => ['Code review and static analysis records', `Verifications: ${ids}.`],
      releases: (versions) => ['Release records', `Releases: ${versions}.`],
      sboms: (count) => ['Software bill of materials (SBOM)', `${n(count)} SBOM files.`],
      managementPlan: [
        'Cybersecurity management plan',
        'Patch timelines, update process and monitoring in the device model.',
      ],
      monitoring: (sources) => [
        'Vulnerability monitoring sources',
        `${n(sources)} monitored sources in the management plan.`,
      ],
      cvd: [
        'Coordinated vulnerability disclosure policy',
        'CVD process or public policy in the device model.',
      ],
    },
  },
  ja: {
    title: 'JIS T 81001-5-1 適合性の確認',
    subtitle: '基本要件基準第12条第3項の適合性の確認',
    scopeTitle: '(Scope and basis)',
    scope:
      '本書は 基本要件基準第12条第3項 に係る JIS T 81001-5-1 への適合性の確認 を記録する' +
      '(薬生機審発0523第1号、2023年5月23日;医療機器のサイバーセキュリティに関する質疑応答集(Q&A)、' +
      '2024年1月31日)。第1部: 附属書F トランジションヘルスソフトウェア。第2部: 箇条 ごとの ' +
      'JIS T 81001-5-1 の確認項目。',
    rowListNote:
      '(The rows follow the clause structure of IEC 81001-5-1:2021; the item list of the 0523 ' +
      'notice beyond its first three rows has not been read.) † : (title not yet checked ' +
      'against the JIS text)',
    unconfirmedMark: ' †',
    noJapanMarket: "(The device model does not list Japan (JP) among the product's markets.)",
    japanMarket: (deviceClass, jmdn) =>
      `JP: (class) ${deviceClass}${jmdn === undefined ? '' : `, JMDN ${jmdn}`}`,
    evidenceSources:
      '社内ドキュメント名 及び 文書番号: (evidence items covering JIS:<clause> in the device ' +
      'model, and what medcyber derives from the device model; for those, the document number ' +
      'names the medcyber deliverable).',
    part1Title: '第1部: 附属書F トランジションヘルスソフトウェア',
    part1Intro:
      '附属書F トランジションヘルスソフトウェア: ギャップ分析、ギャップ解消アクティビティ 及び ' +
      '(rationale for continued use, with the software version) を記録する。',
    part1Table: '附属書F トランジションヘルスソフトウェア',
    part1Columns: { summary: '実施内容概要', name: '社内ドキュメント名', number: '文書番号' },
    part1NeedsInput:
      '附属書F トランジションヘルスソフトウェア: ギャップ分析、ギャップ解消アクティビティ、' +
      '(rationale for continued use, with the software version) 及び 社内ドキュメント名 / 文書番号 ' +
      '(evidence: JIS:F)',
    part2Title: '第2部: JIS T 81001-5-1 の確認項目',
    part2Table: 'JIS T 81001-5-1 の確認項目',
    columns: {
      no: 'No.',
      clause: '箇条',
      title: 'JIS T 81001-5-1 の確認項目',
      applicable: '(Applicable)',
      implemented: '(Implemented)',
      name: '社内ドキュメント名',
      number: '文書番号',
      rationale: '(Rationale)',
    },
    yes: COMMON_TEXT.ja.yes,
    needsInput: COMMON_TEXT.ja.needsInput,
    gapRationale: (key) => `${COMMON_TEXT.ja.needsInput}: 客観的証拠 (evidence: JIS:${key})`,
    modelEvidenceRationale: '客観的証拠 (evidence)',
    childrenRationale: '(Every sub-clause listed below has evidence.)',
    gapsNeedsInput: (clauses) => `箇条 ${clauses}: 社内ドキュメント名 / 文書番号`,
    derived: {
      architecture: (elements, flows, boundaries) => [
        'ソフトウェアアーキテクチャー (security architecture views)',
        `(elements) ${n(elements)}, (data flows) ${n(flows)}, (trust boundaries) ${n(boundaries)}`,
      ],
      riskPolicy: ['受容可能なレベル (security risk policy)', '(acceptance criteria)'],
      threatModel: (threats) => ['脅威モデリング', `脅威 ${n(threats)} 件`],
      findingTriage: (findings) => ['脆弱性情報 (triage)', `脆弱性 ${n(findings)} 件`],
      riskRegister: (risks) => [
        'サイバーセキュリティリスク の リスク分析 及び リスク評価',
        `リスク評価 ${n(risks)} 件`,
      ],
      controls: (controls) => [
        'リスクコントロール手段',
        `リスクコントロール手段 ${n(controls)} 件`,
      ],
      verifications: (ids) => ['リスクコントロール手段の検証', `検証: ${ids}`],
      codeReviews: (ids) => ['検証 (code review, static analysis)', `検証: ${ids}`],
      releases: (versions) => ['リリース', `リリース: ${versions}`],
      sboms: (count) => ['ソフトウェア部品表(SBOM)', `SBOM ${n(count)} 件`],
      managementPlan: ['保守計画 (cybersecurity management plan)', 'セキュリティアップデート'],
      monitoring: (sources) => ['市販後監視 (monitoring sources)', `${n(sources)} 件`],
      cvd: ['協調的な脆弱性の開示', '(CVD process or policy)'],
    },
  },
}
