import type { Advisory } from '../../api/types.js'

type Affected = Advisory['affected'][number]

export interface AffectedComponent {
  readonly component: string
  readonly findingId: string
  readonly vexStatus: string
}

export interface AffectedRelease {
  readonly release: string
  readonly components: readonly AffectedComponent[]
}

export interface AffectedProduct {
  readonly productId: string
  readonly productName: string
  readonly releases: readonly AffectedRelease[]
}

/** Where an advisory hits: per product (by name), per release, the components and their VEX status. */
export const groupAffected = (affected: readonly Affected[]): readonly AffectedProduct[] => {
  const products = new Map<string, { name: string; releases: Map<string, AffectedComponent[]> }>()
  for (const hit of affected) {
    const product = products.get(hit.productId) ?? {
      name: hit.productName,
      releases: new Map<string, AffectedComponent[]>(),
    }
    products.set(hit.productId, product)
    const components = product.releases.get(hit.release) ?? []
    product.releases.set(hit.release, components)
    components.push({
      component: hit.component,
      findingId: hit.findingId,
      vexStatus: hit.vexStatus,
    })
  }
  return [...products.entries()]
    .map(([productId, { name, releases }]) => ({
      productId,
      productName: name,
      releases: [...releases.entries()]
        .map(([release, components]) => ({
          release,
          components: [...components].sort((a, b) => a.component.localeCompare(b.component)),
        }))
        .sort((a, b) => a.release.localeCompare(b.release, undefined, { numeric: true })),
    }))
    .sort(
      (a, b) =>
        a.productName.localeCompare(b.productName) || a.productId.localeCompare(b.productId),
    )
}

/** One line for the list: each product with the releases it is found in. */
export const affectedSummary = (affected: readonly Affected[]): string =>
  groupAffected(affected)
    .map(
      (product) => `${product.productName} (${product.releases.map((r) => r.release).join(', ')})`,
    )
    .join('; ')

/**
 * The advisories come most recently first seen first, so the new ones lead: this many of the
 * loaded items are new, and whether a further page could still hold new ones.
 */
export const leadingNew = (
  items: readonly Advisory[],
  total: number,
): { readonly count: number; readonly more: boolean } => {
  const firstOld = items.findIndex((item) => !item.isNew)
  const count = firstOld < 0 ? items.length : firstOld
  return { count, more: firstOld < 0 && items.length < total }
}

/** EPSS is a probability of exploitation in the next 30 days; people read it as a percentage. */
export const epssPercent = (epss: number | null): string =>
  epss === null ? '—' : `${(epss * 100).toFixed(epss < 0.001 ? 2 : 1)}%`

/** The CVSS base score and the severity word the advisory gives, as one short text. */
export const severityText = (advisory: Pick<Advisory, 'severity' | 'cvssScore'>): string => {
  const score = advisory.cvssScore === null ? undefined : advisory.cvssScore.toFixed(1)
  const word = advisory.severity ?? undefined
  if (score !== undefined && word !== undefined) return `${score} ${word}`
  return score ?? word ?? '—'
}

/** A severity word's badge tone: critical and high stand out, the rest stay calm. */
export const severityTone = (
  severity: string | null,
  cvssScore: number | null,
): 'bad' | 'warn' | 'neutral' => {
  const word = severity?.toLowerCase()
  if (word === 'critical' || word === 'high' || (cvssScore ?? 0) >= 7) return 'bad'
  if (word === 'medium' || word === 'moderate' || (cvssScore ?? 0) >= 4) return 'warn'
  return 'neutral'
}
