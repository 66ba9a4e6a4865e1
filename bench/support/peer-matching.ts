// What a caller of @renovatebot/osv-offline-db must do itself: map the purl to an OSV ecosystem
// and name, query by name, then decide versions with the ecosystem's comparator (semver for
// npm, crates.io and Go; @renovatebot/pep440 for PyPI). Done the obvious way: string compares
// per check, events walked in the order the record lists them (the generated records list them
// sorted; a careful caller would also sort them, which would cost the peer more).
import { compare as pep440Compare } from '@renovatebot/pep440'
import type { OsvOfflineDb } from '@renovatebot/osv-offline-db'
import { PackageURL } from 'packageurl-js'
import semver from 'semver'

import type { BenchComponent } from './sbom-components.js'

type Ecosystem = Parameters<OsvOfflineDb['query']>[0]
type Vulnerability = Awaited<ReturnType<OsvOfflineDb['query']>>[number]
type Affected = NonNullable<Vulnerability['affected']>[number]

const ECOSYSTEMS: Readonly<Record<string, Ecosystem>> = {
  npm: 'npm',
  pypi: 'PyPI',
  cargo: 'crates.io',
  golang: 'Go',
  maven: 'Maven',
}

const comparatorOf = (ecosystem: Ecosystem): ((a: string, b: string) => number) =>
  ecosystem === 'PyPI' ? pep440Compare : (a, b) => semver.compare(a, b)

const inRange = (
  version: string,
  events: readonly Record<string, string | undefined>[],
  compare: (a: string, b: string) => number,
): boolean => {
  let affected = false
  for (const event of events) {
    if (event['introduced'] !== undefined) {
      if (event['introduced'] === '0' || compare(version, event['introduced']) >= 0) affected = true
    } else if (event['fixed'] !== undefined) {
      if (compare(version, event['fixed']) >= 0) affected = false
    } else if (event['last_affected'] !== undefined) {
      if (compare(version, event['last_affected']) > 0) affected = false
    }
  }
  return affected
}

export const isAffected = (ecosystem: Ecosystem, affected: Affected, version: string): boolean => {
  const bare = ecosystem === 'Go' ? version.replace(/^v/, '') : version
  if (affected.versions?.includes(bare) === true) return true
  const compare = comparatorOf(ecosystem)
  return (affected.ranges ?? []).some((range) => {
    if (range.type === 'GIT') return false
    try {
      return inRange(bare, range.events as Record<string, string | undefined>[], compare)
    } catch {
      return false
    }
  })
}

const packageOf = (purl: string) => {
  try {
    const parsed = PackageURL.fromString(purl)
    const ecosystem = ECOSYSTEMS[parsed.type]
    if (ecosystem === undefined || parsed.version === undefined) return undefined
    const name =
      parsed.type === 'maven'
        ? `${parsed.namespace ?? ''}:${parsed.name}`
        : parsed.namespace === undefined
          ? parsed.name
          : `${parsed.namespace}/${parsed.name}`
    return { ecosystem, name, version: parsed.version }
  } catch {
    return undefined
  }
}

/** Every (component, advisory id) pair the peer path finds, one query per component. */
export const peerMatches = async (
  db: OsvOfflineDb,
  components: readonly BenchComponent[],
): Promise<{ pairs: string[]; checks: number }> => {
  const pairs: string[] = []
  let checks = 0
  for (const component of components) {
    const pkg = component.purl === undefined ? undefined : packageOf(component.purl)
    if (pkg === undefined) continue
    for (const vulnerability of await db.query(pkg.ecosystem, pkg.name)) {
      const entries = (vulnerability.affected ?? []).filter((a) => a.package?.name === pkg.name)
      checks += entries.length
      if (entries.some((entry) => isAffected(pkg.ecosystem, entry, pkg.version))) {
        pairs.push(`${component['bom-ref']}\u0000${vulnerability.id}`)
      }
    }
  }
  return { pairs, checks }
}
