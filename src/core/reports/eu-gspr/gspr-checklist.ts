import type { DataTable } from '../../documents/data-table.js'
import {
  bulletList,
  needsInput,
  note,
  paragraph,
  section,
  tableBlock,
  type CellHighlight,
  type DocumentTree,
} from '../../documents/index.js'
import type { DeviceModel } from '../../model/index.js'
import {
  deviceInterfaces,
  environmentElements,
  environmentFlows,
  releaseControls,
} from '../labeling/index.js'
import type { ReportContext } from '../report-context.js'
import { evidenceFor, evidenceText } from './evidence.js'
import { GSPR_ROWS, IVDR_EQUIVALENTS } from './gspr-rows.js'
import { IFU_SECURITY_ID, MINIMUM_IT_ID, documentHeader } from './shared.js'

/** medcyber's own documents answering each requirement, besides the manufacturer's evidence. */
const GENERATED: Readonly<Record<string, readonly string[]>> = {
  '17.2': [
    'Security risk management report (medcyber, fda-premarket set)',
    'Cybersecurity risk assessment (medcyber)',
    'Security testing summary (medcyber)',
  ],
  '17.4': [`Minimum IT requirements (${MINIMUM_IT_ID})`],
  '18.8': ['Threat model (medcyber)', 'Cybersecurity risk assessment (medcyber)'],
  '14.2(d)': ['Threat model (medcyber)', `Minimum IT requirements (${MINIMUM_IT_ID})`],
  '23.4(ab)': [
    `IFU security sections (${IFU_SECURITY_ID})`,
    `Minimum IT requirements (${MINIMUM_IT_ID})`,
  ],
  '23.1(g)': [`IFU security sections (${IFU_SECURITY_ID})`],
  '23.4(g)': [`IFU security sections (${IFU_SECURITY_ID})`],
}
const RISK_FILE = ['Cybersecurity risk assessment (medcyber)']

interface Answer {
  readonly howMet: string
  readonly gaps: readonly string[]
}

const count = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`

const answerFor = (ctx: ReportContext, gspr: string): Answer => {
  const { model, coverage, register } = ctx
  const controls = releaseControls(model, ctx.release)
  const verified = controls.filter((control) => control.status === 'verified').length
  switch (gspr) {
    case '17.2': {
      const gaps = [
        ...(model.verifications.length === 0 ? ['No security verification is recorded.'] : []),
        ...(coverage.threatsWithoutControl.length === 0
          ? []
          : [`${count(coverage.threatsWithoutControl.length, 'threat')} without a risk control.`]),
      ]
      return {
        howMet: `Security risk management over ${count(ctx.threats.length, 'threat')} and ${count(register.entries.length, 'evaluated risk')}; ${count(controls.length, 'risk control')} (${String(verified)} verified) and ${count(model.verifications.length, 'security verification')}.`,
        gaps,
      }
    }
    case '17.4': {
      const interfaces = deviceInterfaces(model, ctx.release)
      return {
        howMet: `Minimum IT requirements derived from ${count(interfaces.length, 'interface')}, ${count(environmentFlows(model, ctx.release).length, 'data flow')} to the operating environment and ${count(environmentElements(model).length, 'element')} the operator supplies.`,
        gaps: [
          'Minimum hardware and network performance figures are not in the model (needs input).',
        ],
      }
    }
    case '18.8': {
      const access = controls.filter(
        (control) => control.category === 'authentication' || control.category === 'authorization',
      )
      return {
        howMet: `${count(access.length, 'authentication or authorization control')} against unauthorised access: ${access.map((control) => control.name).join('; ') || 'none'}.`,
        gaps: access.length === 0 ? ['No authentication or authorization control.'] : [],
      }
    }
    case '14.2(d)': {
      const resilience = controls.filter((control) => control.category === 'resiliency-recovery')
      return {
        howMet: `Data flows to the IT environment analysed in the threat model; ${count(resilience.length, 'resiliency and recovery control')} limit the effect of the environment on the device.`,
        gaps: resilience.length === 0 ? ['No resiliency or recovery control.'] : [],
      }
    }
    case '23.4(ab)':
      return {
        howMet:
          'The IFU security sections state the minimum IT requirements and the recommended environment controls.',
        gaps:
          model.managementPlan?.customerCommunication === undefined
            ? [
                'How customers are told of vulnerabilities and updates is not in the model (needs input).',
              ]
            : [],
      }
    default:
      return {
        howMet: `Answered by the security risk file: ${count(register.entries.length, 'evaluated risk')}, ${count(controls.length, 'risk control')}.`,
        gaps: [],
      }
  }
}

const checklistTable = (ctx: ReportContext): { table: DataTable; highlights: CellHighlight[] } => {
  const ivdr = ctx.model.product.jurisdictions.EU?.regulation === 'IVDR'
  const highlights: CellHighlight[] = []
  const rows = GSPR_ROWS.map((row, index) => {
    const answer = answerFor(ctx, row.gspr)
    const evidence = evidenceFor(ctx.model, row.gspr).map(evidenceText)
    const gaps = [
      ...(evidence.length === 0
        ? [`No quality-system document in the model covers GSPR ${row.gspr} (needs input).`]
        : []),
      ...answer.gaps,
    ]
    if (gaps.length > 0) highlights.push({ row: index, column: 'gaps', tone: 'gap' })
    return {
      gspr:
        ivdr && IVDR_EQUIVALENTS[row.gspr] !== undefined
          ? `${row.gspr} (IVDR ${IVDR_EQUIVALENTS[row.gspr] ?? ''})`
          : row.gspr,
      requirement: row.requirement,
      scope: row.primary ? 'Cybersecurity' : 'Related',
      applicable: 'Yes',
      howMet: answer.howMet,
      evidence: [...evidence, ...(GENERATED[row.gspr] ?? RISK_FILE)].join('; '),
      gaps: gaps.join(' '),
    }
  })
  return {
    table: {
      title: 'GSPR checklist',
      columns: [
        { key: 'gspr', title: 'GSPR', type: 'text', width: 10 },
        { key: 'requirement', title: 'Requirement (paraphrased)', type: 'text', width: 50 },
        { key: 'scope', title: 'Scope', type: 'text', width: 12 },
        { key: 'applicable', title: 'Applicable', type: 'text', width: 10 },
        { key: 'howMet', title: 'How met', type: 'text', width: 50 },
        { key: 'evidence', title: 'Evidence', type: 'text', width: 50 },
        { key: 'gaps', title: 'Gaps', type: 'text', width: 40 },
      ],
      rows,
      notes: [
        'Requirements are paraphrased; the regulation text governs.',
        'Scope "Related": listed in MDCG 2019-16 rev.1 Table 1 as relevant to cybersecurity.',
      ],
    },
    highlights,
  }
}

const evidenceSection = (model: DeviceModel) => {
  const cited = model.evidence
    .filter((item) => item.covers.some((topic) => topic.startsWith('GSPR:')))
    .sort((a, b) => a.id.localeCompare(b.id))
  return section(
    'evidence-documents',
    'Evidence documents',
    cited.length === 0
      ? [
          needsInput(
            'The quality-system documents that show conformity with each GSPR (list them under evidence in the model with covers: GSPR:<number>).',
          ),
        ]
      : [
          bulletList(
            cited.map(
              (item) =>
                `${evidenceText(item)}: ${item.covers.filter((topic) => topic.startsWith('GSPR:')).join(', ')}`,
            ),
          ),
        ],
  )
}

export const gsprChecklist = (ctx: ReportContext): DocumentTree => {
  const { model } = ctx
  const eu = model.product.jurisdictions.EU
  const { table, highlights } = checklistTable(ctx)
  return {
    ...documentHeader(ctx),
    id: 'eu-gspr-checklist',
    title: 'GSPR checklist: cybersecurity',
    subtitle: 'Regulation (EU) 2017/745 Annex I, as MDCG 2019-16 rev.1 applies it',
    sections: [
      section('scope', 'Scope', [
        paragraph(
          eu === undefined
            ? `The device model declares no EU market for ${model.product.name}; this checklist is prepared for information.`
            : `${model.product.name} is a class ${eu.class} device under the ${eu.regulation}${eu.rule === undefined ? '' : ` (${eu.rule})`}${eu.notifiedBody === undefined ? '' : `; notified body ${eu.notifiedBody}`}.`,
        ),
        ...(eu?.regulation === 'IVDR'
          ? [
              note(
                'Under the IVDR the same requirements are Annex I 16.2, 16.4, 13.2(d) and 20.4.1(ah).',
              ),
            ]
          : []),
      ]),
      section('checklist', 'Checklist', [tableBlock(table, { highlights })]),
      evidenceSection(model),
    ],
  }
}
