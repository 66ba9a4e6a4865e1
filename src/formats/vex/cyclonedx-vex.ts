import {
  isCycloneDxJustification,
  statusOfCycloneDxState,
  CYCLONEDX_STATES,
  type CycloneDxState,
} from '../../core/vex/index.js'
import type { Component, DocumentPath, FindingAssessment } from '../../core/index.js'
import { formatPath, VEX_RESPONSES } from '../../core/index.js'
import {
  asObject,
  asObjects,
  asString,
  matchComponents,
  notAnObject,
  objectEntries,
  vexIssue,
  type Json,
  type SuggestedAssessment,
  type SupplierProduct,
  type VexIssue,
} from './suggestion.js'

type Response = NonNullable<FindingAssessment['response']>[number]

/**
 * Every component of the BOM by bom-ref, nested ones and `metadata.component` included, read
 * depth-first (`metadata.component` first, then `components` in order) so a later duplicate
 * bom-ref wins. An explicit stack, not recursion: how deep a supplier nests components is theirs
 * to choose, the call stack's size is not.
 */
const componentsByRef = (bom: Json): Map<string, SupplierProduct> => {
  const refs = new Map<string, SupplierProduct>()
  const stack: Json[] = []
  // Last to first, so each list pops in file order; push(...list) would overflow on a huge list.
  const pushAll = (list: readonly Json[]): void => {
    for (let index = list.length - 1; index >= 0; index -= 1) stack.push(list[index] as Json)
  }
  pushAll(asObjects(bom['components']))
  const top = asObject(asObject(bom['metadata'])?.['component'])
  if (top !== undefined) stack.push(top)
  for (let component = stack.pop(); component !== undefined; component = stack.pop()) {
    const ref = asString(component['bom-ref'])
    if (ref !== undefined) {
      refs.set(ref, {
        ref,
        ...optionalText('name', component['name']),
        ...optionalText('version', component['version']),
        ...optionalText('purl', component['purl']),
        ...optionalText('cpe', component['cpe']),
      })
    }
    pushAll(asObjects(component['components']))
  }
  return refs
}

const optionalText = (key: string, value: unknown): Record<string, string> => {
  const text = asString(value)
  return text === undefined ? {} : { [key]: text }
}

/** A BOM-Link (`urn:cdx:<serial>/<version>#<bom-ref>`) names a bom-ref in another BOM. */
const localRef = (ref: string): string => {
  const hash = ref.indexOf('#')
  return ref.startsWith('urn:cdx:') && hash >= 0 ? decodeURIComponent(ref.slice(hash + 1)) : ref
}

const isState = (value: unknown): value is CycloneDxState =>
  typeof value === 'string' && (CYCLONEDX_STATES as readonly string[]).includes(value)

interface Analysis {
  readonly status: FindingAssessment['status']
  readonly justification?: NonNullable<FindingAssessment['justification']>
  readonly response?: Response[]
  readonly detail?: string
}

/** Why a vulnerability gives no assessment: no id, no state, or a state CycloneDX does not have. */
const whyNoAnalysis = (id: string | undefined, vulnerability: Json): string => {
  if (id === undefined) return 'has no id'
  const state = asObject(vulnerability['analysis'])?.['state']
  return state === undefined
    ? 'has no analysis state'
    : `has analysis state ${JSON.stringify(state)}, which is not one of ${CYCLONEDX_STATES.join(', ')}`
}

const analysisOf = (analysis: Json): Analysis | undefined => {
  const state = analysis['state']
  if (!isState(state)) return undefined
  const justification = asString(analysis['justification'])
  const responses = (Array.isArray(analysis['response']) ? analysis['response'] : []).filter(
    (item): item is Response => (VEX_RESPONSES as readonly unknown[]).includes(item),
  )
  const detail = asString(analysis['detail'])
  const status = statusOfCycloneDxState(state)
  const falsePositive =
    state === 'false_positive' ? 'The supplier reports a false positive.' : undefined
  const text = [falsePositive, detail].filter((part) => part !== undefined).join(' ')
  return {
    status,
    ...(status === 'not_affected' &&
    justification !== undefined &&
    isCycloneDxJustification(justification)
      ? { justification }
      : {}),
    ...(responses.length === 0 ? {} : { response: [...new Set(responses)] }),
    ...(text === '' ? {} : { detail: text }),
  }
}

/** A version entry of `affects[].versions` overrides the analysis for the versions it covers. */
const versionStatus = (analysis: Analysis, status: unknown): Analysis => {
  if (status === 'unaffected' && analysis.status !== 'not_affected') {
    return {
      status: 'not_affected',
      detail: analysis.detail ?? 'The supplier lists this version as unaffected.',
    }
  }
  if (status === 'unknown')
    return {
      status: 'under_investigation',
      ...(analysis.detail === undefined ? {} : { detail: analysis.detail }),
    }
  if (status === 'affected' && analysis.status === 'not_affected')
    return {
      status: 'affected',
      ...(analysis.detail === undefined ? {} : { detail: analysis.detail }),
    }
  return analysis
}

interface Target {
  readonly product: SupplierProduct
  readonly status?: unknown
}

/** The products one `affects` entry names: the component, narrowed per listed version or range. */
const targetsOf = (affect: Json, refs: ReadonlyMap<string, SupplierProduct>): Target[] => {
  const raw = asString(affect['ref']) ?? ''
  const base = refs.get(localRef(raw)) ?? { ref: localRef(raw) }
  const versions = asObjects(affect['versions'])
  if (versions.length === 0) return [{ product: base }]
  return versions.map((entry) => {
    const { version: _version, ...rest } = base
    const version = asString(entry['version'])
    const range = asString(entry['range'])
    return {
      product: {
        ...rest,
        ...(version === undefined ? {} : { version }),
        ...(range === undefined ? {} : { range }),
      },
      status: entry['status'] ?? 'affected',
    }
  })
}

/** Suggestions from a CycloneDX 1.4-1.7 JSON BOM's `vulnerabilities[].analysis`. */
export const cycloneDxSuggestions = (
  bom: Json,
  file: string,
  components: readonly Component[],
): { suggestions: SuggestedAssessment[]; issues: VexIssue[] } => {
  const refs = componentsByRef(bom)
  const suggestions: SuggestedAssessment[] = []
  const issues: VexIssue[] = []
  /** What one target of an `affects` entry suggests, or an issue when it matches nothing. */
  const suggest = (id: string, analysis: Analysis, target: Target, affectAt: DocumentPath) => {
    const matched = matchComponents(target.product, components)
    const found = target.status === undefined ? analysis : versionStatus(analysis, target.status)
    for (const component of matched) {
      suggestions.push({
        finding: `${id}@${component.id}`,
        ...found,
        'x-source': `${file}#${formatPath(affectAt)}`,
      })
    }
    if (matched.length === 0 && target.status === undefined) {
      issues.push(
        vexIssue(
          file,
          [...affectAt, 'ref'],
          'vex/unknown-product',
          `${id}: '${target.product.name ?? target.product.ref ?? '?'}${target.product.version === undefined ? '' : ` ${target.product.version}`}' matches no component of the model`,
        ),
      )
    }
  }
  const vulnerabilities = objectEntries(bom['vulnerabilities'], ['vulnerabilities'], (at) =>
    issues.push(notAnObject(file, at, 'a vulnerability')),
  )
  for (const [vulnerability, at] of vulnerabilities) {
    const id = asString(vulnerability['id'])
    const analysis = analysisOf(asObject(vulnerability['analysis']) ?? {})
    if (id === undefined || analysis === undefined) {
      issues.push(
        vexIssue(
          file,
          id === undefined ? [...at, 'id'] : [...at, 'analysis', 'state'],
          'vex/no-analysis',
          `${id ?? 'a vulnerability'} ${whyNoAnalysis(id, vulnerability)}; nothing to import`,
        ),
      )
      continue
    }
    const affects = objectEntries(vulnerability['affects'], [...at, 'affects'], (affectAt) =>
      issues.push(notAnObject(file, affectAt, `${id}: an affects entry`)),
    )
    for (const [affect, affectAt] of affects) {
      for (const target of targetsOf(affect, refs)) suggest(id, analysis, target, affectAt)
    }
  }
  return { suggestions, issues }
}
