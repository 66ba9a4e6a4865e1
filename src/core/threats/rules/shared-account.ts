import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Authentication) and IMDRF N60 (User authentication): no shared passwords or
 * accounts; every action should trace to one person.
 */
export const sharedAccount: ThreatRule = {
  id: 'shared-account',
  title: 'People share one account, so actions cannot be traced to a person',
  stride: ['repudiation', 'spoofing', 'elevation-of-privilege'],
  capec: [560],
  cwe: [1391],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, User authentication' },
    { source: 'MDS2', clause: 'PAUT' },
    { source: 'MDS2', clause: 'AUDT' },
  ],
  rationale:
    'A shared password spreads to people who have left or never should have had it, cannot be revoked for one person, and makes the audit trail useless when a wrong therapy change or data access must be investigated.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Give every person an individual account (or badge) and support fast user switching where clinical workflow needs it',
    },
    {
      category: 'event-detection-logging',
      text: 'Record the individual person behind each clinically relevant action',
    },
  ],
  subjectKind: 'role',
  evaluate: (context) =>
    context.model.roles
      .filter((role) => role.sharedAccount === true)
      .map((role) => ({
        subject: role.id,
        detail: `People in the role ${role.name} (${role.kind}) share one account${role.elements === undefined ? '' : ` on ${role.elements.join(', ')}`}`,
      })),
}
