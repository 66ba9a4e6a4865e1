import { homedir } from 'node:os'

import {
  buildAdvisoryIndex,
  compileAffected,
  csafTargetMatcher,
  findAdvisoryMatches,
  scanTargetsOfModel,
  toFindings,
  type Advisory,
  type AdvisorySource,
  type Finding,
  type ScanTarget,
} from '../../core/index.js'
import { openAdvisoryStore, resolveDataDir } from '../../feeds/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { loadValidModel } from '../load-valid-model.js'

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

/** `medcyber scan <model>`: the known vulnerabilities of a device's components, triaged. */
export const scanCommand = async (
  io: CliIo,
  argument: string,
  options: ScanOptions,
): Promise<ExitCode> => {
  const loaded = await loadValidModel(io, argument)
  if (loaded === undefined) return EXIT_CODES.invalidInput
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
    return EXIT_CODES.invalidInput
  }
  const advisories: Advisory[] = []
  for await (const advisory of allAdvisories(store.advisories)) advisories.push(advisory)
  const index = buildAdvisoryIndex(advisories, (affected) => compileAffected(affected).isAffected)
  const targets = scanTargetsOfModel(loaded.model).filter(
    (target) => options.release === undefined || target.releases.includes(options.release),
  )
  const kev = await store.kev()
  const epss = await store.epss()
  const findings = toFindings(
    findAdvisoryMatches(index, targets, { csafMatcher: csafTargetMatcher() }),
    {
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
    },
    loaded.model.findingAssessments,
    options.release === undefined ? {} : { release: options.release },
  )
  io.stdout(
    options.json
      ? `${JSON.stringify({ store: { generation: store.generation, advisories: index.size }, findings: findings.map(findingJson) }, null, 2)}\n`
      : findingsText(findings, targets, index.size),
  )
  return gateFails(findings, options.failOn, io) ? EXIT_CODES.findings : EXIT_CODES.ok
}

const findingJson = (finding: Finding) => ({
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
})

const OPEN: ReadonlySet<string> = new Set(['affected', 'under_investigation', 'untriaged'])

const findingsText = (
  findings: readonly Finding[],
  targets: readonly ScanTarget[],
  advisories: number,
): string => {
  const lines = findings.map((finding) => {
    const severity =
      finding.severity === undefined
        ? 'no score'
        : `${String(finding.severity.score)} ${finding.severity.rating}`
    const flags = [
      finding.kev === undefined ? '' : 'KEV',
      finding.epss === undefined ? '' : `EPSS ${finding.epss.epss.toFixed(3)}`,
    ].filter((flag) => flag !== '')
    return (
      `${finding.status.padEnd(19)} ${finding.id}  ${severity}${flags.length > 0 ? `  [${flags.join(', ')}]` : ''}\n` +
      `    ${finding.target.name} ${finding.target.version ?? ''} (${finding.confidence}: ${finding.evidence.map((item) => item.via).join(', ')})` +
      (finding.aliases.length > 0 ? `; also ${finding.aliases.join(', ')}` : '')
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
