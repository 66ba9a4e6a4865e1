import {
  bulletList,
  needsInput,
  paragraph,
  section,
  tableBlock,
  type Block,
  type DocumentSection,
  type DocumentTree,
} from '../../documents/index.js'
import type { Control } from '../../model/index.js'
import {
  LABELING_TEXT,
  controlTable,
  flowTable,
  releaseControls,
  releaseFlows,
  userControls,
} from '../labeling/index.js'
import type { ReportContext } from '../report-context.js'
import { IFU_SECURITY_ID, MINIMUM_IT_ID, documentHeader } from './shared.js'

const text = LABELING_TEXT.en

const controlsOr = (controls: readonly Control[], title: string, missing: string): Block =>
  controls.length === 0 ? needsInput(missing) : tableBlock(controlTable(controls, text, title))

const byCapability = (controls: readonly Control[], capabilities: readonly string[]): Control[] =>
  controls.filter((control) =>
    (control.capabilities ?? []).some((item) => capabilities.includes(item)),
  )

/** The IFU and security documentation content MDCG 2019-16 rev.1 maps to MDR Annex I 23.4. */
export const ifuSecurity = (ctx: ReportContext): DocumentTree => {
  const { model } = ctx
  const controls = releaseControls(model, ctx.release)
  const release = model.releases.find((item) => item.version === ctx.release)
  const plan = model.managementPlan
  const operatingSystems = model.components
    .filter((component) => (release?.components ?? []).includes(component.id))
    .filter((component) => component.kind === 'operating-system' || component.kind === 'rtos')
    .sort((a, b) => a.id.localeCompare(b.id))
  const ifu: DocumentSection[] = [
    section('risk-profile', 'Risk profile and security objectives', [
      model.assets.length === 0
        ? needsInput('The assets and their confidentiality, integrity and availability needs.')
        : bulletList(
            [...model.assets]
              .sort((a, b) => a.id.localeCompare(b.id))
              .map(
                (asset) =>
                  `${asset.name}: confidentiality ${asset.security.confidentiality}, integrity ${asset.security.integrity}, availability ${asset.security.availability}`,
              ),
          ),
    ]),
    section('operating-system', 'Operating system', [
      operatingSystems.length === 0
        ? needsInput('The operating system of the device and its version.')
        : bulletList(
            operatingSystems.map(
              (component) =>
                `${component.name} ${component.version}${component.supplier === undefined ? '' : ` (${component.supplier})`}`,
            ),
          ),
    ]),
    section('update-integrity', 'Integrity of updates', [
      controlsOr(
        controls.filter(
          (control) =>
            control.category === 'updatability-patchability' ||
            control.category === 'code-data-execution-integrity',
        ),
        'Update and integrity controls',
        'How the integrity and authenticity of updates are ensured.',
      ),
    ]),
    section('secure-by-default', 'Security options and secure-by-default settings', [
      controlsOr(
        byCapability(controls, ['CNFS', 'SAHD']),
        'Configurable security features',
        text.missing.secureConfiguration,
      ),
    ]),
    section('installation', 'Installation and initial configuration', [
      needsInput(
        'Installation and initial configuration steps, including changing default passwords.',
      ),
    ]),
    section('update-deployment', 'Deploying updates', [
      ...(release?.updateMethod === undefined
        ? []
        : [paragraph(text.updateMethod(release.updateMethod))]),
      plan?.updateProcess === undefined
        ? needsInput(text.missing.updates)
        : paragraph(plan.updateProcess),
    ]),
    section('failsafe', 'Fail-safe operation', [
      controlsOr(
        controls.filter((control) => control.category === 'resiliency-recovery'),
        'Resiliency and recovery controls',
        'How the device behaves when under attack or when the network fails (fail-safe mode).',
      ),
    ]),
    section('alerts', 'Action on security alerts', [
      plan?.customerCommunication === undefined
        ? needsInput(
            'What users do when the manufacturer issues a security alert, and how they are told.',
          )
        : paragraph(plan.customerCommunication),
    ]),
    section('user-skills', 'IT skills required of users', [
      needsInput('The IT skills the intended users and operators need.'),
    ]),
    section('environment', 'Operating environment, workstation and platform requirements', [
      paragraph(
        `See Minimum IT requirements (${MINIMUM_IT_ID}). Intended use environments: ${model.product.useEnvironments.join(', ')}.`,
      ),
      needsInput('Risks of using the device outside the intended operating environment.'),
    ]),
    section('environment-controls', 'Recommended environment controls', [
      controlsOr(userControls(model, ctx.release), text.tables.controls, text.missing.userControls),
    ]),
    section('backup', 'Backup and restore of data and configuration', [
      controlsOr(
        [
          ...new Set([
            ...byCapability(controls, ['DTBK']),
            ...controls.filter((control) => control.compensatingType === 'backup-restore'),
          ]),
        ],
        'Backup and restore controls',
        text.missing.backup,
      ),
    ]),
  ]
  const flows = releaseFlows(model, ctx.release)
  const admin: DocumentSection[] = [
    section('device-controls', 'Security controls of the device', [
      controlsOr(controls, 'Security controls', 'The security controls of the device.'),
    ]),
    section('sbom', 'Software bill of materials', [
      release === undefined
        ? needsInput('The release the SBOM describes.')
        : paragraph(text.sbomText((release.components ?? []).length, release.version)),
    ]),
    section('roles', 'Roles and permissions', [
      model.roles.length === 0
        ? needsInput('The user roles and their permissions.')
        : bulletList(
            [...model.roles]
              .sort((a, b) => a.id.localeCompare(b.id))
              .map(
                (role) =>
                  `${role.name} (${role.kind}${role.privileged ? ', privileged' : ''}): authentication ${(role.authentication ?? ['not stated']).join(', ')}${role.description === undefined ? '' : `. ${role.description}`}`,
              ),
          ),
    ]),
    section('logging', 'Logging', [
      controlsOr(
        controls.filter((control) => control.category === 'event-detection-logging'),
        'Logging controls',
        text.missing.anomalies,
      ),
    ]),
    section('data-streams', 'Network data-stream matrix', [
      flows.length === 0
        ? needsInput('The network data streams: protocols, origin, destination and addressing.')
        : tableBlock(flowTable(model, flows, text, 'Network data streams')),
    ]),
    section('cloud', 'Cloud hosting', [
      model.elements.some((element) => element.kind === 'cloud-service')
        ? needsInput('Where cloud-hosted data is located and how it is protected.')
        : paragraph('The device model has no cloud-hosted element.'),
    ]),
  ]
  return {
    ...documentHeader(ctx),
    id: IFU_SECURITY_ID,
    title: 'IFU security sections',
    subtitle:
      'Instructions for use and security documentation (MDR Annex I 23.4; MDCG 2019-16 rev.1)',
    sections: [
      section('ifu', 'Instructions for use', [], ifu),
      section('administration', 'Administrator security documentation', [], admin),
    ],
  }
}
