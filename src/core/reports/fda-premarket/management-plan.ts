import {
  bulletList,
  link,
  needsInput,
  paragraph,
  section,
  type Block,
  type DocumentSection,
} from '../../documents/index.js'
import type { ManagementPlan } from '../../model/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { cite, fdaDocument, LABELING_TITLE } from './fda-document.js'
import { column, orNeedsInput, table } from './table-helpers.js'

/** A plan item: the model's words, or what to supply and where in the model it belongs. */
const item = (value: string | undefined, missing: string): Block =>
  value === undefined || value.trim() === '' ? needsInput(missing) : paragraph(value.trim())

const monitoring = (plan: ManagementPlan): Block[] => [
  plan.monitoringSources === undefined || plan.monitoringSources.length === 0
    ? needsInput(
        'Sources monitored for vulnerabilities (managementPlan.monitoringSources): for example NVD, supplier advisories, CISA, researchers, the ISAO.',
      )
    : bulletList(plan.monitoringSources),
  item(
    plan.monitoringFrequency,
    'How often the sources are checked (managementPlan.monitoringFrequency).',
  ),
]

const patchTimelines = (plan: ManagementPlan): Block =>
  plan.patchTimelines === undefined || plan.patchTimelines.length === 0
    ? needsInput(
        'Timelines to develop and release patches, with their justification (managementPlan.patchTimelines): section 524B(b)(2) asks for updates for known unacceptable vulnerabilities on a reasonably justified regular cycle, and for critical vulnerabilities that could cause uncontrolled risks as soon as possible, out of cycle.',
      )
    : table({
        title: 'Patch timelines',
        columns: [
          column('trigger', 'What starts the clock', 'text', 36),
          column('target', 'Committed time to release', 'text', 24),
          column('justification', 'Justification', 'text', 50),
        ],
        rows: plan.patchTimelines.map((timeline) => ({
          trigger: timeline.trigger,
          target: timeline.target,
          justification: orNeedsInput(timeline.justification),
        })),
      })

const cvd = (ctx: ReportContext, plan: ManagementPlan): Block[] => {
  const { manufacturer } = ctx.model.product
  return [
    manufacturer.cvdPolicyUrl === undefined
      ? needsInput(
          'The public coordinated vulnerability disclosure policy (product.manufacturer.cvdPolicyUrl).',
        )
      : paragraph(
          'Public disclosure policy: ',
          link(manufacturer.cvdPolicyUrl, manufacturer.cvdPolicyUrl),
        ),
    manufacturer.securityContact === undefined
      ? needsInput('Where vulnerability reports go (product.manufacturer.securityContact).')
      : paragraph(`Vulnerability reports: ${manufacturer.securityContact.trim()}`),
    manufacturer.isao === undefined
      ? needsInput(
          'Information Sharing and Analysis Organization the manufacturer takes part in, if any (product.manufacturer.isao).',
        )
      : paragraph(`Information sharing: active member of ${manufacturer.isao.trim()}.`),
    item(
      plan.cvdProcess,
      'How reports from external finders (researchers, suppliers, customers) and vulnerabilities the manufacturer finds itself are received, assessed, remediated and disclosed to users and patients (managementPlan.cvdProcess).',
    ),
  ]
}

const currentRemediations = (ctx: ReportContext): DocumentSection => {
  const uncontrolled = ctx.register.entries.filter(
    (entry) => entry.controlStatus === 'uncontrolled',
  )
  return section('current-remediations', 'Remediations under way', [
    uncontrolled.length === 0
      ? paragraph(`No residual risk is uncontrolled on ${ctx.date}.`)
      : table({
          title: 'Uncontrolled risks and their deadlines',
          columns: [
            column('risk', 'Risk', 'text', 30),
            column('title', 'Vulnerability or threat', 'text', 36),
            column('deadlines', 'Deadlines', 'text', 50),
          ],
          rows: uncontrolled.map((entry) => ({
            risk: entry.id,
            title: entry.title,
            deadlines: entry.deadlines
              .map((d) => `${d.due} (${d.status.state}): ${d.title}`)
              .join('; '),
          })),
          alertRow: () => true,
        }),
  ])
}

export const buildManagementPlan = (ctx: ReportContext): DeliverablePart => {
  const plan: ManagementPlan = ctx.model.managementPlan ?? {}
  const statute = ctx.cyberDevice.isCyberDevice
    ? `${ctx.model.product.name} is a cyber device, so this plan is the plan section 524B(b)(1) of the FD&C Act requires: to monitor, identify and address postmarket cybersecurity vulnerabilities and exploits in a reasonable time, including coordinated vulnerability disclosure.`
    : `${ctx.model.product.name} is not a cyber device under section 524B; FDA still recommends this plan for devices with cybersecurity risk.`
  return fdaDocument(ctx, 'cybersecurity-management-plan', [
    section('purpose', 'Purpose', [
      paragraph(statute),
      ...(ctx.model.managementPlan === undefined
        ? [
            needsInput(
              'The device model has no management plan (managementPlan): every item below needs input.',
            ),
          ]
        : []),
    ]),
    section('responsibility', 'Responsible personnel', [
      item(
        plan.responsible,
        'The role or person responsible for product security (managementPlan.responsible).',
      ),
    ]),
    section('monitoring', 'Vulnerability monitoring: sources and frequency', monitoring(plan)),
    section('kev-handling', 'Known exploited vulnerabilities', [
      item(
        plan.kevHandling,
        'How vulnerabilities in the CISA KEV catalogue are handled (managementPlan.kevHandling).',
      ),
    ]),
    section('security-testing', 'Periodic security testing', [
      item(
        plan.securityTesting,
        'Security testing after release and how often, commensurate with risk, e.g. yearly (managementPlan.securityTesting).',
      ),
    ]),
    section('patch-timelines', 'Timelines to develop and release patches', [patchTimelines(plan)]),
    section('update-process', 'Update process', [
      item(
        plan.updateProcess,
        'How updates are built, signed, released and installed (managementPlan.updateProcess).',
      ),
    ]),
    section('patching-capability', 'Patching capability', [
      item(
        plan.patchingCapability,
        'How fast updates reach devices in the field, by what means (managementPlan.patchingCapability).',
      ),
      paragraph(`Measured deployment times: ${cite('cybersecurity-metrics')}.`),
    ]),
    section('coordinated-disclosure', 'Coordinated vulnerability disclosure', cvd(ctx, plan)),
    section('customer-communication', 'Communication to customers', [
      item(
        plan.customerCommunication,
        'How customers learn of vulnerabilities, upcoming patches and remediations (managementPlan.customerCommunication).',
      ),
      paragraph(`What users are told about updates and end of support: ${LABELING_TITLE}.`),
    ]),
    currentRemediations(ctx),
  ])
}
