import type { Component, DeviceModel, Release, SupportPhase } from '../model/index.js'
import { addYears, type CalendarDate } from './calendar-date.js'

/**
 * IMDRF N70 asks manufacturers to communicate end of support at least two years ahead
 * (section 6.2, "current practice").
 */
export const END_OF_SUPPORT_NOTICE_YEARS = 2

export interface ReleaseSupportStatus {
  readonly version: string
  readonly phase: SupportPhase
  /** `declared` when the model states the phase, `milestones` when it follows from the dates. */
  readonly phaseSource: 'declared' | 'milestones'
  /** The phase the dates alone give, shown when a declared phase overrides it. */
  readonly phaseFromMilestones: SupportPhase
  readonly endOfLife?: CalendarDate
  readonly endOfSupport?: CalendarDate
  /** Last day to tell customers about end of support (IMDRF N70: at least two years before). */
  readonly endOfSupportNoticeDue?: CalendarDate
  /**
   * Components already past their supplier's end of support on the date: each one calls for
   * the N70 stage-transition risk assessment (IMDRF N70 section 3.2).
   */
  readonly unsupportedComponents: readonly UnsupportedComponent[]
}

export interface UnsupportedComponent {
  readonly id: string
  readonly endOfSupport: CalendarDate
  /** Shipped already unsupported: a design decision to justify, not a lapse to react to. */
  readonly unsupportedAtRelease: boolean
}

/** The IMDRF N70 phase the milestones put a release in on a date. */
export const phaseFromMilestones = (release: Release, date: CalendarDate): SupportPhase => {
  if (date < release.date) return 'development'
  const { endOfLife, endOfSupport } = release.milestones ?? {}
  if (endOfSupport !== undefined && date >= endOfSupport) return 'end-of-support'
  if (endOfLife !== undefined && date >= endOfLife) return 'limited-support'
  return 'support'
}

/** Support status of every release on `date`, in the order the model lists them. */
export const supportStatusOn = (model: DeviceModel, date: CalendarDate): ReleaseSupportStatus[] => {
  const components = new Map(model.components.map((component) => [component.id, component]))
  return model.releases.map((release) => {
    const computed = phaseFromMilestones(release, date)
    const { endOfLife, endOfSupport } = release.milestones ?? {}
    const inRelease: readonly Component[] =
      release.components === undefined
        ? model.components
        : release.components.flatMap((id) => components.get(id) ?? [])
    return {
      version: release.version,
      phase: release.supportPhase ?? computed,
      phaseSource: release.supportPhase === undefined ? 'milestones' : 'declared',
      phaseFromMilestones: computed,
      ...(endOfLife === undefined ? {} : { endOfLife }),
      ...(endOfSupport === undefined
        ? {}
        : {
            endOfSupport,
            endOfSupportNoticeDue: addYears(endOfSupport, -END_OF_SUPPORT_NOTICE_YEARS),
          }),
      unsupportedComponents: inRelease
        .filter((c) => c.endOfSupport !== undefined && c.endOfSupport <= date)
        .map((c) => {
          const endOfSupport = c.endOfSupport as string
          return { id: c.id, endOfSupport, unsupportedAtRelease: endOfSupport <= release.date }
        })
        .sort((a, b) => a.id.localeCompare(b.id)),
    }
  })
}
