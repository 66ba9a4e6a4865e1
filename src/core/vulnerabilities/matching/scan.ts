import type { Advisory, AffectedPackage } from '../advisory.js'
import {
  buildCpeCriteriaIndex,
  componentCpe,
  matchCpeIndex,
  type ComponentCpe,
  type CpeCriteriaIndex,
  type CriterionMatch,
} from '../cpe/index.js'
import { compileAffected } from '../versions/index.js'
import {
  indexPackageEntries,
  type AffectedPredicate,
  type PackageAdvisories,
  type PackageEntry,
} from './package-advisories.js'
import { keyFilter } from './key-filter.js'
import { osvPackageKey, packageKeyString, purlIdentity } from './package-key.js'
import type { ScanTarget } from './scan-target.js'

export const MATCH_CONFIDENCES = ['exact', 'high', 'medium', 'low'] as const
export type MatchConfidence = (typeof MATCH_CONFIDENCES)[number]

/** Why an advisory names a component. */
export interface MatchEvidence {
  readonly advisory: string
  readonly via: 'purl' | 'cpe' | 'csaf'
  readonly confidence: MatchConfidence
  readonly detail: string
}

/** An advisory that applies to a component, before aliases are merged. */
export interface AdvisoryMatch {
  readonly advisory: Advisory
  readonly target: ScanTarget
  readonly evidence: MatchEvidence
  /**
   * For a CSAF match, the vulnerabilities of the document (CVE ids, else the document's own ids
   * for them) that the matched products are affected by: a CSAF document covers several, and
   * each joins the finding of that vulnerability from the other sources.
   */
  readonly vulnerabilities?: readonly string[]
}

export type { AffectedPredicate }

/** Compiles an OSV `affected` entry into a predicate of one's own (tests, other orders). */
export type CompileAffected = (affected: AffectedPackage) => AffectedPredicate

/** Matches a component against CSAF products that carry no identifiers. */
export type CsafTargetMatcher = (
  advisory: Advisory,
  target: ScanTarget,
) =>
  | {
      readonly confidence: MatchConfidence
      readonly detail: string
      /** The vulnerabilities the matched products are affected by (`AdvisoryMatch`). */
      readonly vulnerabilities?: readonly string[]
    }
  | undefined

/** Advisories prepared once for many scans: ranges compiled, keys and CPE criteria indexed. */
export interface AdvisoryIndex {
  /** The advisories naming one package key (`packageKeyString`), indexed by version. */
  readonly packageAdvisories: (key: string) => PackageAdvisories | undefined
  readonly cpe: CpeCriteriaIndex
  readonly csaf: readonly Advisory[]
  readonly cpeAdvisories: ReadonlyMap<string, Advisory>
  readonly size: number
}

/** The entries an advisory contributes, by package key; none for a withdrawn advisory. */
export const packageEntriesOf = (
  advisory: Advisory,
  compile?: CompileAffected,
): { readonly key: string; readonly entry: PackageEntry }[] => {
  // Withdrawn advisories stay in the store for history but match nothing.
  if (advisory.withdrawn !== undefined) return []
  const load = () => advisory
  return advisory.affected.map((affected) => ({
    key: packageKeyString(osvPackageKey(affected.ecosystem, affected.name)),
    entry: { ...entryFields(advisory.id, affected, compile), advisory: load, held: advisory },
  }))
}

/** An entry's fields other than the advisory itself (a stored index keeps exactly these). */
export const entryFields = (
  advisoryId: string,
  affected: AffectedPackage,
  compile?: CompileAffected,
): Omit<PackageEntry, 'advisory'> => {
  const release = affected.ecosystem.split(':')[1]
  const base = {
    advisoryId,
    ecosystem: affected.ecosystem,
    name: affected.name,
    ...(release === undefined || release === '' ? {} : { release }),
  }
  if (compile !== undefined) {
    return { ...base, listed: [], intervals: undefined, isAffected: compile(affected) }
  }
  const compiled = compileAffected(affected)
  return compiled.intervals === undefined
    ? { ...base, listed: [], intervals: undefined, isAffected: compiled.isAffected }
    : { ...base, listed: compiled.listed, intervals: compiled.intervals }
}

/**
 * Indexes advisories for matching. Each package key's entries are put into a version index
 * (`indexPackageEntries`) on first use, so a version finds its advisories in O(log n + k) even
 * for packages with thousands of them. `compile` replaces the ecosystems' own range evaluation
 * with a predicate per entry, asked one by one.
 */
export const buildAdvisoryIndex = (
  advisories: Iterable<Advisory>,
  compile?: CompileAffected,
): AdvisoryIndex => {
  const byPackage = new Map<string, PackageEntry[]>()
  const withCpe: Advisory[] = []
  const csaf: Advisory[] = []
  let size = 0
  for (const advisory of advisories) {
    size += 1
    for (const { key, entry } of packageEntriesOf(advisory, compile)) {
      const list = byPackage.get(key)
      if (list === undefined) byPackage.set(key, [entry])
      else list.push(entry)
    }
    if (advisory.withdrawn !== undefined) continue
    if (advisory.configurations.length > 0) withCpe.push(advisory)
    if (advisory.products.length > 0) csaf.push(advisory)
  }
  // The keys a scan has met, apart from all the others: this map stays small enough to stay in
  // the cache, which makes the lookups that hit (the ones that go on to match) cheaper.
  const indexed = new Map<string, PackageAdvisories>()
  const mayHold = keyFilter(byPackage.keys(), byPackage.size)
  return {
    packageAdvisories: (key) => {
      const found = indexed.get(key)
      if (found !== undefined) return found
      if (!mayHold(key)) return undefined
      const entries = byPackage.get(key)
      if (entries === undefined) return undefined
      const made = indexPackageEntries(entries)
      indexed.set(key, made)
      return made
    },
    cpe: buildCpeCriteriaIndex(withCpe),
    csaf,
    cpeAdvisories: new Map(withCpe.map((advisory) => [advisory.id, advisory])),
    size,
  }
}

/** What an index read lazily from storage provides; each part is asked at most once. */
export interface LazyAdvisoryParts {
  /** The entries of a package key in scan order (each is indexed once, on first lookup). */
  readonly entries: (key: string) => readonly PackageEntry[]
  /** Advisories (not withdrawn) with CPE configurations, and with CSAF products. */
  readonly withCpe: () => readonly Advisory[]
  readonly withProducts: () => readonly Advisory[]
  /** Distinct advisories, withdrawn ones included. */
  readonly size: () => number
}

const once = <T>(make: () => T): (() => T) => {
  let made: { readonly value: T } | undefined
  return () => {
    made ??= { value: make() }
    return made.value
  }
}

/**
 * An AdvisoryIndex over a stored one: a package key is read and indexed when a component asks
 * for it, the CPE and CSAF parts when a scan first needs them, so opening costs nothing.
 */
export const lazyAdvisoryIndex = (parts: LazyAdvisoryParts): AdvisoryIndex => {
  const indexed = new Map<string, PackageAdvisories | null>()
  const withCpe = once(parts.withCpe)
  const cpe = once(() => buildCpeCriteriaIndex(withCpe()))
  const cpeAdvisories = once(
    () => new Map(withCpe().map((advisory) => [advisory.id, advisory] as const)),
  )
  const csaf = once(parts.withProducts)
  const size = once(parts.size)
  return {
    packageAdvisories: (key) => {
      let found = indexed.get(key)
      if (found === undefined) {
        const entries = parts.entries(key)
        found = entries.length === 0 ? null : indexPackageEntries(entries)
        indexed.set(key, found)
      }
      return found ?? undefined
    },
    get cpe() {
      return cpe()
    },
    get cpeAdvisories() {
      return cpeAdvisories()
    },
    get csaf() {
      return csaf()
    },
    get size() {
      return size()
    },
  }
}

export const purlMatches = (index: AdvisoryIndex, target: ScanTarget): AdvisoryMatch[] => {
  const matches: AdvisoryMatch[] = []
  pushPurlMatches(index, target, matches)
  return matches
}

const pushPurlMatches = (index: AdvisoryIndex, target: ScanTarget, out: AdvisoryMatch[]) => {
  if (target.purl === undefined) return
  const identity = purlIdentity(target.purl)
  const version = identity?.version ?? target.version
  if (identity === undefined || version === undefined) return
  const found = index.packageAdvisories(identity.keyString)
  if (found === undefined) return
  for (const at of found.affectedBy(version)) {
    const entry = found.indexed[at]
    if (entry === undefined) continue
    if (
      entry.release !== undefined &&
      identity.release !== undefined &&
      entry.release !== identity.release
    ) {
      continue
    }
    out.push({
      advisory: entry.held ?? entry.advisory(),
      target,
      evidence: {
        advisory: entry.advisoryId,
        via: 'purl',
        confidence: 'exact',
        detail: `${entry.subject} ${version} is in an affected range`,
      },
    })
  }
}

/** The CPEs present on one host, and the targets on it by CPE. */
interface HostCpes {
  readonly cpes: ComponentCpe[]
  readonly byCpe: Map<string, ScanTarget[]>
}

/**
 * Per host, its CPEs and its targets: a finding goes to the targets of the host where the
 * configuration holds, not to a target with the same CPE on another host.
 */
const cpeHosts = (targets: readonly ScanTarget[]) => {
  const groups = new Map<string, HostCpes>()
  for (const target of targets) {
    if (target.cpe === undefined) continue
    const parsed = componentCpe(target.cpe)
    if (!parsed.ok) continue
    for (const host of target.hosts.length === 0 ? [`component:${target.id}`] : target.hosts) {
      let group = groups.get(host)
      if (group === undefined) {
        group = { cpes: [], byCpe: new Map() }
        groups.set(host, group)
      }
      group.cpes.push(parsed.value)
      const same = group.byCpe.get(target.cpe)
      if (same === undefined) group.byCpe.set(target.cpe, [target])
      else same.push(target)
    }
  }
  return groups
}

/**
 * CPE matches, host by host: the CPEs of every component on one host are evaluated together,
 * so an NVD configuration "application X running on platform Y" holds where both are present;
 * the finding goes to the component whose CPE satisfied a vulnerable criterion.
 */
export const cpeMatches = (
  index: AdvisoryIndex,
  targets: readonly ScanTarget[],
): AdvisoryMatch[] => {
  // Parsing every component CPE is wasted when no advisory names one (OSV-only stores).
  if (index.cpeAdvisories.size === 0) return []
  const seen = new Set<string>()
  const matches: AdvisoryMatch[] = []
  for (const { cpes, byCpe } of cpeHosts(targets).values()) {
    for (const result of matchCpeIndex(index.cpe, cpes)) {
      const advisory = index.cpeAdvisories.get(result.advisoryId)
      if (advisory === undefined) continue
      for (const configuration of result.matches) {
        const platforms = configuration.platform.map((platform) => platform.cpe)
        for (const criterion of configuration.vulnerable) {
          for (const target of byCpe.get(criterion.cpe) ?? []) {
            const key = `${advisory.id}\u0000${target.id}`
            if (seen.has(key)) continue
            seen.add(key)
            matches.push(cpeMatch(advisory, target, criterion, platforms))
          }
        }
      }
    }
  }
  return matches
}

const cpeMatch = (
  advisory: Advisory,
  target: ScanTarget,
  criterion: CriterionMatch,
  platforms: readonly string[],
): AdvisoryMatch => ({
  advisory,
  target,
  evidence: {
    advisory: advisory.id,
    via: 'cpe',
    confidence: 'high',
    detail:
      `${criterion.cpe} matches ${criterion.criterion.criteria}` +
      (platforms.length > 0 ? ` running on ${platforms.join(', ')}` : ''),
  },
})

export const csafMatches = (
  index: AdvisoryIndex,
  targets: readonly ScanTarget[],
  matcher: CsafTargetMatcher | undefined,
): AdvisoryMatch[] => {
  if (matcher === undefined) return []
  return index.csaf.flatMap((advisory) =>
    targets.flatMap((target) => {
      const found = matcher(advisory, target)
      if (found === undefined) return []
      const { vulnerabilities, confidence, detail } = found
      return [
        {
          advisory,
          target,
          evidence: { advisory: advisory.id, via: 'csaf' as const, confidence, detail },
          ...(vulnerabilities === undefined ? {} : { vulnerabilities }),
        },
      ]
    }),
  )
}

/** Every advisory that applies to the targets, by purl, by CPE and by CSAF product. */
export const findAdvisoryMatches = (
  index: AdvisoryIndex,
  targets: readonly ScanTarget[],
  options: { readonly csafMatcher?: CsafTargetMatcher } = {},
): AdvisoryMatch[] => {
  const matches: AdvisoryMatch[] = []
  for (const target of targets) pushPurlMatches(index, target, matches)
  for (const match of cpeMatches(index, targets)) matches.push(match)
  for (const match of csafMatches(index, targets, options.csafMatcher)) matches.push(match)
  return matches
}
