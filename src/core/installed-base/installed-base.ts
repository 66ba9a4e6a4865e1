import type { CalendarDate } from '../lifecycle/index.js'

/**
 * One line of a product's installed base: so many units of a release in service at a customer's
 * site since a day. A row with `retiredOn` records a release the site ran before: it keeps the
 * history the FDA deployment metric needs (who ran an affected release, and when they left it).
 */
export interface InstalledBaseEntry {
  readonly customer: string
  readonly site: string
  readonly release: string
  readonly units: number
  readonly contactName?: string
  readonly contactEmail?: string
  readonly deployedOn: CalendarDate
  /** The day the site stopped running this release; absent while it still does. */
  readonly retiredOn?: CalendarDate
}

/** Who runs a release on a day: distinct customers, distinct sites and the units they hold. */
export interface ReleaseExposure {
  readonly release: string
  readonly customers: number
  readonly sites: number
  readonly units: number
}

/** A person to send a release's lifecycle notices to, with the sites they answer for. */
export interface NoticeRecipient {
  readonly customer: string
  readonly contactName: string | null
  readonly contactEmail: string | null
  readonly sites: readonly string[]
  readonly units: number
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** A site is one place of one customer: two customers may both have a site called "Main". */
export const siteKey = (entry: Pick<InstalledBaseEntry, 'customer' | 'site'>): string =>
  JSON.stringify([entry.customer, entry.site])

/** In service on the day: deployed on or before it and not yet retired. */
export const inServiceOn = (entry: InstalledBaseEntry, date: CalendarDate): boolean =>
  entry.deployedOn <= date && (entry.retiredOn === undefined || entry.retiredOn > date)

/**
 * Exposure per release on the day, for every release someone runs, in `releases` order when
 * given (releases nobody runs then appear with zeros), else by version text.
 */
export const exposureByRelease = (
  entries: readonly InstalledBaseEntry[],
  date: CalendarDate,
  releases?: readonly string[],
): ReleaseExposure[] => {
  const running = entries.filter((entry) => inServiceOn(entry, date))
  const versions = releases ?? [...new Set(running.map((entry) => entry.release))].sort(compareText)
  return versions.map((release) => {
    const rows = running.filter((entry) => entry.release === release)
    return {
      release,
      customers: new Set(rows.map((entry) => entry.customer)).size,
      sites: new Set(rows.map(siteKey)).size,
      units: rows.reduce((sum, entry) => sum + entry.units, 0),
    }
  })
}

/**
 * Who must receive a release's notices on the day: one recipient per customer and contact still
 * running it, with the sites they answer for. A site without a contact still appears (with null
 * contact), so the notice shows that someone must be found to tell.
 */
export const noticeRecipients = (
  entries: readonly InstalledBaseEntry[],
  release: string,
  date: CalendarDate,
): NoticeRecipient[] => {
  const byContact = new Map<string, { recipient: NoticeRecipient; sites: Set<string> }>()
  for (const entry of entries) {
    if (entry.release !== release || !inServiceOn(entry, date)) continue
    const contactName = entry.contactName ?? null
    const contactEmail = entry.contactEmail ?? null
    const key = JSON.stringify([entry.customer, contactName, contactEmail?.toLowerCase() ?? null])
    const known = byContact.get(key)
    const sites = known?.sites ?? new Set<string>()
    sites.add(entry.site)
    byContact.set(key, {
      sites,
      recipient: {
        customer: entry.customer,
        contactName,
        contactEmail,
        sites: [],
        units: (known?.recipient.units ?? 0) + entry.units,
      },
    })
  }
  return [...byContact.values()]
    .map(({ recipient, sites }) => ({ ...recipient, sites: [...sites].sort(compareText) }))
    .sort(
      (a, b) =>
        compareText(a.customer, b.customer) ||
        compareText(a.contactEmail ?? '', b.contactEmail ?? '') ||
        compareText(a.contactName ?? '', b.contactName ?? ''),
    )
}
