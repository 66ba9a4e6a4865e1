import {
  authenticationOf,
  deviceElementsOf,
  hasMultiFactorAuthentication,
} from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

const POWERFUL_KINDS: ReadonlySet<string> = new Set(['service', 'administrator'])

/**
 * FDA Appendix 1 (Authorization, Authentication): least privilege per role, and multi-factor
 * authentication for privileged users. Service and administrator modes can usually change
 * therapy limits, calibration or firmware across the whole device.
 */
export const excessivePrivilegesOnDevice: ThreatRule = {
  id: 'excessive-privileges-on-device',
  title: 'Service or administrator role holds device-wide powers behind a single factor',
  stride: ['elevation-of-privilege', 'tampering'],
  capec: [122, 560],
  cwe: [266, 308],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authorization' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'MDS2', clause: 'AUTH' },
    { source: 'MDS2', clause: 'RMOT' },
  ],
  rationale:
    'A service or administrator mode reached with one stolen or shared secret lets an attacker recalibrate, reconfigure or reflash the device, changing how therapy is delivered or how readings are taken for every patient it is used on.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Require multi-factor authentication and per-person, per-device credentials for service and administrator access',
    },
    {
      category: 'authorization',
      text: 'Split service functions by need, time-limit service sessions, and require a physical signal of intent at the device for firmware and limit changes',
    },
  ],
  subjectKind: 'role',
  evaluate: (context) =>
    context.model.roles.flatMap((role) => {
      if (!POWERFUL_KINDS.has(role.kind) || !role.privileged) return []
      if (hasMultiFactorAuthentication(role)) return []
      const devices = deviceElementsOf(context, role)
      if (devices.length === 0) return []
      return [
        {
          subject: role.id,
          detail: `${role.name} (${role.kind}) is privileged on device elements ${devices.join(', ')} and authenticates with ${authenticationOf(role).join(', ')}, without multi-factor`,
        },
      ]
    }),
}
