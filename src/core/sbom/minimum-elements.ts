import type { Issue } from '../issue.js'
import { pathsOf, type ComponentElement, type DocumentElement } from './element-paths.js'
import type { SbomComponent, SbomDocument } from './sbom-document.js'

export type MinimumElement = ComponentElement | DocumentElement

/** NTIA "Minimum Elements for an SBOM" (2021), or the FDA premarket guidance's two additions. */
export type ElementSource = 'ntia' | 'fda'

export interface ElementCoverage {
  readonly element: MinimumElement
  readonly source: ElementSource
  /** How many components (or 1 for the document) carry the element. */
  readonly present: number
  readonly total: number
  /** `present / total` in percent, one decimal; 100 when there is nothing to check. */
  readonly percent: number
}

/** A missing element, placed at a JSON path and, for tag-value, a line. */
export interface MinimumElementIssue extends Issue {
  readonly line?: number
}

export interface MinimumElementsReport {
  readonly components: number
  /** Software components, the ones the elements apply to. */
  readonly checked: number
  /** Hardware and data components, listed in the SBOM but outside the software elements. */
  readonly notSoftware: number
  readonly coverage: readonly ElementCoverage[]
  readonly issues: readonly MinimumElementIssue[]
  /** Every NTIA element present for every component and for the document. */
  readonly ntiaComplete: boolean
}

/**
 * Component types that are not software: NTIA's elements describe software components and the
 * FDA asks support facts "for each software component", so these are counted but not checked.
 */
const NOT_SOFTWARE = new Set(['device', 'data', 'cryptographic-asset'])

interface ComponentRule {
  readonly element: ComponentElement
  readonly source: ElementSource
  readonly has: (component: SbomComponent, related: ReadonlySet<string>) => boolean
  readonly missing: string
}

const present = (value: string | undefined): boolean => value !== undefined && value.trim() !== ''

const COMPONENT_RULES: readonly ComponentRule[] = [
  {
    element: 'supplier',
    source: 'ntia',
    has: (c) => present(c.supplier),
    missing: 'has no supplier name',
  },
  { element: 'name', source: 'ntia', has: (c) => present(c.name), missing: 'has no name' },
  { element: 'version', source: 'ntia', has: (c) => present(c.version), missing: 'has no version' },
  {
    element: 'identifier',
    source: 'ntia',
    has: (c) => present(c.purl) || present(c.cpe) || present(c.swid),
    missing: 'has no unique identifier (purl, CPE or SWID tag id)',
  },
  {
    element: 'dependency',
    source: 'ntia',
    has: (c, related) => c.parent !== undefined || related.has(c.ref),
    missing: 'appears in no dependency relationship',
  },
  {
    element: 'supportLevel',
    source: 'fda',
    has: (c) => present(c.supportLevel),
    missing: 'has no level of support (FDA: actively maintained, no longer maintained, abandoned)',
  },
  {
    element: 'endOfSupport',
    source: 'fda',
    has: (c) => present(c.endOfSupport),
    missing: 'has no end-of-support date (FDA)',
  },
]

/** Refs that take part in a dependency relationship, as the depending or the depended-on side. */
const relatedRefs = (document: SbomDocument): Set<string> => {
  const refs = new Set<string>()
  for (const dependency of document.dependencies) {
    refs.add(dependency.ref)
    for (const target of dependency.dependsOn) refs.add(target)
  }
  return refs
}

const percentOf = (count: number, total: number): number =>
  total === 0 ? 100 : Math.round((count / total) * 1000) / 10

const describe = (component: SbomComponent): string =>
  `component '${component.name === '' ? component.ref : component.name}'` +
  (component.version === undefined ? '' : ` ${component.version}`)

/**
 * The NTIA minimum elements (supplier name, component name, version, other unique identifiers,
 * dependency relationship, author of SBOM data, timestamp) and the FDA's additions per software
 * component (level of support, end-of-support date): what is missing where, and how complete the
 * SBOM is. Missing NTIA elements are errors, missing FDA additions warnings (the guidance lets
 * them come in an addendum). One pass over the components.
 */
export const checkMinimumElements = (document: SbomDocument): MinimumElementsReport => {
  const paths = pathsOf(document)
  const related = relatedRefs(document)
  const software = document.components.filter((component) => !NOT_SOFTWARE.has(component.type))
  const issues: MinimumElementIssue[] = []
  const coverage: ElementCoverage[] = []
  const checkComponents = (rule: ComponentRule): void => {
    let count = 0
    for (const component of software) {
      if (rule.has(component, related)) {
        count += 1
        continue
      }
      const field = paths.component[rule.element]
      issues.push({
        severity: rule.source === 'ntia' ? 'error' : 'warning',
        code: `${rule.source}/${kebab(rule.element)}`,
        message: `${describe(component)} ${rule.missing}`,
        path: field === undefined ? component.place.path : [...component.place.path, field],
        ...(component.place.line === undefined ? {} : { line: component.place.line }),
      })
    }
    coverage.push({
      element: rule.element,
      source: rule.source,
      present: count,
      total: software.length,
      percent: percentOf(count, software.length),
    })
  }
  // In the order of the NTIA report, then the FDA additions.
  for (const rule of COMPONENT_RULES) if (rule.source === 'ntia') checkComponents(rule)
  for (const [element, has, message] of documentRules(document)) {
    coverage.push({
      element,
      source: 'ntia',
      present: has ? 1 : 0,
      total: 1,
      percent: has ? 100 : 0,
    })
    if (!has) {
      issues.push({
        severity: 'error',
        code: `ntia/${element}`,
        message,
        path: paths.document[element],
      })
    }
  }
  for (const rule of COMPONENT_RULES) if (rule.source === 'fda') checkComponents(rule)
  return {
    components: document.components.length,
    checked: software.length,
    notSoftware: document.components.length - software.length,
    coverage,
    issues,
    ntiaComplete: !issues.some((issue) => issue.severity === 'error'),
  }
}

const documentRules = (
  document: SbomDocument,
): readonly (readonly [DocumentElement, boolean, string])[] => [
  [
    'author',
    document.authors.length > 0,
    document.tools.length > 0
      ? `the SBOM names no author, only tools (${document.tools.join(', ')}); NTIA asks for the entity that made the SBOM data`
      : 'the SBOM names no author of the SBOM data',
  ],
  [
    'timestamp',
    present(document.created),
    'the SBOM has no timestamp (when the SBOM data was assembled)',
  ],
]

const kebab = (name: string): string => name.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`)
