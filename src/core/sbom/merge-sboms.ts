import type { Issue } from '../issue.js'
import { normalizePurl } from './purl.js'
import type { SbomComponent, SbomDependency, SbomDocument, SbomHash } from './sbom-document.js'

/**
 * A component the manufacturer lists by hand because no supplier SBOM covers it: an RTOS, a BSP,
 * a commercial library without a purl.
 */
export interface ManualComponent {
  readonly name: string
  readonly version?: string
  readonly supplier?: string
  readonly type?: string
  readonly ref?: string
  readonly purl?: string
  readonly cpe?: string
  readonly hashes?: readonly SbomHash[]
  readonly licenses?: readonly string[]
  readonly supportLevel?: string
  readonly endOfSupport?: string
}

export interface MergedComponent extends SbomComponent {
  /** Where it was found: `sbom[i]` (the i-th supplier SBOM) or `manual[j]`, first one first. */
  readonly sources: readonly string[]
}

export interface MergedSbom {
  readonly components: readonly MergedComponent[]
  readonly dependencies: readonly SbomDependency[]
  /** Conflicting facts about one component (first source kept), unusable purls. */
  readonly issues: readonly Issue[]
}

/** The fields a later source may fill in when the first one left them out. */
const FILLABLE = ['version', 'group', 'supplier', 'author', 'cpe', 'swid'] as const
const COMPARED = ['supportLevel', 'endOfSupport', 'scope'] as const

/**
 * The same component in two SBOMs is one component: the same purl, or, without a purl, the same
 * supplier, name and version (case and surrounding spaces ignored).
 */
const identityOf = (component: {
  readonly purl?: string | undefined
  readonly supplier?: string | undefined
  readonly name: string
  readonly version?: string | undefined
}): string =>
  component.purl ??
  ['', component.supplier ?? '', component.name, component.version ?? '']
    .map((part) => part.trim().toLowerCase())
    .join('\u0000')

class Merger {
  readonly byIdentity = new Map<string, { component: MergedComponent; index: number }>()
  readonly merged: MergedComponent[] = []
  readonly usedRefs = new Set<string>()
  readonly dependsOn = new Map<string, Set<string>>()
  readonly issues: Issue[] = []

  /** Adds a component; gives the ref it has in the merged SBOM. */
  add(component: SbomComponent, source: string): string {
    const identity = identityOf(component)
    const known = this.byIdentity.get(identity)
    if (known === undefined) {
      const ref = this.freeRef(component.ref)
      const added: MergedComponent = { ...component, ref, sources: [source] }
      this.byIdentity.set(identity, { component: added, index: this.merged.length })
      this.merged.push(added)
      return ref
    }
    const combined = this.combine(known.component, component, source)
    this.merged[known.index] = combined
    known.component = combined
    return combined.ref
  }

  depend(ref: string, targets: readonly string[]): void {
    let set = this.dependsOn.get(ref)
    if (set === undefined) {
      set = new Set()
      this.dependsOn.set(ref, set)
    }
    for (const target of targets) set.add(target)
  }

  private freeRef(wanted: string): string {
    let ref = wanted
    for (let n = 2; this.usedRefs.has(ref); n += 1) ref = `${wanted}#${String(n)}`
    this.usedRefs.add(ref)
    return ref
  }

  private combine(first: MergedComponent, later: SbomComponent, source: string): MergedComponent {
    const filled: Record<string, unknown> = { ...first }
    for (const field of FILLABLE) {
      if (first[field] === undefined && later[field] !== undefined) filled[field] = later[field]
    }
    for (const field of COMPARED) {
      const before = first[field]
      const after = later[field]
      if (before === undefined) {
        if (after !== undefined) filled[field] = after
      } else if (after !== undefined && after !== before) {
        this.issues.push({
          severity: 'warning',
          code: 'sbom/merge-conflict',
          message: `component '${first.name}' has ${field} '${before}' in ${first.sources[0] ?? ''} but '${after}' in ${source}; keeping '${before}'`,
          path: later.place.path,
          source,
        })
      }
    }
    return {
      ...(filled as unknown as MergedComponent),
      hashes: unionBy(first.hashes, later.hashes, (hash) => `${hash.algorithm}:${hash.value}`),
      licenses: unionBy(first.licenses, later.licenses, (license) => license),
      sources: [...first.sources, source],
    }
  }
}

const unionBy = <T>(first: readonly T[], later: readonly T[], key: (item: T) => string): T[] => {
  if (later.length === 0) return [...first]
  const seen = new Set(first.map(key))
  const result = [...first]
  for (const item of later) {
    const itemKey = key(item)
    if (!seen.has(itemKey)) {
      seen.add(itemKey)
      result.push(item)
    }
  }
  return result
}

const fromManual = (manual: ManualComponent, index: number, issues: Issue[]): SbomComponent => {
  const path = ['manual', index]
  let purl: string | undefined
  if (manual.purl !== undefined) {
    const normalized = normalizePurl(manual.purl)
    if (normalized.ok) purl = normalized.value
    else {
      issues.push({
        severity: 'warning',
        code: 'sbom/invalid-purl',
        message: `manual component '${manual.name}' has an unusable purl '${manual.purl}' (${normalized.error}); matched by supplier, name and version instead`,
        path: [...path, 'purl'],
      })
    }
  }
  const { hashes = [], licenses = [], type = 'library', ref, purl: _raw, ...rest } = manual
  return {
    ...rest,
    ref: ref ?? `manual-${String(index)}`,
    type,
    hashes,
    licenses,
    ...(purl === undefined ? {} : { purl }),
    place: { path },
  }
}

/**
 * Supplier SBOMs and the manufacturer's hand-listed components as one component list: each
 * component once (by purl, else supplier + name + version), gaps filled from later sources,
 * conflicting support facts reported, refs kept unique, dependency edges carried over to the
 * merged refs. Each SBOM's subject is a component of the whole. Linear in the number of
 * components and edges: every lookup is a Map.
 */
export const mergeSboms = (
  supplierDocs: readonly SbomDocument[],
  manualComponents: readonly ManualComponent[],
): MergedSbom => {
  const merger = new Merger()
  supplierDocs.forEach((document, docIndex) => {
    const source = `sbom[${String(docIndex)}]`
    const refs = new Map<string, string>()
    const all =
      document.subject === undefined
        ? document.components
        : [document.subject, ...document.components]
    for (const component of all) {
      // Parents come before their children, so the parent's merged ref is known here.
      const parent = component.parent === undefined ? undefined : refs.get(component.parent)
      const placed = parent === undefined ? component : { ...component, parent }
      refs.set(component.ref, merger.add(placed, source))
    }
    for (const dependency of document.dependencies) {
      const from = refs.get(dependency.ref)
      if (from === undefined) continue
      merger.depend(
        from,
        dependency.dependsOn.flatMap((target) => {
          const to = refs.get(target)
          return to === undefined ? [] : [to]
        }),
      )
    }
  })
  manualComponents.forEach((manual, index) => {
    merger.add(fromManual(manual, index, merger.issues), `manual[${String(index)}]`)
  })
  return {
    components: merger.merged,
    dependencies: [...merger.dependsOn].map(([ref, targets]) => ({ ref, dependsOn: [...targets] })),
    issues: merger.issues,
  }
}
