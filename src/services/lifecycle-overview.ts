import {
  daysBetween,
  exposureByRelease,
  supportStatusOn,
  type CalendarDate,
  type Component,
  type DeviceModel,
  type InstalledBaseEntry,
  type ReleaseSupportStatus,
  type UnsupportedComponent,
} from '../core/index.js'

/** How far ahead a notice or a supplier's end of support is shown as coming up. */
const AHEAD_DAYS = 365

/** Where the IMDRF N70 end-of-support notice of a release stands on the day. */
export type NoticeState = 'not-yet' | 'due-within-a-year' | 'overdue'

/** Where a component's support by its supplier stands on the day. */
export type ComponentSupportState = 'supported' | 'ends-within-a-year' | 'ended' | 'unknown'

export interface ReleaseLifecycle {
  readonly version: string
  readonly releasedAt: CalendarDate
  readonly supportPhase: string
  readonly phaseSource: 'declared' | 'milestones'
  readonly endOfLife: CalendarDate | null
  readonly endOfSupport: CalendarDate | null
  readonly endOfSupportNoticeDue: CalendarDate | null
  /** Null for a release without an end of support: there is no notice to give. */
  readonly noticeState: NoticeState | null
  readonly unsupportedComponents: readonly UnsupportedComponent[]
}

export interface ComponentLifecycle {
  readonly id: string
  readonly name: string
  readonly version: string
  readonly supplier: string | null
  readonly kind: string
  readonly supportLevel: string
  readonly endOfSupport: CalendarDate | null
  /** Versions of the releases that ship it, in the model's order. */
  readonly releases: readonly string[]
  readonly state: ComponentSupportState
}

/** Who still runs a release on the day; null when no installed base was imported. */
export type ReleaseExposureCount = {
  readonly customers: number
  readonly sites: number
  readonly units: number
} | null

export interface LifecycleOverview {
  readonly date: CalendarDate
  readonly releases: readonly (ReleaseLifecycle & {
    readonly installedBase: ReleaseExposureCount
  })[]
  readonly components: readonly ComponentLifecycle[]
}

/** The notice is due two years before end of support (IMDRF N70); once that day passed, overdue. */
export const noticeStateOn = (
  status: Pick<ReleaseSupportStatus, 'endOfSupportNoticeDue'>,
  date: CalendarDate,
): NoticeState | null => {
  const due = status.endOfSupportNoticeDue
  if (due === undefined) return null
  if (due < date) return 'overdue'
  return daysBetween(date, due) <= AHEAD_DAYS ? 'due-within-a-year' : 'not-yet'
}

const componentStateOn = (component: Component, date: CalendarDate): ComponentSupportState => {
  const { endOfSupport } = component
  if (endOfSupport === undefined) return 'unknown'
  // The same boundary as the releases' unsupported components: support ends on that day.
  if (endOfSupport <= date) return 'ended'
  return daysBetween(date, endOfSupport) <= AHEAD_DAYS ? 'ends-within-a-year' : 'supported'
}

/** The release versions that ship each component: those listing it, or every one listing none. */
const releasesShipping = (model: DeviceModel): ReadonlyMap<string, readonly string[]> => {
  const shipping = new Map<string, string[]>()
  for (const release of model.releases) {
    const ids = release.components ?? model.components.map((component) => component.id)
    for (const id of ids) shipping.set(id, [...(shipping.get(id) ?? []), release.version])
  }
  return shipping
}

/** Each release with its support phase on the day and its dates, as `supportStatusOn` gives them. */
export const releaseLifecyclesOn = (model: DeviceModel, date: CalendarDate): ReleaseLifecycle[] => {
  const releasedOn = new Map(model.releases.map((release) => [release.version, release.date]))
  return supportStatusOn(model, date).map((status) => ({
    version: status.version,
    releasedAt: releasedOn.get(status.version) ?? '',
    supportPhase: status.phase,
    phaseSource: status.phaseSource,
    endOfLife: status.endOfLife ?? null,
    endOfSupport: status.endOfSupport ?? null,
    endOfSupportNoticeDue: status.endOfSupportNoticeDue ?? null,
    noticeState: noticeStateOn(status, date),
    unsupportedComponents: status.unsupportedComponents,
  }))
}

/**
 * The product's lifecycle on a day: each release's IMDRF N70 support phase, end-of-support
 * notice and who still runs it (from the installed base), and each component's end of support by its supplier with the releases that ship it.
 */
export const lifecycleOverview = (
  model: DeviceModel,
  date: CalendarDate,
  installedBase: readonly InstalledBaseEntry[] = [],
): LifecycleOverview => {
  const shipping = releasesShipping(model)
  const exposure = new Map(
    exposureByRelease(installedBase, date).map((item) => [item.release, item]),
  )
  return {
    date,
    // Customers still on a release nearing end of support are the ones its notices must reach.
    releases: releaseLifecyclesOn(model, date).map((release) => {
      const counted = exposure.get(release.version)
      return {
        ...release,
        installedBase:
          installedBase.length === 0
            ? null
            : {
                customers: counted?.customers ?? 0,
                sites: counted?.sites ?? 0,
                units: counted?.units ?? 0,
              },
      }
    }),
    components: model.components.map((component) => ({
      id: component.id,
      name: component.name,
      version: component.version,
      supplier: component.supplier ?? null,
      kind: component.kind,
      supportLevel: component.supportLevel,
      endOfSupport: component.endOfSupport ?? null,
      releases: shipping.get(component.id) ?? [],
      state: componentStateOn(component, date),
    })),
  }
}
