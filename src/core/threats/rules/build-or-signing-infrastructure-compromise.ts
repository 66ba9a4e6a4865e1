import { flowsBySource, flowsInto, runsReceivedSoftware } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA premarket guidance asks the threat model to cover the supply chain and manufacturing, and
 * IEC 81001-5-1 asks for release integrity and control of private keys: a build system or signing
 * key under an attacker's control produces software that every device accepts as genuine.
 */
export const buildOrSigningInfrastructureCompromise: ThreatRule = {
  id: 'build-or-signing-infrastructure-compromise',
  title: 'Compromised build pipeline or signing key ships malicious software to every device',
  stride: ['tampering', 'elevation-of-privilege'],
  capec: [511, 206, 673, 678],
  cwe: [506, 522],
  references: [
    { source: 'FDA premarket guidance', clause: 'V.A.1 Threat Modeling' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'IEC 81001-5-1', clause: '5.8 Software release' },
    { source: 'IEC 81001-5-1', clause: '8 Software configuration management' },
  ],
  rationale:
    "Signature checks on the device cannot tell a malicious build signed with the genuine key from a real release: every device that updates runs the attacker's code, and every patient using one is exposed at once.",
  recommendations: [
    {
      category: 'cryptography',
      text: 'Keep release signing keys in an HSM with multi-person approval, separate from build machines, with a revocation and key-rotation plan',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Harden and isolate the build pipeline: reproducible builds, protected branches, reviewed changes, build provenance and an independent check of what is signed',
    },
    {
      category: 'updatability-patchability',
      text: 'Be able to revoke a signing key and push a clean release to the fleet',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements
      .filter(
        (element) => context.isDevice(element.id) && runsReceivedSoftware(context, element.id),
      )
      .map((element) => ({
        subject: element.id,
        detail: `${element.name} runs software built and signed by its supplier and delivered from ${flowsBySource(flowsInto(context, element.id, ['software']))}; a malicious build or stolen signing key would be accepted by every unit`,
        multiPatient: true,
      })),
}
