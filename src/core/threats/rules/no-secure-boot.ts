import {
  codeIntegrityControlsOn,
  flowsBySource,
  flowsInto,
  runsReceivedSoftware,
} from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/** Elements that boot their own software; apps rely on their platform's code signing instead. */
const BOOTING_KINDS: ReadonlySet<string> = new Set([
  'device',
  'device-component',
  'accessory',
  'workstation',
  'server',
])

/**
 * FDA Appendix 1 (Code, Data and Execution Integrity): verify software and firmware before it is
 * installed and each time it runs, from a hardware root of trust or by allow-listing signed code.
 */
export const noSecureBoot: ThreatRule = {
  id: 'no-secure-boot',
  title: 'Software on the device is not verified before it runs',
  stride: ['tampering', 'elevation-of-privilege'],
  capec: [638, 441],
  cwe: [1326, 353],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Device integrity' },
    { source: 'MDS2', clause: 'SAHD' },
  ],
  rationale:
    'Without verification at install and boot, modified firmware or software (through an update path, a service port or an exploit that writes to storage) runs with full control of the clinical function and survives restarts.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Verify a manufacturer signature on bootloader, firmware and applications at every boot from an immutable root of trust; on general-purpose operating systems, allow only signed code (allow-listing)',
    },
    {
      category: 'updatability-patchability',
      text: 'Reject downgrades to older signed versions (anti-rollback) and keep a verified recovery image',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements
      .filter(
        (element) =>
          BOOTING_KINDS.has(element.kind) &&
          context.isDevice(element.id) &&
          runsReceivedSoftware(context, element.id) &&
          codeIntegrityControlsOn(context, element.id).length === 0,
      )
      .map((element) => ({
        subject: element.id,
        detail: `${element.name} receives software from ${flowsBySource(flowsInto(context, element.id, ['software']))}, and no code, data and execution integrity control covers it or its software flows`,
      })),
}
