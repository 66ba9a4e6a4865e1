import { closestMatch, type DeviceModel, type PayloadKind } from '../model/index.js'
import { err, ok, type Result } from '../result.js'
import { createThreatContext, type ThreatContext } from '../threats/index.js'
import type {
  ArchitectureView,
  AvailableView,
  ViewError,
  ViewFlow,
  ViewHighlights,
  ViewKind,
  ViewSpec,
} from './architecture-view.js'
import {
  describeGlobal,
  describeMultiPatient,
  describeUpdate,
  describeUseCase,
  type DescriptionInput,
} from './describe-view.js'
import {
  boundaryIds,
  shownBoundaries,
  shownControls,
  viewParts,
  type ViewParts,
} from './view-parts.js'

const USE_CASE_PREFIX = 'use-case:'

/** The id the command line names a view by: `global`, `multi-patient`, `update`, `use-case:<id>`. */
export const viewId = (spec: ViewSpec): string =>
  typeof spec === 'string' ? spec : `${USE_CASE_PREFIX}${spec.useCase}`

/** The view a command-line id names, if it is well formed (the use case may still be unknown). */
export const parseViewId = (id: string): ViewSpec | undefined => {
  if (id === 'global' || id === 'multi-patient' || id === 'update') return id
  if (id.startsWith(USE_CASE_PREFIX) && id.length > USE_CASE_PREFIX.length) {
    return { useCase: id.slice(USE_CASE_PREFIX.length) }
  }
  return undefined
}

const kindOf = (spec: ViewSpec): ViewKind => (typeof spec === 'string' ? spec : 'use-case')

const TITLES: Record<Exclude<ViewKind, 'use-case'>, string> = {
  global: 'Global system view',
  'multi-patient': 'Multi-patient harm view',
  update: 'Updatability and patchability view',
}

const titleOf = (model: DeviceModel, spec: ViewSpec): string => {
  if (typeof spec === 'string') return `${TITLES[spec]}: ${model.product.name}`
  const fn = model.product.clinicalFunctions.find((f) => f.id === spec.useCase)
  return `Security use case view: ${fn?.name ?? spec.useCase} (${model.product.name})`
}

/** The views FDA asks for that this model can show: three system views and one per function. */
export const availableViews = (model: DeviceModel): AvailableView[] => {
  const functions = model.product.clinicalFunctions.map((fn) => fn.id).sort()
  const specs: ViewSpec[] = [
    'global',
    'multi-patient',
    'update',
    ...functions.map((useCase) => ({ useCase })),
  ]
  return specs.map((spec) => ({
    id: viewId(spec),
    kind: kindOf(spec),
    spec,
    title: titleOf(model, spec),
  }))
}

/** What a view shows before the parts are looked up: which flows and which extra elements. */
interface Selection {
  readonly flows: readonly ViewFlow[]
  readonly elements: readonly string[]
  readonly highlights: ViewHighlights
  readonly describe: (input: DescriptionInput) => string
}

const endsOf = (flows: readonly ViewFlow[]): string[] =>
  flows.flatMap((f) => [f.from, f.to, ...f.intermediaries])

/** Payloads through which one compromised server changes what many devices do. */
const SPREADING: readonly PayloadKind[] = ['commands', 'configuration', 'software']

const selectGlobal = (parts: ViewParts): Selection => ({
  flows: parts.flows,
  elements: [...parts.elements.keys()],
  highlights: { meaning: '', badge: '', elements: [], flows: [] },
  describe: describeGlobal,
})

/**
 * Elements that reach many patients' devices, every flow into or out of them (how they are
 * attacked, what they reach, where they report) and, followed transitively through device
 * elements, the flows that carry commands, configuration or software onwards to the devices.
 */
const selectMultiPatient = (parts: ViewParts, context: ThreatContext): Selection => {
  const hubs = [...parts.elements.keys()].filter((id) => context.servesManyPatients(id))
  const hubSet = new Set(hubs)
  const reached = new Set(hubs)
  const fleet = new Set<ViewFlow>()
  for (let grew = true; grew;) {
    grew = false
    for (const flow of parts.flows) {
      const spreads = flow.payload.some((p) => SPREADING.includes(p))
      if (fleet.has(flow) || !spreads || !reached.has(flow.from) || !context.isDevice(flow.to)) {
        continue
      }
      fleet.add(flow)
      reached.add(flow.to)
      grew = true
    }
  }
  const flows = parts.flows.filter((f) => fleet.has(f) || hubSet.has(f.from) || hubSet.has(f.to))
  const fleetFlows = flows.filter((f) => fleet.has(f))
  return {
    flows,
    elements: hubs,
    highlights: {
      meaning:
        'Reaches many patients at once; thick lines carry commands, configuration or software from it towards the devices',
      badge: 'reaches many patients',
      elements: hubs,
      flows: fleetFlows.map((f) => f.id),
    },
    describe: (input) => describeMultiPatient(input, hubs, fleetFlows),
  }
}

/** Hardware of the medical device: the manufacturer designs it wherever it is operated. */
const DEVICE_HARDWARE: ReadonlySet<string> = new Set(['device', 'device-component', 'accessory'])

/**
 * Every flow that carries software and the elements on it. Hops the manufacturer does not
 * control are highlighted: where software enters or passes through (not where it ends), in the
 * hands of the hospital, the patient or a third party, and not device hardware. FDA asks how
 * updates stay protected across them.
 */
const selectUpdate = (parts: ViewParts): Selection => {
  const flows = parts.flows.filter((f) => f.payload.includes('software'))
  const relays = new Set(flows.flatMap((f) => [f.from, ...f.intermediaries]))
  const hops = [...new Set(endsOf(flows))]
    .filter((id) => {
      const element = parts.elements.get(id)
      return (
        relays.has(id) &&
        element !== undefined &&
        element.owner !== 'manufacturer' &&
        !DEVICE_HARDWARE.has(element.kind)
      )
    })
    .sort()
  return {
    flows,
    elements: [],
    highlights: {
      meaning: 'On the update path but not operated by the manufacturer',
      badge: 'not operated by the manufacturer',
      elements: hops,
      flows: [],
    },
    describe: (input) => describeUpdate(input, hops),
  }
}

const selectUseCase = (
  model: DeviceModel,
  parts: ViewParts,
  useCase: string,
): Result<Selection, ViewError> => {
  const fn = model.product.clinicalFunctions.find((f) => f.id === useCase)
  if (fn === undefined) {
    const ids = model.product.clinicalFunctions.map((f) => f.id).sort()
    const near = closestMatch(useCase, ids)
    return err({
      code: 'unknown-use-case',
      message: `'${useCase}' is not a clinical function of the model${near === undefined ? '' : `; did you mean '${near}'?`} Use cases: ${ids.join(', ')}`,
    })
  }
  const performers = new Set(fn.elements ?? [])
  const flows = parts.flows.filter(
    (f) =>
      performers.has(f.from) ||
      performers.has(f.to) ||
      f.intermediaries.some((id) => performers.has(id)),
  )
  return ok({
    flows,
    elements: [...performers],
    highlights: {
      meaning: `Performs ${fn.name}`,
      badge: 'performs the function',
      elements: [...performers].filter((id) => parts.elements.has(id)).sort(),
      flows: [],
    },
    describe: (input) => describeUseCase(input, fn),
  })
}

/** Views do not depend on the day: support dates play no part in what a diagram shows. */
const ANY_DAY = '2000-01-01'

/**
 * What one FDA security architecture view shows, with the text that explains it. An unknown use
 * case is an error value naming the use cases the model has.
 */
export const selectView = (
  model: DeviceModel,
  spec: ViewSpec,
): Result<ArchitectureView, ViewError> => {
  const context = createThreatContext(model, ANY_DAY)
  const parts = viewParts(model, context)
  let selection: Selection
  if (typeof spec === 'string') {
    selection =
      spec === 'global'
        ? selectGlobal(parts)
        : spec === 'multi-patient'
          ? selectMultiPatient(parts, context)
          : selectUpdate(parts)
  } else {
    const chosen = selectUseCase(model, parts, spec.useCase)
    if (!chosen.ok) return chosen
    selection = chosen.value
  }
  const shown = new Set([...selection.elements, ...endsOf(selection.flows)])
  const elements = [...parts.elements.values()].filter((e) => shown.has(e.id))
  const boundaries = shownBoundaries(model, parts, shown, context)
  const controls = shownControls(model, elements, selection.flows, boundaries)
  const name = (id: string): string => parts.elements.get(id)?.name ?? id
  const description = selection.describe({
    model,
    elements,
    flows: selection.flows,
    controls,
    boundaryCount: boundaryIds(boundaries).length,
    name,
  })
  return ok({
    id: viewId(spec),
    kind: kindOf(spec),
    title: titleOf(model, spec),
    description,
    elements,
    flows: selection.flows,
    boundaries,
    controls,
    highlights: selection.highlights,
  })
}
