import { homedir } from 'node:os'
import path from 'node:path'

import {
  compileAffected,
  csafTargetMatcher,
  findAdvisoryMatches,
  prioritizeFindings,
  resolveTriage,
  scanTargetsOfModel,
  scanTargetsOfSbom,
  toFindings,
  type Advisory,
  type AdvisoryIndex,
  type AdvisorySource,
  type DeviceModel,
  type Enrichment,
  type Finding,
  type FindingAssessment,
  type PrioritizedFinding,
  type ScanTarget,
} from '../../core/index.js'
import { openAdvisoryStore, resolveDataDir } from '../../feeds/index.js'
import { createSbomSchemas, readSbomFile } from '../../formats/sbom/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { formatIssue } from '../format-issues.js'
import { loadValidModel } from '../load-valid-model.js'
import { ROOT_FILE_NAMES } from '../resolve-model-entry.js'
import { SBOM_SCHEMA_DIRECTORY } from './sbom.js'

/** Gates for CI, from the narrowest; only findings not triaged away (not_affected, fixed) count. */
export const SCAN_GATES = ['kev', 'critical', 'high', 'untriaged'] as const
export type ScanGate = (typeof SCAN_GATES)[number]

export interface ScanOptions {
  readonly json: boolean
  readonly dataDir?: string
  readonly release?: string
  readonly failOn?: ScanGate
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly homeDir?: string
}

const SOURCES: readonly AdvisorySource[] = ['osv', 'nvd', 'csaf']

async function* allAdvisories(
  read: (source: AdvisorySource) => AsyncIterable<Advisory>,
): AsyncGenerator<Advisory> {
  for (const source of SOURCES) yield* read(source)
}

/** The advisory store read for matching: every advisory, and KEV and EPSS by CVE. */
export interface LoadedAdvisories {
  readonly generation: string
  readonly advisories: readonly Advisory[]
  readonly enrichment: Enrichment
}

type AdvisoryStore = Awaited<ReturnType<typeof openAdvisoryStore>>

/** Opens the store of `--data-dir` (or the default); undefined, said on stderr, when it is empty. */
const openStore = async (
  io: CliIo,
  options: Pick<ScanOptions, 'dataDir' | 'env' | 'homeDir'>,
): Promise<(AdvisoryStore & { readonly generation: string }) | undefined> => {
  const dataDir = resolveDataDir(
    options.dataDir,
    options.env ?? process.env,
    options.homeDir ?? homedir(),
  )
  const store = await openAdvisoryStore(dataDir)
  if (store.generation === undefined) {
    io.stderr(
      `medcyber: the advisory store ${dataDir} is empty; run 'medcyber feeds sync' (or --mirror DIR) first\n`,
    )
    return undefined
  }
  return { ...store, generation: store.generation }
}

/** KEV and EPSS by CVE, as matching enriches findings with them. */
const enrichmentOf = async (store: AdvisoryStore): Promise<Enrichment> => {
  const kev = await store.kev()
  const epss = await store.epss()
  return {
    kev: (cve) => {
      const entry = kev?.entries.get(cve)
      return entry === undefined
        ? undefined
        : {
            dateAdded: entry.dateAdded,
            dueDate: entry.dueDate,
            knownRansomwareCampaignUse: entry.knownRansomwareCampaignUse,
          }
    },
    epss: (cve) => epss?.scores.get(cve),
  }
}

/** Every advisory of the store read into memory: for commands that look advisories up by id. */
export const loadAdvisories = async (
  io: CliIo,
  options: Pick<ScanOptions, 'dataDir' | 'env' | 'homeDir'>,
): Promise<LoadedAdvisories | undefined> => {
  const store = await openStore(io, options)
  if (store === undefined) return undefined
  const advisories: Advisory[] = []
  for await (const advisory of allAdvisories(store.advisories)) advisories.push(advisory)
  return { generation: store.generation, advisories, enrichment: await enrichmentOf(store) }
}

/** The store's matching index, opened lazily from the files sync wrote: what a scan needs. */
export interface OpenedAdvisories {
  readonly generation: string
  readonly index: AdvisoryIndex
  readonly enrichment: Enrichment
  /** Closes the files the index reads from. */
  readonly close: () => void
}

export const openAdvisoryIndex = async (
  io: CliIo,
  options: Pick<ScanOptions, 'dataDir' | 'env' | 'homeDir'>,
): Promise<OpenedAdvisories | undefined> => {
  const store = await openStore(io, options)
  if (store === undefined) return undefined
  const { index, close } = await store.matchIndex(SOURCES)
  return { generation: store.generation, index, close, enrichment: await enrichmentOf(store) }
}

export const compileAffectedPredicate = (
  affected: Parameters<typeof compileAffected>[0],
): ((version: string) => boolean) => compileAffected(affected).isAffected

/** What is scanned: a device model's components, or the components of one SBOM file. */
interface ScanSubject {
  readonly model?: DeviceModel
  readonly targets: readonly ScanTarget[]
}

const MODEL_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml'])

/**
 * A model folder, a model root file (`medcyber.yaml` or any YAML file) or else an SBOM: a file
 * the SBOM reader does not recognise as any SBOM format is tried as a model after all.
 */
const loadSubject = async (
  io: CliIo,
  argument: string,
  release: string | undefined,
): Promise<ScanSubject | undefined> => {
  const name = path.basename(argument)
  const maybeSbom =
    (await io.files.kindOf(argument)) === 'file' &&
    !(ROOT_FILE_NAMES as readonly string[]).includes(name) &&
    !MODEL_EXTENSIONS.has(path.extname(name).toLowerCase())
  if (maybeSbom) {
    const report = await readSbomFile(
      argument,
      io.reader,
      createSbomSchemas(io.reader, SBOM_SCHEMA_DIRECTORY),
    )
    if (report.document !== undefined) return { targets: scanTargetsOfSbom(report.document) }
    if (report.format !== undefined) {
      for (const issue of report.issues) io.stderr(`${formatIssue(issue)}\n`)
      io.stderr(`medcyber: ${argument} is not a valid SBOM; nothing to scan\n`)
      return undefined
    }
  }
  const loaded = await loadValidModel(io, argument)
  if (loaded === undefined) return undefined
  return {
    model: loaded.model,
    targets: scanTargetsOfModel(loaded.model).filter(
      (target) => release === undefined || target.releases.includes(release),
    ),
  }
}

/**
 * `medcyber scan <model-or-sbom>`: the known vulnerabilities of a device's components (or of
 * one SBOM's components), triaged and prioritized by exploitation and reachability.
 */
export const scanCommand = async (
  io: CliIo,
  argument: string,
  options: ScanOptions,
): Promise<ExitCode> => {
  const subject = await loadSubject(io, argument, options.release)
  if (subject === undefined) return EXIT_CODES.invalidInput
  const loaded = await openAdvisoryIndex(io, options)
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const { index } = loaded
  try {
    const findings = prioritizeFindings(
      toFindings(
        findAdvisoryMatches(index, subject.targets, { csafMatcher: csafTargetMatcher() }),
        loaded.enrichment,
        triageFor(subject.model, options.release),
        options.release === undefined ? {} : { release: options.release },
      ),
      subject.model,
    )
    io.stdout(
      options.json
        ? `${JSON.stringify({ store: { generation: loaded.generation, advisories: index.size }, findings: findings.map(findingJson) }, null, 2)}\n`
        : findingsText(findings, subject.targets, index),
    )
    return gateFails(findings, options.failOn, io) ? EXIT_CODES.findings : EXIT_CODES.ok
  } finally {
    loaded.close()
  }
}

/**
 * The decisions that apply: for one release, its own assessments and those carried over from an
 * earlier release while the component is unchanged, so an unchanged component is not shown as
 * untriaged again in every new release.
 */
export const triageFor = (
  model: DeviceModel | undefined,
  release: string | undefined,
): readonly FindingAssessment[] => {
  if (model === undefined) return []
  if (release === undefined) return model.findingAssessments
  return resolveTriage(model, { release }).map((item) => ({
    ...item.assessment,
    releases: [item.release],
  }))
}

const findingJson = (finding: PrioritizedFinding) => ({
  id: finding.id,
  advisory: finding.vulnerability,
  aliases: finding.aliases,
  advisories: finding.advisories,
  component: finding.target.id,
  purl: finding.target.purl ?? null,
  cpe: finding.target.cpe ?? null,
  name: finding.target.name,
  version: finding.target.version ?? null,
  releases: finding.target.releases,
  severity: finding.severity ?? null,
  kev: finding.kev !== undefined,
  kevEntry: finding.kev ?? null,
  epss: finding.epss ?? null,
  status: finding.status,
  confidence: finding.confidence,
  evidence: finding.evidence,
  summary: finding.summary ?? null,
  priority: { level: finding.priority.level, reasons: finding.priority.reasons },
  reachable: finding.priority.reachable ?? null,
  deviceScore: finding.priority.deviceScore ?? null,
})

const OPEN: ReadonlySet<string> = new Set(['affected', 'under_investigation', 'untriaged'])

const findingsText = (
  findings: readonly PrioritizedFinding[],
  targets: readonly ScanTarget[],
  index: AdvisoryIndex,
): string => {
  const advisories = index.size
  const lines = findings.map((finding) => {
    const severity =
      finding.severity === undefined
        ? 'no score'
        : `${String(finding.severity.score)} ${finding.severity.rating}`
    const device =
      finding.priority.deviceScore === undefined
        ? ''
        : `, device ${String(finding.priority.deviceScore.score)}`
    const flags = [
      finding.kev === undefined ? '' : 'KEV',
      finding.epss === undefined ? '' : `EPSS ${finding.epss.epss.toFixed(3)}`,
    ].filter((flag) => flag !== '')
    return (
      `${finding.priority.level.padEnd(8)} ${finding.status.padEnd(19)} ${finding.id}  ${severity}${device}${flags.length > 0 ? `  [${flags.join(', ')}]` : ''}\n` +
      `    ${finding.target.name} ${finding.target.version ?? ''} (${finding.confidence}: ${finding.evidence.map((item) => item.via).join(', ')})` +
      (finding.aliases.length > 0 ? `; also ${finding.aliases.join(', ')}` : '') +
      `\n    why: ${finding.priority.reasons.join('; ')}`
    )
  })
  const open = findings.filter((finding) => OPEN.has(finding.status)).length
  const kev = findings.filter((finding) => finding.kev !== undefined).length
  return `${[...lines, '', `${String(findings.length)} findings in ${String(targets.length)} components against ${String(advisories)} advisories: ${String(open)} open, ${String(kev)} in CISA KEV`].join('\n')}\n`
}

const meets = (finding: Finding, gate: ScanGate): boolean => {
  if (!OPEN.has(finding.status)) return false
  switch (gate) {
    case 'kev':
      return finding.kev !== undefined
    case 'critical':
      return finding.kev !== undefined || finding.severity?.rating === 'Critical'
    case 'high':
      return (
        finding.kev !== undefined ||
        finding.severity?.rating === 'Critical' ||
        finding.severity?.rating === 'High'
      )
    case 'untriaged':
      return true
  }
}

const gateFails = (
  findings: readonly Finding[],
  gate: ScanGate | undefined,
  io: CliIo,
): boolean => {
  if (gate === undefined) return false
  const failing = findings.filter((finding) => meets(finding, gate))
  if (failing.length === 0) return false
  io.stderr(
    `medcyber: scan gate '${gate}' failed: ${String(failing.length)} open findings at or above it\n`,
  )
  return true
}
