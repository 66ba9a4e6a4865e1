/**
 * Roles are granted per product (or on every product with `*`); permissions are what routes ask
 * for. The table is the one place that says who may do what, and the role-matrix test checks
 * every route against an expectation written independently of it.
 */
export const ROLES = [
  'admin',
  'security-engineer',
  'risk-manager',
  'clinical-reviewer',
  'approver',
  'viewer',
  'auditor',
] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  /** See the product, its model, threats, risk register, findings and documents. */
  'product:read',
  /** Replace the model's files (the web editor's save, or a push from git). */
  'model:write',
  /** Record a threat assessment (status, controls, residual risk rationale). */
  'threat:assess',
  /** Record a VEX triage decision for a finding. */
  'finding:triage',
  /** Generate regulatory and customer documents. */
  'document:generate',
  /** Sign with the meaning "reviewed". */
  'sign:reviewed',
  /** Sign with the meaning "approved". */
  'sign:approved',
  /** Sign with the meaning "risk accepted". */
  'sign:risk-accepted',
  /** Read the audit trail and verify its chain. */
  'audit:read',
  /** Queue feed syncs and portfolio re-evaluations. */
  'jobs:run',
  /** Create products, manage users, roles and other people's tokens. */
  'admin',
] as const
export type Permission = (typeof PERMISSIONS)[number]

const READ: readonly Permission[] = ['product:read']

/**
 * Separation of duties: the admin runs the system but signs nothing, and only approvers give
 * the signatures that release or accept risk (21 CFR 11.100: a signature belongs to one person
 * acting in a named role).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: new Set<Permission>([
    ...READ,
    'model:write',
    'threat:assess',
    'finding:triage',
    'document:generate',
    'audit:read',
    'jobs:run',
    'admin',
  ]),
  'security-engineer': new Set<Permission>([
    ...READ,
    'model:write',
    'threat:assess',
    'finding:triage',
    'document:generate',
    'sign:reviewed',
    'jobs:run',
  ]),
  'risk-manager': new Set<Permission>([
    ...READ,
    'threat:assess',
    'finding:triage',
    'document:generate',
    'sign:reviewed',
  ]),
  'clinical-reviewer': new Set<Permission>([...READ, 'sign:reviewed']),
  approver: new Set<Permission>([
    ...READ,
    'document:generate',
    'sign:reviewed',
    'sign:approved',
    'sign:risk-accepted',
  ]),
  viewer: new Set<Permission>(READ),
  auditor: new Set<Permission>([...READ, 'audit:read']),
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

/** Whether any of the roles held grants the permission. */
export const rolesGrant = (roles: Iterable<Role>, permission: Permission): boolean => {
  for (const role of roles) if (ROLE_PERMISSIONS[role].has(permission)) return true
  return false
}
