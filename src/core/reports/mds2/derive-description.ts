import type { ReportContext } from '../report-context.js'
import type { DeviceFacts } from './device-facts.js'
import { derived, type DerivedAnswer } from './mds2-form.js'

type Rule = (facts: DeviceFacts, ctx: ReportContext) => DerivedAnswer | undefined

const isSoftwareOnly = (facts: DeviceFacts): boolean =>
  facts.model.product.deviceTypes.includes('software-only')

/** DOC and PLOK-1: what the product section says about the device and its maker. */
export const DESCRIPTION_RULES: Readonly<Record<string, Rule>> = {
  'DOC-1': ({ model }) =>
    derived('see-note', 'product.manufacturer.name', model.product.manufacturer.name),
  'DOC-2': ({ model }) => derived('see-note', 'product.name', model.product.name),
  'DOC-3': ({ model }) =>
    model.product.modelNumbers.length === 0
      ? undefined
      : derived('see-note', 'product.modelNumbers', model.product.modelNumbers.join('; ')),
  'DOC-5': ({ model }) => {
    const { manufacturer } = model.product
    const parts = [
      manufacturer.name,
      manufacturer.address,
      manufacturer.securityContact === undefined
        ? undefined
        : `Security contact: ${manufacturer.securityContact}`,
    ].filter((part): part is string => part !== undefined)
    return parts.length < 2
      ? undefined
      : derived('see-note', 'product.manufacturer address and securityContact', parts.join('; '))
  },
  'DOC-7': (_facts, ctx) => derived('see-note', 'the report date', ctx.date),
  'DOC-8': ({ model }) => {
    const { cvdPolicyUrl, securityContact } = model.product.manufacturer
    if (cvdPolicyUrl !== undefined)
      return derived(
        'yes',
        'product.manufacturer.cvdPolicyUrl',
        [
          `Policy: ${cvdPolicyUrl}`,
          securityContact === undefined ? '' : `Reports: ${securityContact}`,
        ]
          .filter((part) => part !== '')
          .join('; '),
      )
    const process = model.managementPlan?.cvdProcess
    return process === undefined ? undefined : derived('yes', 'managementPlan.cvdProcess', process)
  },
  'DOC-9': ({ model }) => {
    const { isao } = model.product.manufacturer
    return isao === undefined ? undefined : derived('yes', 'product.manufacturer.isao', isao)
  },
  'DOC-10': ({ deviceElements, flows }) =>
    deviceElements.length === 0 || flows.length === 0
      ? undefined
      : derived(
          'yes',
          'elements and dataFlows',
          `Architecture views drawn from the model: ${deviceElements.length.toString()} device elements, ${flows.length.toString()} data flows to and from them`,
        ),
  'DOC-11': (facts) =>
    isSoftwareOnly(facts)
      ? derived('yes', 'product.deviceTypes (software-only)')
      : derived('no', `product.deviceTypes (${facts.model.product.deviceTypes.join(', ')})`),
  'DOC-11.1': (facts) => {
    if (!isSoftwareOnly(facts)) return undefined
    const systems = facts.components.filter((component) => component.kind === 'operating-system')
    return systems.length === 0
      ? undefined
      : derived(
          'yes',
          `components ${systems.map((component) => component.id).join(', ')}`,
          systems.map((component) => `${component.name} ${component.version}`).join('; '),
        )
  },
  'DOC-11.3': (facts) => {
    if (!isSoftwareOnly(facts)) return undefined
    const hosted = facts.deviceElements.filter(
      (element) => element.kind === 'cloud-service' && element.owner === 'manufacturer',
    )
    return hosted.length === 0
      ? undefined
      : derived('yes', `elements ${hosted.map((element) => element.id).join(', ')}`)
  },
  'PLOK-1': (facts) =>
    isSoftwareOnly(facts)
      ? derived('yes', 'product.deviceTypes (software-only)')
      : derived('no', `product.deviceTypes (${facts.model.product.deviceTypes.join(', ')})`),
}
