import { instance } from '@viz-js/viz'

import {
  bulletList,
  code,
  link,
  needsInput,
  note,
  numberedList,
  paragraph,
  section,
  strong,
  tableBlock,
  type DataTable,
  type DocumentLanguage,
  type DocumentTree,
} from '../../core/documents/index.js'

/**
 * A tree with every block kind, hostile text and both languages, for the renderer tests and for
 * looking at the output by eye.
 */

const DOT = `digraph view {
  rankdir=LR
  node [shape=box, fontname="DejaVu Sans"]
  edge [fontname="DejaVu Sans"]
  pump [label="Insulin pump\\n輸液ポンプ"]
  app [label="Mobile app\\nモバイルアプリ"]
  cloud [label="Cloud service"]
  app -> pump [label="BLE"]
  app -> cloud [label="HTTPS"]
}`

// Graphviz directly rather than renderDotSvg, which pulls in the whole core.
export const sampleSvg = async (): Promise<string> =>
  (await instance()).renderString(DOT, { format: 'svg', engine: 'dot' })

const threats = (language: DocumentLanguage): DataTable => ({
  title: language === 'ja' ? '脅威' : 'Threats',
  columns: [
    { key: 'id', title: 'ID', type: 'text' },
    { key: 'threat', title: language === 'ja' ? '脅威' : 'Threat', type: 'text' },
    { key: 'score', title: 'CVSS', type: 'number' },
    { key: 'due', title: language === 'ja' ? '期限' : 'Due', type: 'date' },
    { key: 'kev', title: 'KEV', type: 'boolean' },
    { key: 'control', title: language === 'ja' ? '管理策' : 'Control', type: 'text' },
  ],
  rows: [
    {
      id: 'T-1',
      threat:
        language === 'ja'
          ? 'Bluetooth 経由でインスリン投与量が改ざんされる'
          : 'Tampering with the insulin dose over Bluetooth',
      score: 8.1,
      due: '2025-09-30',
      kev: true,
      control: 'C-1 | pairing <with> PIN',
    },
    {
      id: 'T-2',
      threat: 'Spoofed cloud endpoint\nsecond line',
      score: 5.3,
      due: null,
      kev: false,
      control: null,
    },
    {
      id: 'T-3',
      threat: 'A very long threat description that must wrap inside its cell. '.repeat(3),
      score: 2,
      due: '2025-12-31',
      kev: null,
      control: '*not* a [link](javascript:alert(1))',
    },
  ],
  notes: ['Scores are CVSS 3.1 base scores.'],
})

export const sampleTree = async (language: DocumentLanguage): Promise<DocumentTree> => {
  const ja = language === 'ja'
  const t = (english: string, japanese: string): string => (ja ? japanese : english)
  return {
    id: 'sample-report',
    title: t(
      'Security <script>alert(1)</script> report',
      'セキュリティリスクマネジメント報告書 <script>alert(1)</script>',
    ),
    subtitle: t('Insulin pump X-100 & app', '輸液ポンプ X-100'),
    language,
    date: '2025-06-30',
    product: 'X-100 "Pump"',
    manufacturer: 'ACME Medical',
    release: '2.1.0',
    sections: [
      section(
        'scope',
        t('Scope', '適用範囲'),
        [
          paragraph(
            t('This document covers ', 'この文書は '),
            strong('X-100'),
            ', ',
            code('firmware 2.1.0'),
            t(' and # not a heading *nor* _emphasis_.', ' を対象とする。'),
          ),
          paragraph(
            link('FDA guidance', 'https://www.fda.gov/media/119933/download'),
            ' / ',
            link('bad link', 'javascript:alert(1)'),
          ),
          bulletList(['# first', t('second | piped', '二番目')]),
          numberedList(['one', 'two']),
          note(t('The example policy is used.', '例示のポリシーを使用している。')),
        ],
        [
          section(
            'scope-device',
            t('Device', '機器'),
            [
              needsInput(
                t(
                  'Describe the intended use environment <here>.',
                  '意図する使用環境を記載すること。',
                ),
              ),
            ],
            [
              section('scope-device-deep', t('Details', '詳細'), [
                paragraph(t('A third-level heading.', '第三階層の見出し。')),
              ]),
            ],
          ),
        ],
      ),
      section('architecture', t('Architecture', 'アーキテクチャ'), [
        {
          kind: 'figure',
          svg: `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${await sampleSvg()}`,
          caption: t('Global system view', 'システム全体図'),
          alt: t('Pump, app and cloud connections', 'ポンプ、アプリ及びクラウドの接続'),
        },
      ]),
      section('threats', t('Threats', '脅威'), [
        tableBlock(threats(language), {
          caption: t('Identified threats', '特定した脅威'),
          highlights: [
            { row: 0, column: 'kev', tone: 'alert' },
            { row: 1, column: 'control', tone: 'gap' },
            { row: 2, tone: 'gap' },
          ],
        }),
      ]),
    ],
  }
}
