import type { Component, DataFlow, Element, Interface } from '../../model/index.js'
import type { ThreatContext } from '../threat-context.js'

/**
 * The subjects a custom rule can be about, and the model section each one comes from. The
 * facts of a subject are its own fields plus the derived facts below, named for people.
 */
export const RULE_SUBJECTS = [
  'dataFlow',
  'interface',
  'element',
  'component',
  'asset',
  'role',
  'trustBoundary',
] as const
export type RuleSubject = (typeof RULE_SUBJECTS)[number]

export const SUBJECT_SECTIONS = {
  dataFlow: 'dataFlows',
  interface: 'interfaces',
  element: 'elements',
  component: 'components',
  asset: 'assets',
  role: 'roles',
  trustBoundary: 'trustBoundaries',
} as const satisfies Record<RuleSubject, string>

/** Derived facts, by subject, with what each means (shown when a name is misspelt). */
export const DERIVED_FACTS: Readonly<Record<RuleSubject, Readonly<Record<string, string>>>> = {
  dataFlow: {
    from: 'the source element, with its element facts',
    to: 'the destination element, with its element facts',
    crossesBoundary: 'true when the flow enters or leaves a trust boundary',
    crossedBoundaries: 'ids of the trust boundaries it crosses',
    sensitiveData: 'carries PHI, or diagnosis or therapy data whose integrity matters',
    localUserInteraction: 'a person at the element itself (user-interface only)',
    interfaceTypes: 'types of the interfaces it uses',
  },
  interface: {
    element: 'the element it belongs to, with its element facts',
    flowCount: 'number of data flows that use it',
  },
  element: {
    isDevice: 'part of the medical device',
    deliversTherapy: 'performs a therapy function or holds therapy data',
    hasEssentialPerformance: 'performs a function essential performance depends on',
    servesManyPatients: 'reaches many patients’ devices (cloud, update and fleet servers)',
    categories: 'MITRE rubric categories of its functions and assets',
    interfaceTypes: 'types of its interfaces that are not disabled',
    componentNames: 'names of the components on it',
    controlCategories: 'FDA categories of the controls applied to it',
    boundaries: 'ids of the trust boundaries it is inside',
  },
  component: {},
  asset: {},
  role: {},
  trustBoundary: {},
}

const elementFacts = (
  context: ThreatContext,
  element: Element | undefined,
): Record<string, unknown> => {
  if (element === undefined) return {}
  return {
    ...element,
    isDevice: context.isDevice(element.id),
    deliversTherapy: context.deliversTherapy(element.id),
    hasEssentialPerformance: context.hasEssentialPerformance(element.id),
    servesManyPatients: context.servesManyPatients(element.id),
    categories: [...context.clinicalCategoriesOf(element.id)].sort(),
    interfaceTypes: context
      .interfacesOf(element.id)
      .filter((item) => item.status !== 'disabled')
      .map((item) => item.type),
    componentNames: context.componentsOn(element.id).map((component: Component) => component.name),
    controlCategories: context.controlsOn(element.id).map((control) => control.category),
    boundaries: [...context.boundariesOf(element.id)].sort(),
  }
}

const flowFacts = (context: ThreatContext, flow: DataFlow): Record<string, unknown> => {
  const crossed = context.crossedBoundaries(flow)
  return {
    ...flow,
    from: elementFacts(context, context.element(flow.from)),
    to: elementFacts(context, context.element(flow.to)),
    crossesBoundary: crossed.length > 0,
    crossedBoundaries: crossed,
    sensitiveData: context.carriesSensitiveData(flow),
    localUserInteraction: context.isLocalUserInteraction(flow),
    interfaceTypes: (flow.interfaces ?? []).flatMap((id) => context.interfaceById(id)?.type ?? []),
  }
}

const interfaceFacts = (context: ThreatContext, item: Interface): Record<string, unknown> => ({
  ...item,
  element: elementFacts(context, context.element(item.element)),
  flowCount: context.flowsThrough(item.id).length,
})

/** Each subject of a kind with its facts, in model order. */
export const subjectsWithFacts = (
  context: ThreatContext,
  subject: RuleSubject,
): { id: string; facts: Record<string, unknown> }[] => {
  const { model } = context
  switch (subject) {
    case 'dataFlow':
      return model.dataFlows.map((flow) => ({ id: flow.id, facts: flowFacts(context, flow) }))
    case 'interface':
      return model.interfaces.map((item) => ({ id: item.id, facts: interfaceFacts(context, item) }))
    case 'element':
      return model.elements.map((element) => ({
        id: element.id,
        facts: elementFacts(context, element),
      }))
    default:
      return (model[SUBJECT_SECTIONS[subject]] as readonly { id: string }[]).map((item) => ({
        id: item.id,
        facts: { ...item },
      }))
  }
}
