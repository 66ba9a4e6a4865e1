import { isSuppliedByManufacturer } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/** Code and parts below the application; on embedded hardware the OS is a vendor BSP too. */
const LOW_LEVEL_KINDS: ReadonlySet<string> = new Set([
  'firmware',
  'rtos',
  'operating-system',
  'driver',
  'hardware',
])
/** Embedded hardware; drivers of general-purpose platforms come with the platform's updates. */
const EMBEDDED_KINDS: ReadonlySet<string> = new Set(['device', 'device-component', 'accessory'])

/**
 * FDA premarket guidance asks the threat model to cover the supply chain, and V.A.4 to assess
 * every third-party component. Firmware, RTOS, drivers and chips from suppliers run below any
 * check the manufacturer's software can make.
 */
export const thirdPartyFirmwareIntegrity: ThreatRule = {
  id: 'third-party-firmware-integrity',
  title: 'Third-party firmware or hardware altered or counterfeited in the supply chain',
  stride: ['tampering', 'elevation-of-privilege'],
  capec: [438, 439, 638, 520],
  cwe: [1357],
  references: [
    { source: 'FDA premarket guidance', clause: 'V.A.1 Threat Modeling' },
    { source: 'FDA premarket guidance', clause: 'V.A.4 Third-party software components' },
    { source: 'MDS2', clause: 'SBOM' },
  ],
  rationale:
    'An altered radio stack, RTOS or counterfeit chip runs below every security check of the device and is built into every unit produced with it, so all patients using those units are exposed.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Obtain supplier firmware and chips through controlled channels, verify supplier signatures or hashes of binaries at receipt and in production, and test incoming parts for authenticity',
    },
    {
      category: 'updatability-patchability',
      text: 'Monitor supplier advisories and keep the ability to replace or update the component in the field',
    },
  ],
  subjectKind: 'component',
  evaluate: (context) =>
    context.model.components
      .filter(
        (component) =>
          LOW_LEVEL_KINDS.has(component.kind) &&
          !isSuppliedByManufacturer(context.model, component) &&
          (component.elements ?? []).some(
            (id) => EMBEDDED_KINDS.has(context.element(id)?.kind ?? '') && context.isDevice(id),
          ),
      )
      .map((component) => ({
        subject: component.id,
        detail: `${component.name} ${component.version} (${component.kind}) on ${(component.elements ?? []).join(', ')} comes from ${component.supplier ?? 'an unrecorded supplier'}, not from the manufacturer`,
        multiPatient: true,
      })),
}
