import { defineMessages } from '../../i18n/messages.js'

export const messages = defineMessages({
  en: {
    title: 'Documents',
    generated: 'Generated files',
    generatedLead:
      'Files generated on the server from the model, newest first. Each shows the signatures made on the product and the model revision it came from.',
    file: 'File',
    deliverable: 'Deliverable',
    language: 'Language',
    release: 'Release',
    revision: 'Model revision',
    revisionShort: 'Revision',
    outdated: 'older model',
    outdatedTitle:
      'Generated from an earlier model revision: it does not show the model as it is now',
    size: 'Size',
    createdAt: 'Generated (by)',
    download: (name: string) => `Download ${name}`,
    none: 'No document has been generated for this product yet.',
    moreThanShown: (shown: number, total: number) =>
      `Showing the newest ${String(shown)} of ${String(total)} files.`,
    allDeliverables: 'All deliverables',
    filterByDeliverable: 'Show',
    generate: 'Generate a deliverable',
    generateLead: 'From the current model and its signatures, in a background job.',
    formats: 'Formats',
    formatsHint: "None ticked: the deliverable's usual formats. PDF needs Chromium on the server.",
    dataOnlyHint:
      'This deliverable is machine-readable data: its files are JSON whatever is ticked.',
    latestRelease: 'Latest release',
    date: 'Issue date',
    dateHint: 'Empty: today.',
    englishOnly: 'This deliverable is written in English only.',
    submit: 'Generate',
    submitting: 'Queuing…',
    job: 'Generating',
    jobFiles: 'Files generated',
    noFiles:
      'The deliverable has nothing to write for this release (e.g. no advisory to disclose).',
    cannotGenerate: 'Your role does not allow generating documents for this product.',
    lang_en: 'English',
    lang_ja: 'Japanese',
    'kind_fda-premarket': 'FDA premarket cybersecurity',
    kind_mds2: 'MDS2 disclosure statement',
    'kind_jp-checklist': 'Japan Art. 12(3) checklist',
    'kind_eu-gspr': 'EU MDR GSPR checklist',
    kind_labeling: 'Customer security documentation',
    'kind_lifecycle-notice': 'EOL and EOS notices (IMDRF N70)',
    'kind_eos-transfer-package': 'End-of-support transfer package (IMDRF N70)',
    'kind_pma-annual-report': 'PMA annual report: cybersecurity metrics',
    kind_sbom: 'SBOM',
    kind_vex: 'VEX',
    'kind_csaf-advisory': 'CSAF security advisories',
    kind_traceability: 'Traceability matrix',
    'about_fda-premarket':
      'Security risk management report, threat model, risk assessment, SBOM, known vulnerabilities, architecture views, testing summary and the cybersecurity management plan (FDA premarket guidance, 524B).',
    about_mds2:
      'Manufacturer Disclosure Statement for Medical Device Security (2019 form): the spreadsheet and its answers as JSON.',
    'about_jp-checklist':
      'JIS T 81001-5-1 conformity checklist for Essential Principles Art. 12(3): the Annex F block and one row per clause with its evidence.',
    'about_eu-gspr':
      'MDR Annex I cybersecurity rows (17.2, 17.4, 18.8, …), minimum IT requirements (MDCG 2019-16) and the IFU security sections.',
    about_labeling:
      'Customer security documentation: interfaces, user controls, SBOM and updates, logging, backup, secure configuration, end of support, decommissioning.',
    'about_lifecycle-notice':
      'The IMDRF N70 schedule and the end-of-life, limited-support and end-of-support notices per release.',
    'about_eos-transfer-package':
      'For the release: final SBOM with support data, known vulnerabilities, residual risks, compensating controls, network configuration, the sites still running it and contacts; CycloneDX SBOM and VEX attached.',
    'about_pma-annual-report':
      'FDA metrics for the year ending on the issue date, by quarter: percentage patched, mean days to patch and to full deployment, with a chart, each vulnerability and the installed base.',
    about_sbom:
      'CycloneDX 1.6 and SPDX 2.3 JSON of the release, with support level and end of support per component.',
    about_vex: 'CycloneDX 1.6 and CSAF 2.0 VEX of the release.',
    'about_csaf-advisory':
      'One CSAF 2.0 security advisory per vulnerability affected or fixed in the release; none when there is nothing to disclose.',
    about_traceability:
      'Threat ↔ risk ↔ control ↔ requirement ↔ verification ↔ SBOM component ↔ hazard, gaps highlighted.',
    format_docx: 'Word (.docx)',
    format_xlsx: 'Excel (.xlsx)',
    format_pdf: 'PDF',
    format_html: 'HTML',
    format_md: 'Markdown',
    format_json: 'JSON',
  },
  ja: {
    title: '文書',
    generated: '生成済みのファイル',
    generatedLead:
      'モデルからサーバーで生成したファイルです(新しい順)。各ファイルには製品への署名と、生成元のモデルのリビジョンが記載されています。',
    file: 'ファイル',
    deliverable: '成果物',
    language: '言語',
    release: 'リリース',
    revision: 'モデルのリビジョン',
    revisionShort: 'リビジョン',
    outdated: '旧モデル',
    outdatedTitle: '以前のモデルのリビジョンから生成されています。現在のモデルの内容ではありません',
    size: 'サイズ',
    createdAt: '生成日時(生成者)',
    download: (name: string) => `${name} をダウンロード`,
    none: 'この製品の文書はまだ生成されていません。',
    moreThanShown: (shown: number, total: number) =>
      `${String(total)} 件中、新しい ${String(shown)} 件を表示しています。`,
    allDeliverables: 'すべての成果物',
    filterByDeliverable: '表示',
    generate: '成果物を生成',
    generateLead: '現在のモデルと署名から、バックグラウンドのジョブで生成します。',
    formats: '形式',
    formatsHint:
      '何も選ばない場合は成果物の標準の形式で生成します。PDF にはサーバー上の Chromium が必要です。',
    dataOnlyHint: 'この成果物は機械可読データです。選んだ形式にかかわらず JSON で出力されます。',
    latestRelease: '最新のリリース',
    date: '発行日',
    dateHint: '空欄の場合は本日。',
    englishOnly: 'この成果物は英語のみです。',
    submit: '生成',
    submitting: '登録中…',
    job: '生成中',
    jobFiles: '生成されたファイル',
    noFiles:
      'このリリースについて、この成果物に書く内容はありません(例: 開示するアドバイザリーがない)。',
    cannotGenerate: 'あなたのロールではこの製品の文書を生成できません。',
    lang_en: '英語',
    lang_ja: '日本語',
    'kind_fda-premarket': 'FDA 市販前サイバーセキュリティ文書',
    kind_mds2: 'MDS2 開示書',
    'kind_jp-checklist': '基本要件基準第12条第3項チェックリスト',
    'kind_eu-gspr': 'EU MDR GSPR チェックリスト',
    kind_labeling: '顧客向けセキュリティ文書',
    'kind_lifecycle-notice': 'EOL 及び EOS の通知(IMDRF N70)',
    'kind_eos-transfer-package': 'EOS (Transfer package)(IMDRF N70)',
    'kind_pma-annual-report': 'PMA 年次報告 (PMA annual report): サイバーセキュリティの指標',
    kind_sbom: 'ソフトウェア部品表(SBOM)',
    kind_vex: 'VEX',
    'kind_csaf-advisory': 'CSAF セキュリティアドバイザリー',
    kind_traceability: 'トレーサビリティマトリクス',
    'about_fda-premarket':
      'セキュリティリスクマネジメント報告書、脅威モデル、リスク評価、SBOM、既知の脆弱性、アーキテクチャビュー、試験の要約、サイバーセキュリティ管理計画(FDA 市販前ガイダンス、524B)。',
    about_mds2:
      '製造業者による医療機器セキュリティ開示書(MDS2、2019年版): スプレッドシートと回答の JSON。',
    'about_jp-checklist':
      '基本要件基準第12条第3項に対する JIS T 81001-5-1 の適合性チェックリスト: 附属書F の欄と、箇条ごとの根拠。',
    'about_eu-gspr':
      'MDR 附属書I のサイバーセキュリティ関連項目(17.2、17.4、18.8 など)、IT の最低限の要件(MDCG 2019-16)、取扱説明書のセキュリティの節。',
    about_labeling:
      '顧客向けセキュリティ文書: インターフェース、使用者による設定、SBOM とアップデート、ロギング、バックアップ、セキュアな設定、サポート終了、廃棄。',
    'about_lifecycle-notice':
      'IMDRF N70 の日程と、リリースごとの EOL、限定的サポート段階、EOS の通知。',
    'about_eos-transfer-package':
      'リリースのサポート終了(EOS)時に医療機関へ渡す資料: ソフトウェア部品表(SBOM)、既知の脆弱性、残留リスク、補完的リスクコントロール手段(補完的手段)、ネットワークの設定、使用中の施設。CycloneDX の SBOM と VEX を添付。',
    'about_pma-annual-report':
      '発行日までの 1 年間の FDA の指標(四半期ごと、英語のみ): パッチ適用率、パッチまでの平均日数、展開完了までの平均日数。',
    about_sbom:
      'リリースの CycloneDX 1.6 と SPDX 2.3 の JSON(コンポーネントごとのサポートレベルとサポート終了日付き)。',
    about_vex: 'リリースの CycloneDX 1.6 と CSAF 2.0 の VEX。',
    'about_csaf-advisory':
      'リリースで影響あり・修正済みの脆弱性ごとの CSAF 2.0 セキュリティアドバイザリー(開示するものがなければなし)。',
    about_traceability:
      '脅威 ↔ リスク ↔ リスクコントロール手段 ↔ 要求事項 ↔ 検証 ↔ SBOM コンポーネント ↔ ハザード(欠落を強調表示)。',
    format_docx: 'Word(.docx)',
    format_xlsx: 'Excel(.xlsx)',
    format_pdf: 'PDF',
    format_html: 'HTML',
    format_md: 'Markdown',
    format_json: 'JSON',
  },
})
