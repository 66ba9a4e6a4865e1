import type { Role } from '../../model/index.js'
import type { ReportContext } from '../report-context.js'
import { joinIds, type DeviceFacts } from './device-facts.js'
import { derived, type DerivedAnswer } from './mds2-form.js'

type Rule = (facts: DeviceFacts, ctx: ReportContext) => DerivedAnswer | undefined

type Method = NonNullable<Role['authentication']>[number]

const CREDENTIAL_METHODS: readonly Method[] = [
  'password',
  'pin',
  'badge',
  'biometric',
  'certificate',
  'single-sign-on',
  'multi-factor',
]

const roleLabel = (role: Role): string =>
  `${role.name}: ${(role.authentication ?? []).join(', ') || 'not stated'}`

const rolesBasis = (roles: readonly Role[]): string =>
  `roles ${joinIds(roles.map((role) => role.id))}`

/**
 * Yes when a device role uses the method; no when every device role states its methods and none
 * is this one; otherwise the model does not say.
 */
const roleMethod =
  (methods: readonly Method[]): Rule =>
  ({ roles }) => {
    const using = roles.filter((role) =>
      (role.authentication ?? []).some((method) => methods.includes(method)),
    )
    if (using.length > 0)
      return derived('yes', `${rolesBasis(using)} authentication`, using.map(roleLabel).join('; '))
    const allStated = roles.length > 0 && roles.every((role) => role.authentication !== undefined)
    return allStated ? derived('no', `${rolesBasis(roles)} authentication`) : undefined
  }

const roleBasedPrivileges: Rule = ({ roles }) => {
  const privileged = roles.filter((role) => role.privileged)
  const ordinary = roles.filter((role) => !role.privileged)
  return privileged.length > 0 && ordinary.length > 0
    ? derived(
        'yes',
        `${rolesBasis(roles)} (privileged and not)`,
        roles.map((role) => `${role.name}${role.privileged ? ' (privileged)' : ''}`).join('; '),
      )
    : undefined
}

export const ACCESS_RULES: Readonly<Record<string, Rule>> = {
  'AUTH-1': ({ roles }) => {
    const authenticated = roles.filter((role) =>
      (role.authentication ?? []).some((method) => CREDENTIAL_METHODS.includes(method)),
    )
    return authenticated.length === 0
      ? undefined
      : derived(
          'yes',
          `${rolesBasis(authenticated)} authentication`,
          authenticated.map(roleLabel).join('; '),
        )
  },
  'AUTH-1.1': roleMethod(['single-sign-on']),
  'AUTH-2': roleBasedPrivileges,
  'SAHD-5.1': roleBasedPrivileges,
  'PAUT-1': ({ roles }) => {
    const shared = roles.filter((role) => role.sharedAccount === true)
    if (shared.length > 0)
      return derived(
        'no',
        `${rolesBasis(shared)} sharedAccount`,
        `Shared account or password: ${shared.map((role) => role.name).join(', ')}`,
      )
    const individual =
      roles.length > 0 &&
      roles.every(
        (role) =>
          role.sharedAccount === false &&
          (role.authentication ?? []).some((method) => CREDENTIAL_METHODS.includes(method)),
      )
    return individual
      ? derived('yes', `${rolesBasis(roles)} authentication and sharedAccount`)
      : undefined
  },
  'PAUT-2': roleMethod(['single-sign-on']),
  'PAUT-8': roleMethod(['multi-factor']),
  'PAUT-9': roleMethod(['single-sign-on']),
  'PAUT-11': roleMethod(['biometric']),
  'PAUT-12': roleMethod(['badge']),
  'PAUT-13': ({ roles }) => {
    const shared = roles.filter((role) => role.sharedAccount === true)
    return shared.length === 0
      ? undefined
      : derived(
          'yes',
          `${rolesBasis(shared)} sharedAccount`,
          `Shared account: ${shared.map((role) => role.name).join(', ')}`,
        )
  },
}
