import {
  isCycloneDxJustification,
  statusOfCycloneDxState,
  CYCLONEDX_STATES,
  type CycloneDxState,
} from '../../core/vex/index.js'
import type { Component, FindingAssessment } from '../../core/index.js'
import { VEX_RESPONSES } from '../../core/index.js'
import type { LocatedIssue } from '../located-issue.js'
import {
  asObject,
  asObjects,
  asString,
  matchComponents,
  vexIssue,
  type Json,
  type SuggestedAssessment,
  type SupplierProduct,
} from './suggestion.js'

type Response = NonNullable<FindingAssessment['response']>[number]

/** Every component of the BOM by bom-ref, nested ones and `metadata.component` included. */
const componentsByRef = (bom: Json): Map<string, SupplierProduct> => {
  const refs = new Map<string, SupplierProduct>()
  const visit = (component: Json | undefined): void => {
    if (component === undefined) return
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
    for (const child of asObjects(component['components'])) visit(child)
  }
  visit(asObject(asObject(bom['metadata'])?.['component']))
  for (const component of asObjects(bom['components'])) visit(component)
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
): { suggestions: SuggestedAssessment[]; issues: LocatedIssue[] } => {
  const refs = componentsByRef(bom)
  const suggestions: SuggestedAssessment[] = []
  const issues: LocatedIssue[] = []
  asObjects(bom['vulnerabilities']).forEach((vulnerability, index) => {
    const at = `$.vulnerabilities[${String(index)}]`
    const id = asString(vulnerability['id'])
    const analysis = analysisOf(asObject(vulnerability['analysis']) ?? {})
    if (id === undefined || analysis === undefined) {
      issues.push(
        vexIssue(
          file,
          id === undefined ? `${at}.id` : `${at}.analysis.state`,
          'vex/no-analysis',
          `${id ?? 'a vulnerability'} has ${id === undefined ? 'no id' : 'no analysis state'}; nothing to import`,
        ),
      )
      return
    }
    asObjects(vulnerability['affects']).forEach((affect, affectIndex) => {
      for (const target of targetsOf(affect, refs)) {
        const matched = matchComponents(target.product, components)
        const found =
          target.status === undefined ? analysis : versionStatus(analysis, target.status)
        for (const component of matched) {
          suggestions.push({
            finding: `${id}@${component.id}`,
            ...found,
            'x-source': `${file}#${at}.affects[${String(affectIndex)}]`,
          })
        }
        if (matched.length === 0 && target.status === undefined) {
          issues.push(
            vexIssue(
              file,
              `${at}.affects[${String(affectIndex)}].ref`,
              'vex/unknown-product',
              `${id}: '${target.product.name ?? target.product.ref ?? '?'}${target.product.version === undefined ? '' : ` ${target.product.version}`}' matches no component of the model`,
            ),
          )
        }
      }
    })
  })
  return { suggestions, issues }
}
