import type { CalendarDate } from '../lifecycle/index.js'
import { inServiceOn, siteKey, type InstalledBaseEntry } from './installed-base.js'

/** How far a fix has reached the sites that ran an affected release, on a day. */
export type FixDeployment =
  | { readonly state: 'deployed'; readonly fullyDeployed: CalendarDate; readonly sites: number }
  | { readonly state: 'pending'; readonly sitesPending: number; readonly sites: number }
  /** No site in the installed base ran an affected release once the fix was out. */
  | { readonly state: 'no-exposed-sites' }

export interface FixReleases {
  /** Releases that carry the vulnerability. */
  readonly affected: ReadonlySet<string>
  /** Releases that carry the fix. */
  readonly fixed: ReadonlySet<string>
  readonly patchAvailable: CalendarDate
  readonly asOf: CalendarDate
}

const latest = (dates: readonly CalendarDate[]): CalendarDate | undefined =>
  [...dates].sort().at(-1)

/**
 * When a site stopped needing the fix: the day it put a fixed release in service, else the day it
 * took its last affected unit out of service (a device retired without replacement is no longer
 * exposed either); never before the fix existed. Undefined while an affected unit still runs.
 */
const siteDoneOn = (
  rows: readonly InstalledBaseEntry[],
  fix: FixReleases,
): CalendarDate | undefined => {
  const affected = rows.filter((row) => fix.affected.has(row.release))
  if (affected.some((row) => inServiceOn(row, fix.asOf))) return undefined
  const upgraded = rows
    .filter(
      (row) =>
        fix.fixed.has(row.release) &&
        row.deployedOn >= fix.patchAvailable &&
        row.deployedOn <= fix.asOf,
    )
    .map((row) => row.deployedOn)
    .sort()[0]
  const retired = latest(affected.flatMap((row) => row.retiredOn ?? []))
  const done = upgraded ?? retired ?? fix.patchAvailable
  return done < fix.patchAvailable ? fix.patchAvailable : done
}

/**
 * FDA premarket guidance (section VII.B) asks for the time "from patch availability to full
 * deployment in the field", to the extent known. Full deployment, from the installed base: every
 * site that still ran an affected release when the fix became available runs it no more; the day
 * is the last such site's (see `siteDoneOn`). Sites that left the affected release before the
 * fix existed did not need it and are not counted.
 */
export const fixDeployment = (
  entries: readonly InstalledBaseEntry[],
  fix: FixReleases,
): FixDeployment => {
  const bySite = new Map<string, InstalledBaseEntry[]>()
  for (const entry of entries) {
    if (entry.deployedOn > fix.asOf) continue
    bySite.set(siteKey(entry), [...(bySite.get(siteKey(entry)) ?? []), entry])
  }
  const exposed = [...bySite.values()].filter((rows) =>
    rows.some(
      (row) =>
        fix.affected.has(row.release) &&
        (row.retiredOn === undefined || row.retiredOn > fix.patchAvailable),
    ),
  )
  if (exposed.length === 0) return { state: 'no-exposed-sites' }
  const done = exposed.map((rows) => siteDoneOn(rows, fix))
  const pending = done.filter((date) => date === undefined).length
  if (pending > 0) return { state: 'pending', sitesPending: pending, sites: exposed.length }
  const fullyDeployed = latest(done.filter((date): date is CalendarDate => date !== undefined))
  return fullyDeployed === undefined
    ? { state: 'no-exposed-sites' }
    : { state: 'deployed', fullyDeployed, sites: exposed.length }
}
