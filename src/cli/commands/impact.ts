import path from 'node:path'

import {
  affectedInstances,
  buildPortfolioIndex,
  csafTargetMatcher,
  formatPath,
  scanTargetsOfModel,
  toFindings,
  type Advisory,
  type AdvisoryMatch,
  type DeviceModel,
  type Enrichment,
  type FindingAssessment,
  type Issue,
  type MatchConfidence,
  type MatchEvidence,
  type TriageStatus,
} from '../../core/index.js'
import {
  csafDocumentToAdvisory,
  decodeText,
  loadDeviceModel,
  nvdRecordsToAdvisories,
  osvRecordToAdvisory,
} from '../../formats/index.js'
import { compileAffectedPredicate } from '../../services/advisory-scan.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { resolveModelEntry } from '../resolve-model-entry.js'
import { loadAdvisories, type ScanOptions } from './scan.js'

export interface ImpactOptions extends Pick<ScanOptions, 'dataDir' | 'env' | 'homeDir'> {
  readonly json: boolean
  /** Folders holding model folders (or being one); default `examples`. */
  readonly portfolio?: readonly string[]
}

/** An advisory file is one record; NVD's Log4Shell record is about 1 MB. */
const MAX_ADVISORY_BYTES = 50_000_000

const OPEN: ReadonlySet<TriageStatus> = new Set(['affected', 'under_investigation', 'untriaged'])

const NO_ENRICHMENT: Enrichment = { kev: () => undefined, epss: () => undefined }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const issueText = (file: string, issue: Issue): string =>
  `${file}: error: ${issue.message} [${issue.code}]${issue.path.length > 0 ? `\n    at ${formatPath(issue.path)}` : ''}`

/** NVD (API response, item or CVE object), CSAF (has `document`) or else an OSV record. */
const advisoriesOfJson = (
  json: unknown,
  file: string,
): { advisories: readonly Advisory[]; issues: readonly Issue[] } => {
  if (!isRecord(json)) return { advisories: [], issues: osvIssues(json, file) }
  // A CSAF document has `vulnerabilities` too, so `document` is looked at first.
  const csaf = 'document' in json
  if (!csaf && ('vulnerabilities' in json || 'cve' in json || 'sourceIdentifier' in json)) {
    return nvdRecordsToAdvisories(json, file)
  }
  const single = csaf ? csafDocumentToAdvisory(json, file) : osvRecordToAdvisory(json, file)
  return single.ok
    ? { advisories: [single.value], issues: [] }
    : { advisories: [], issues: single.error }
}

const osvIssues = (json: unknown, file: string): readonly Issue[] => {
  const result = osvRecordToAdvisory(json, file)
  return result.ok ? [] : result.error
}

const readAdvisoryFile = async (
  io: CliIo,
  file: string,
): Promise<readonly Advisory[] | undefined> => {
  const bytes = await io.reader.read(file, MAX_ADVISORY_BYTES)
  const text = bytes.ok ? decodeText(bytes.value) : undefined
  if (text === undefined || !text.ok) {
    io.stderr(
      `medcyber: cannot read ${file}: ${bytes.ok ? 'not UTF-8 text' : bytes.error.message}\n`,
    )
    return undefined
  }
  let json: unknown
  try {
    json = JSON.parse(text.value)
  } catch (error) {
    io.stderr(
      `medcyber: ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return undefined
  }
  const reading = advisoriesOfJson(json, file)
  for (const issue of reading.issues) io.stderr(`${issueText(file, issue)}\n`)
  if (reading.advisories.length === 0) {
    io.stderr(`medcyber: ${file} holds no OSV, NVD or CSAF advisory medcyber can read\n`)
    return undefined
  }
  return reading.advisories
}

/** The advisory named by id or alias in the store: every source's record of it. */
const advisoriesById = async (
  io: CliIo,
  id: string,
  options: ImpactOptions,
): Promise<readonly Advisory[] | undefined> => {
  const loaded = await loadAdvisories(io, options)
  if (loaded === undefined) return undefined
  const names = (advisory: Advisory): string[] =>
    [advisory.id, ...advisory.aliases].map((name) => name.toUpperCase())
  const direct = loaded.advisories.filter((advisory) => names(advisory).includes(id.toUpperCase()))
  // One step through aliases: a GHSA id also finds the NVD record of its CVE.
  const wanted = new Set(direct.flatMap(names))
  const found = loaded.advisories.filter((advisory) =>
    names(advisory).some((name) => wanted.has(name)),
  )
  if (found.length === 0) {
    io.stderr(`medcyber: no advisory ${id} (by id or alias) in the advisory store\n`)
    return undefined
  }
  return found
}

interface PortfolioModel {
  readonly folder: string
  readonly model: DeviceModel
}

/** Every valid model in or under the portfolio folders; invalid ones are named and skipped. */
const loadPortfolio = async (io: CliIo, folders: readonly string[]): Promise<PortfolioModel[]> => {
  const models: PortfolioModel[] = []
  for (const folder of folders) {
    const own = await resolveModelEntry(io.files, folder)
    const candidates = 'file' in own ? [folder] : await io.files.subfolders(folder)
    for (const candidate of candidates) {
      const entry = await resolveModelEntry(io.files, candidate)
      if (!('file' in entry)) continue
      const loaded = await loadDeviceModel(entry.file, io.reader)
      if (loaded.model === undefined) {
        io.stderr(
          `medcyber: ${candidate} is not a valid model (medcyber validate ${candidate}); skipped\n`,
        )
      } else models.push({ folder: candidate, model: loaded.model })
    }
  }
  return models
}

interface ReleaseImpact {
  readonly release: string | null
  readonly status: TriageStatus
  readonly assessedAs: string | null
  /** The assessment with a risk evaluation linked to this finding, in any release. */
  readonly linkedRisk: string | null
  /** A linked risk exists and the finding is open here: its conclusion must be reviewed again. */
  readonly reopens: boolean
}

interface ComponentImpact {
  readonly component: string
  readonly name: string
  readonly version: string | null
  readonly purl: string | null
  readonly cpe: string | null
  readonly finding: string
  /** How sure the match is: `exact` (purl), `high` (CPE), down to `medium` for a CSAF name. */
  readonly confidence: MatchConfidence
  readonly evidence: readonly MatchEvidence[]
  readonly releases: readonly ReleaseImpact[]
}

interface ProductImpact {
  readonly product: string
  readonly name: string
  readonly folder: string
  readonly releases: readonly string[]
  readonly components: readonly ComponentImpact[]
}

const linkedRiskOf = (
  assessments: readonly FindingAssessment[],
  ids: readonly string[],
  component: string,
  preferred: FindingAssessment | undefined,
): FindingAssessment | undefined => {
  if (preferred?.risk !== undefined) return preferred
  const wanted = new Set(ids.map((id) => `${id}@${component}`))
  return assessments.find((item) => wanted.has(item.finding) && item.risk !== undefined)
}

/** One entry per finding of each component: a CSAF document can name several CVEs of one. */
const componentImpacts = (
  model: DeviceModel,
  matches: readonly AdvisoryMatch[],
): ComponentImpact[] => {
  const byComponent = new Map<string, AdvisoryMatch[]>()
  for (const match of matches) {
    byComponent.set(match.target.id, [...(byComponent.get(match.target.id) ?? []), match])
  }
  return [...byComponent.values()].flatMap((componentMatches) => {
    const releases = componentMatches[0]?.target.releases ?? []
    const perRelease = (releases.length === 0 ? [undefined] : releases).map((release) => ({
      release,
      findings: toFindings(
        componentMatches,
        NO_ENRICHMENT,
        model.findingAssessments,
        release === undefined ? {} : { release },
      ),
    }))
    return (perRelease[0]?.findings ?? []).map((first): ComponentImpact => {
      const ids = [first.vulnerability, ...first.aliases]
      return {
        component: first.target.id,
        name: first.target.name,
        version: first.target.version ?? null,
        purl: first.target.purl ?? null,
        cpe: first.target.cpe ?? null,
        finding: first.id,
        confidence: first.confidence,
        evidence: first.evidence,
        releases: perRelease.flatMap(({ release, findings }) => {
          const finding = findings.find((item) => item.id === first.id)
          if (finding === undefined) return []
          const linked = linkedRiskOf(
            model.findingAssessments,
            ids,
            first.target.id,
            finding.assessment,
          )
          return [
            {
              release: release ?? null,
              status: finding.status,
              assessedAs: finding.assessedAs ?? null,
              linkedRisk: linked?.finding ?? null,
              reopens: linked !== undefined && OPEN.has(finding.status),
            },
          ]
        }),
      }
    })
  })
}

/** Which products, releases and components the advisories (one vulnerability) touch. */
export const portfolioImpact = (
  models: readonly PortfolioModel[],
  advisories: readonly Advisory[],
): ProductImpact[] => {
  const portfolio = buildPortfolioIndex(
    models.map(({ folder, model }) => ({ product: folder, targets: scanTargetsOfModel(model) })),
  )
  // The matcher `scan` uses: CISA's advisories name products only by vendor, name and version.
  const csafMatcher = csafTargetMatcher()
  const matches = advisories.flatMap((advisory) =>
    affectedInstances(portfolio, advisory, compileAffectedPredicate, { csafMatcher }),
  )
  return models.flatMap(({ folder, model }) => {
    const components = componentImpacts(
      model,
      matches.filter((match) => match.product === folder),
    ).sort((a, b) => a.component.localeCompare(b.component) || a.finding.localeCompare(b.finding))
    if (components.length === 0) return []
    const releases = [
      ...new Set(components.flatMap((item) => item.releases.flatMap((r) => r.release ?? []))),
    ].sort()
    return [{ product: model.product.id, name: model.product.name, folder, releases, components }]
  })
}

const impactText = (id: string, products: readonly ProductImpact[], scanned: number): string => {
  const lines = products.flatMap((product) => [
    `${product.product} (${product.name}, ${product.folder}): releases ${product.releases.join(', ') || '(none listed)'}`,
    ...product.components.flatMap((component) => [
      `  ${component.component}: ${component.name} ${component.version ?? ''}: ${component.finding} (${component.confidence} confidence)`,
      ...component.evidence.map((item) => `    ${item.via} (${item.confidence}): ${item.detail}`),
      ...component.releases.map(
        (release) =>
          `    release ${release.release ?? '-'}: ${release.status}` +
          (release.linkedRisk === null
            ? ''
            : `; linked risk ${release.linkedRisk}${release.reopens ? ' RE-OPENS' : ' stays closed'}`),
      ),
    ]),
  ])
  const summary = `${id} touches ${String(products.length)} of ${String(scanned)} products`
  return `${[...lines, ...(lines.length > 0 ? [''] : []), summary].join('\n')}\n`
}

/**
 * `medcyber impact <advisory-id-or-file>`: the products, releases and components of a portfolio
 * that one advisory touches, their triage and the linked risks it re-opens.
 */
export const impactCommand = async (
  io: CliIo,
  argument: string,
  options: ImpactOptions,
): Promise<ExitCode> => {
  const isFile = (await io.files.kindOf(argument)) === 'file'
  const advisories = isFile
    ? await readAdvisoryFile(io, argument)
    : await advisoriesById(io, argument, options)
  if (advisories === undefined) return EXIT_CODES.invalidInput
  const models = await loadPortfolio(io, options.portfolio ?? ['examples'])
  const products = portfolioImpact(models, advisories)
  const id = advisories[0]?.id ?? path.basename(argument)
  io.stdout(
    options.json
      ? `${JSON.stringify({ advisories: advisories.map((advisory) => advisory.id), scanned: models.length, products }, null, 2)}\n`
      : impactText(id, products, models.length),
  )
  return EXIT_CODES.ok
}
