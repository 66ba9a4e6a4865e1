import { deviceElementsOf, hasNoAuthentication } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Authentication): people and systems acting on the device are authenticated.
 * A patient without privileges acting on their own body-worn device is the one exception: there
 * is nobody to authenticate against.
 */
export const roleWithoutAuthentication: ThreatRule = {
  id: 'role-without-authentication',
  title: 'Role acts on the device without authenticating',
  stride: ['spoofing', 'elevation-of-privilege', 'repudiation'],
  capec: [151],
  cwe: [306],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, User authentication' },
    { source: 'MDS2', clause: 'PAUT' },
  ],
  rationale:
    "Anyone who reaches the device can do whatever this role may do, and nothing records who it was: changes to clinical data or settings can't be prevented or traced.",
  recommendations: [
    {
      category: 'authentication',
      text: 'Authenticate the role: individual log-in or badge for people, cryptographic identity for systems',
    },
    {
      category: 'authorization',
      text: 'Where authentication is impossible (emergency use), limit the role to functions that cannot harm the patient',
    },
  ],
  subjectKind: 'role',
  evaluate: (context) =>
    context.model.roles.flatMap((role) => {
      const devices = deviceElementsOf(context, role)
      if (devices.length === 0 || !hasNoAuthentication(role)) return []
      if (role.kind === 'patient' && !role.privileged) return []
      return [
        {
          subject: role.id,
          detail: `${role.name} (${role.kind}${role.privileged ? ', privileged' : ''}) acts on ${devices.join(', ')} with no authentication`,
        },
      ]
    }),
}
