import {
  authenticationOf,
  hasStrongAuthentication,
  isManufacturerResponsibility,
} from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Authentication) recommends multi-factor authentication for privileged users:
 * people who can change configuration, software or therapy limits.
 */
export const privilegedRoleWithoutStrongAuthentication: ThreatRule = {
  id: 'privileged-role-without-strong-authentication',
  title: 'Privileged role authenticates with a single weak factor',
  stride: ['spoofing', 'elevation-of-privilege'],
  capec: [49, 560, 600],
  cwe: [308, 1390],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, User authentication' },
    { source: 'MDS2', clause: 'PAUT' },
  ],
  rationale:
    'A guessed, phished or reused password is enough to act with the privileges of this role: change therapy limits, configuration or software that patients depend on.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Require multi-factor authentication (or a personal certificate or badge plus a PIN) for every privileged role',
    },
    {
      category: 'authorization',
      text: 'Grant privileges only for the session and task that needs them, and log their use',
    },
  ],
  subjectKind: 'role',
  evaluate: (context) =>
    context.model.roles
      .filter((role) => {
        if (!role.privileged || hasStrongAuthentication(role)) return false
        const elements = role.elements ?? []
        if (elements.length === 0) return true
        return elements.some((id) => {
          const element = context.element(id)
          return element !== undefined && isManufacturerResponsibility(context, element)
        })
      })
      .map((role) => ({
        subject: role.id,
        detail: `${role.name} (${role.kind}) is privileged and authenticates with ${authenticationOf(role).join(', ')} only${role.elements === undefined ? '' : `, on ${role.elements.join(', ')}`}`,
      })),
}
