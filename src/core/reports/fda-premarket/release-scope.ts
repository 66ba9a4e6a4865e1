import type { Component, Release } from '../../model/index.js'
import type { ReportContext } from '../report-context.js'

/** The documented release record, if the model has one. */
export const documentedRelease = (ctx: ReportContext): Release | undefined =>
  ctx.model.releases.find((release) => release.version === ctx.release)

/** Items scoped to releases apply to the documented one; unscoped items apply to every release. */
export const inScope = (ctx: ReportContext, releases: readonly string[] | undefined): boolean =>
  ctx.release === undefined || releases === undefined || releases.includes(ctx.release)

/**
 * The components the documented release ships: its `components` list, or every component when
 * the release names none. Sorted by id.
 */
export const releaseComponents = (ctx: ReportContext): Component[] => {
  const listed = documentedRelease(ctx)?.components
  const wanted = listed === undefined ? undefined : new Set(listed)
  return ctx.model.components
    .filter((component) => wanted === undefined || wanted.has(component.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Stable text order for ids. */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
