import { homedir } from 'node:os'
import path from 'node:path'

import {
  prioritizeFindings,
  scanTargetsOfSbom,
  type AdvisoryIndex,
  type DeviceModel,
  type Finding,
  type PrioritizedFinding,
  type ScanTarget,
} from '../../core/index.js'
import { resolveDataDir } from '../../feeds/index.js'
import { createSbomSchemas, readSbomFile } from '../../formats/sbom/index.js'
import {
  findingsFor,
  loadAdvisoriesAt,
  openAdvisoryIndexAt,
  scanTargetsOfRelease,
  type LoadedAdvisories,
  type OpenedAdvisories,
} from '../../services/advisory-scan.js'
import type { CliIo } from '../cli-io.js'
import type { ScanGate } from '../command-choices.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { formatIssue } from '../format-issues.js'
import { loadValidModel } from '../load-valid-model.js'
import { ROOT_FILE_NAMES } from '../resolve-model-entry.js'
import { SBOM_SCHEMA_DIRECTORY } from './sbom.js'

export interface ScanOptions {
  readonly json: boolean
  readonly dataDir?: string
  readonly release?: string
  readonly failOn?: ScanGate
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly homeDir?: string
}

type StoreOptions = Pick<ScanOptions, 'dataDir' | 'env' | 'homeDir'>

/** The store of `--data-dir` (or the default), and the message for one never synced. */
const advisoryStore = async <T>(
  io: CliIo,
  options: StoreOptions,
  open: (dataDir: string) => Promise<T | undefined>,
): Promise<T | undefined> => {
  const dataDir = resolveDataDir(
    options.dataDir,
    options.env ?? process.env,
    options.homeDir ?? homedir(),
  )
  const opened = await open(dataDir)
  if (opened === undefined) {
    io.stderr(
      `medcyber: the advisory store ${dataDir} is empty; run 'medcyber feeds sync' (or --mirror DIR) first\n`,
    )
  }
  return opened
}

/** Every advisory of the store read into memory: for commands that look advisories up by id. */
export const loadAdvisories = (
  io: CliIo,
  options: StoreOptions,
): Promise<LoadedAdvisories | undefined> => advisoryStore(io, options, loadAdvisoriesAt)

/** The store's matching index, undefined (said on stderr) when the store is empty. */
export const openAdvisoryIndex = (
  io: CliIo,
  options: StoreOptions,
): Promise<OpenedAdvisories | undefined> => advisoryStore(io, options, openAdvisoryIndexAt)

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
  return { model: loaded.model, targets: scanTargetsOfRelease(loaded.model, release) }
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
      findingsFor(loaded, subject.targets, subject.model, options.release),
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
