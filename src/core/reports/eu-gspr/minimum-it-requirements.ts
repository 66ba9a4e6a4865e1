import {
  bulletList,
  needsInput,
  paragraph,
  section,
  tableBlock,
  type DocumentTree,
} from '../../documents/index.js'
import {
  LABELING_TEXT,
  controlTable,
  deviceInterfaces,
  environmentElements,
  environmentFlows,
  flowTable,
  interfaceTable,
  userControls,
} from '../labeling/index.js'
import type { CompensatingControlType } from '../../model/index.js'
import type { ReportContext } from '../report-context.js'
import { MINIMUM_IT_ID, documentHeader } from './shared.js'

const text = LABELING_TEXT.en

/** MDCG 2019-16 indicative environment controls, and the N70 compensating types that provide them. */
const INDICATIVE_CONTROLS: readonly {
  readonly control: string
  readonly types: readonly CompensatingControlType[]
}[] = [
  { control: 'Physical security', types: ['physical-access'] },
  { control: 'User access management', types: [] },
  { control: 'Anti-virus / anti-malware', types: ['anti-malware'] },
  { control: 'Firewall', types: ['firewall'] },
  { control: 'Allow-listing and hardening', types: ['removable-media-restriction'] },
  {
    control: 'Network segmentation, filtering and encryption',
    types: ['network-isolation', 'network-segregation', 'remove-remote-access'],
  },
  { control: 'Monitoring', types: ['monitoring'] },
  { control: 'Backup and restore', types: ['backup-restore'] },
  { control: 'Staff training', types: ['staff-education'] },
]

/**
 * The operating-environment requirements of MDR Annex I 17.4 and 23.4(ab): what the IT
 * environment the manufacturer does not supply must provide, taken from the interfaces, the
 * data flows that leave the device, the compensating controls and the elements the operator owns.
 */
export const minimumItRequirements = (ctx: ReportContext): DocumentTree => {
  const { model } = ctx
  const interfaces = deviceInterfaces(model, ctx.release).filter((item) => item.status === 'active')
  const flows = environmentFlows(model, ctx.release)
  const elements = environmentElements(model)
  const controls = userControls(model, ctx.release)
  const types = new Set(
    controls.flatMap((control) =>
      control.compensatingType === undefined ? [] : [control.compensatingType],
    ),
  )
  return {
    ...documentHeader(ctx),
    id: MINIMUM_IT_ID,
    title: 'Minimum IT requirements',
    subtitle:
      'Operating-environment requirements (MDR Annex I 17.4 and 23.4(ab); MDCG 2019-16 rev.1)',
    sections: [
      section('purpose', 'Purpose', [
        paragraph(
          `The hardware, IT network characteristics and IT security measures the operating environment of ${model.product.name} must provide. The operating environment is the IT and network equipment not supplied by ${model.product.manufacturer.name}; the requirements follow from the device security risk assessment.`,
        ),
      ]),
      section('hardware', 'Hardware and platforms supplied by the operator', [
        ...(elements.length === 0
          ? []
          : [
              bulletList(
                elements.map(
                  (element) =>
                    `${element.name} (${element.kind}, owned by ${element.owner})${element.description === undefined ? '' : `: ${element.description}`}`,
                ),
              ),
            ]),
        needsInput(
          'Minimum hardware, operating system and platform versions for operator-supplied equipment.',
        ),
      ]),
      section('network', 'IT network characteristics', [
        ...(interfaces.length === 0
          ? [needsInput(text.missing.interfaces)]
          : [tableBlock(interfaceTable(model, interfaces, text, text.tables.activeInterfaces))]),
        ...(flows.length === 0
          ? []
          : [tableBlock(flowTable(model, flows, text, text.tables.flows))]),
        needsInput('Minimum bandwidth, latency and availability the network must provide.'),
      ]),
      section('security-measures', 'IT security measures of the environment', [
        ...(controls.length === 0
          ? [needsInput(text.missing.userControls)]
          : [tableBlock(controlTable(controls, text, text.tables.controls))]),
        tableBlock({
          title: 'Indicative environment controls (MDCG 2019-16)',
          columns: [
            { key: 'control', title: 'Environment control', type: 'text', width: 40 },
            { key: 'required', title: 'Required by the risk assessment', type: 'text', width: 20 },
          ],
          rows: INDICATIVE_CONTROLS.map((item) => ({
            control: item.control,
            required: item.types.some((type) => types.has(type)) ? 'Yes' : 'Not identified',
          })),
          notes: ['"Not identified": the device model names no compensating control of this type.'],
        }),
      ]),
    ],
  }
}
