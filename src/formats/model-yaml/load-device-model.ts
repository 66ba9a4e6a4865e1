import path from 'node:path'

import {
  checkPolicyLevels,
  checkSbomLinks,
  DEFAULT_RISK_POLICY,
  formatPath,
  parseDeviceModel,
  type DeviceModel,
  type Issue,
  type ModelFragment,
  type RiskPolicy,
  type SbomIdentities,
} from '../../core/index.js'
import { readCycloneDxIdentities } from '../cyclonedx/read-cyclonedx-identities.js'
import { containedPath } from '../files/contained-path.js'
import { decodeText } from '../files/decode-text.js'
import type { FileReader } from '../files/file-reader.js'
import { compareLocatedIssues, type LocatedIssue, type Place } from '../located-issue.js'
import { loadRiskPolicy } from '../risk-policy-yaml/load-risk-policy.js'
import { parseYamlText, type ParsedYaml } from './parse-yaml-text.js'
import { placeOf } from './place-of.js'

/** Limits for untrusted model folders; generous for real models, small for attacks. */
export interface ModelLoadLimits {
  readonly maxFileBytes: number
  readonly maxFiles: number
  readonly maxSbomBytes: number
}

export const DEFAULT_MODEL_LOAD_LIMITS: ModelLoadLimits = {
  maxFileBytes: 8 * 1024 * 1024,
  maxFiles: 500,
  maxSbomBytes: 64 * 1024 * 1024,
}

export interface LoadedModel {
  /** Present when the model has no errors. */
  readonly model?: DeviceModel
  readonly issues: readonly LocatedIssue[]
  /** Every model file read, root first, in include order. */
  readonly files: readonly string[]
  /** Places an issue about the merged model (found after loading) at its file, line and column. */
  readonly locate?: (issue: Issue) => LocatedIssue
  /** The risk policy file the model names, resolved inside the model folder. */
  readonly riskPolicyFile?: string
  /** The policy read from that file (checked against the model's severity scale). */
  readonly riskPolicy?: RiskPolicy
}

interface LoadedFile {
  readonly file: string
  readonly parsed: ParsedYaml
}

/**
 * Reads a model from its root file and every file it includes, checks it, and places every
 * issue at a file, line and column. Includes and SBOM paths must stay inside the root file's
 * folder.
 */
export const loadDeviceModel = async (
  rootFile: string,
  reader: FileReader,
  limits: ModelLoadLimits = DEFAULT_MODEL_LOAD_LIMITS,
  options: { readonly ruleIds?: ReadonlySet<string> } = {},
): Promise<LoadedModel> => {
  const root = path.dirname(rootFile)
  const issues: LocatedIssue[] = []
  const read: string[] = []
  const loaded: LoadedFile[] = []
  const byFile = new Map<string, ParsedYaml>()

  const readModelFile = async (file: string, from?: Place): Promise<ParsedYaml | undefined> => {
    const bytes = await reader.read(file, limits.maxFileBytes)
    if (!bytes.ok) {
      issues.push(fileIssue(from, file, `model/${bytes.error.code}`, bytes.error.message))
      return undefined
    }
    const text = decodeText(bytes.value)
    if (!text.ok) {
      issues.push(fileIssue(from, file, 'model/not-text', `${file}: ${text.error}`))
      return undefined
    }
    const parsed = parseYamlText(text.value, file)
    issues.push(...parsed.issues)
    return parsed
  }

  // Depth-first in include order, so merged lists keep the order people wrote them in.
  const visit = async (file: string, stack: readonly string[], from?: Place): Promise<void> => {
    if (read.length >= limits.maxFiles) {
      issues.push(
        fileIssue(
          from,
          file,
          'model/too-many-files',
          `a model may have at most ${String(limits.maxFiles)} files`,
        ),
      )
      return
    }
    const parsed = await readModelFile(file, from)
    if (parsed !== undefined) read.push(file)
    if (parsed?.content === undefined) return
    loaded.push({ file, parsed })
    byFile.set(file, parsed)
    const includes = includesOf(parsed.content)
    for (const [i, relative] of includes.entries()) {
      const at = placeOf(file, parsed, ['include', i])
      const target = containedPath(root, file, relative)
      if (target === undefined) {
        issues.push({
          ...at,
          severity: 'error',
          code: 'model/include-outside-model',
          message: `include '${relative}' leaves the model folder ${root}; includes must be relative paths inside it`,
        })
      } else if (stack.includes(target)) {
        issues.push({
          ...at,
          severity: 'error',
          code: 'model/include-cycle',
          message: `include '${relative}' makes a cycle: ${[...stack, target].join(' -> ')}`,
        })
      } else if (byFile.has(target)) {
        issues.push({
          ...at,
          severity: 'error',
          code: 'model/include-repeated',
          message: `'${relative}' is included more than once; include each file once`,
        })
      } else {
        await visit(target, [...stack, target], at)
      }
    }
  }
  await visit(rootFile, [rootFile])
  const files = read
  if (issues.some((issue) => issue.severity === 'error')) return finish(undefined, issues, files)

  const fragments: ModelFragment[] = loaded.map(({ file, parsed }) => ({
    source: file,
    content: parsed.content,
  }))
  const place = (issue: Issue): LocatedIssue => locateIssue(issue, byFile, rootFile)
  const outcome = parseDeviceModel(fragments, options)
  issues.push(...outcome.issues.map(place))
  if (outcome.model === undefined || outcome.place === undefined) {
    return finish(undefined, issues, files)
  }

  const identities = new Map<string, SbomIdentities>()
  for (const [i, sbom] of outcome.model.sboms.entries()) {
    const declared = outcome.place({
      severity: 'error',
      code: '',
      message: '',
      path: ['sboms', i, 'path'],
    })
    const at = place(declared)
    const declaringFile = declared.source ?? rootFile
    const target = containedPath(root, declaringFile, sbom.path)
    if (target === undefined) {
      issues.push({
        ...at,
        severity: 'error',
        code: 'model/sbom-outside-model',
        message: `SBOM path '${sbom.path}' leaves the model folder ${root}`,
      })
      continue
    }
    const bytes = await reader.read(target, limits.maxSbomBytes)
    if (!bytes.ok) {
      issues.push({
        ...at,
        severity: 'error',
        code: `model/sbom-${bytes.error.code}`,
        message: bytes.error.message,
      })
      continue
    }
    if (sbom.format !== 'cyclonedx-json') continue
    const read = readCycloneDxIdentities(bytes.value)
    if (read.ok) {
      identities.set(sbom.id, read.value)
    } else {
      issues.push({
        ...at,
        severity: 'error',
        code: 'model/sbom-unreadable',
        message: `SBOM '${sbom.id}' (${target}): ${read.error}`,
      })
    }
  }
  issues.push(
    ...checkSbomLinks(outcome.model, identities).map((issue) =>
      place(outcome.place?.(issue) ?? issue),
    ),
  )
  const mergedPlace = outcome.place
  const locate = (issue: Issue): LocatedIssue => place(mergedPlace(issue))
  const riskPolicyFile = resolveRiskPolicy(outcome.model.riskPolicy)
  const { riskPolicy, issues: policyIssues } = await readModelRiskPolicy(
    outcome.model,
    riskPolicyFile,
    reader,
    locate,
  )
  issues.push(...policyIssues)
  const failed = issues.some((issue) => issue.severity === 'error')
  if (failed) return finish(undefined, issues, files)
  return {
    ...finish(outcome.model, issues, files),
    locate,
    ...(riskPolicyFile === undefined ? {} : { riskPolicyFile }),
    ...(riskPolicy === undefined ? {} : { riskPolicy }),
  }

  function resolveRiskPolicy(relative: string | undefined): string | undefined {
    if (relative === undefined) return undefined
    const declared = mergedPlace({ severity: 'error', code: '', message: '', path: ['riskPolicy'] })
    const target = containedPath(root, declared.source ?? rootFile, relative)
    if (target === undefined) {
      issues.push({
        ...place(declared),
        severity: 'error',
        code: 'model/risk-policy-outside-model',
        message: `risk policy path '${relative}' leaves the model folder ${root}`,
      })
    }
    return target
  }
}

/**
 * The model's own risk policy, checked against its severity scale, and the exploitability levels
 * its evaluations name checked against that policy (or the example policy when it names none).
 */
const readModelRiskPolicy = async (
  model: DeviceModel,
  file: string | undefined,
  reader: FileReader,
  locate: (issue: Issue) => LocatedIssue,
): Promise<{ riskPolicy?: RiskPolicy; issues: LocatedIssue[] }> => {
  if (file === undefined) {
    return { issues: checkPolicyLevels(model, DEFAULT_RISK_POLICY).map(locate) }
  }
  const read = await loadRiskPolicy(file, reader, model.severityScale)
  if (read.policy === undefined) return { issues: read.issues }
  return {
    riskPolicy: read.policy,
    issues: [...read.issues, ...checkPolicyLevels(model, read.policy).map(locate)],
  }
}

const finish = (
  model: DeviceModel | undefined,
  issues: LocatedIssue[],
  files: readonly string[],
): LoadedModel => {
  const sorted = [...issues].sort(compareLocatedIssues)
  return model === undefined ? { issues: sorted, files } : { model, issues: sorted, files }
}

const includesOf = (content: unknown): string[] => {
  if (content === null || typeof content !== 'object') return []
  const include = (content as Record<string, unknown>)['include']
  return Array.isArray(include)
    ? include.filter((item): item is string => typeof item === 'string')
    : []
}

/** Where a file problem belongs: at the include that named the file, or on the file itself. */
const fileIssue = (
  from: Place | undefined,
  file: string,
  code: string,
  message: string,
): LocatedIssue => ({
  ...(from ?? { file, line: 0, column: 0, path: '$' }),
  severity: 'error',
  code,
  message,
})

const locateIssue = (
  issue: Issue,
  byFile: ReadonlyMap<string, ParsedYaml>,
  rootFile: string,
): LocatedIssue => {
  const at = (source: string | undefined, docPath: Issue['path']): Place => {
    const file = source ?? rootFile
    const parsed = byFile.get(file)
    return parsed === undefined
      ? { file, line: 0, column: 0, path: formatPath(docPath) }
      : placeOf(file, parsed, docPath)
  }
  const related =
    issue.related === undefined ? undefined : at(issue.related.source, issue.related.path)
  return {
    ...at(issue.source, issue.path),
    severity: issue.severity,
    code: issue.code,
    message: withWrittenValue(issue, byFile.get(issue.source ?? rootFile)),
    ...(related === undefined ? {} : { related }),
  }
}

/**
 * YAML reads `version: 1.0` as the number 1, so the schema's advice to quote the value would
 * show "1"; quote what the person wrote instead.
 */
const withWrittenValue = (issue: Issue, parsed: ParsedYaml | undefined): string => {
  if (issue.code !== 'model/wrong-type' || parsed === undefined) return issue.message
  const written = parsed.writtenScalar(issue.path)
  return written === undefined
    ? issue.message
    : issue.message.replace(/quote it: ".*"$/, `quote it: "${written}"`)
}
