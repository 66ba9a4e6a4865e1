import { computeFacts, type ModelFacts } from '../../services/device-facts.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { loadValidModel } from '../load-valid-model.js'

export interface InfoOptions {
  readonly json: boolean
  readonly at?: string
}

export { computeFacts, type ModelFacts }

/** `medcyber info <model> [--at date] [--json]`. */
export const infoCommand = async (
  io: CliIo,
  argument: string,
  options: InfoOptions,
): Promise<ExitCode> => {
  const loaded = await loadValidModel(io, argument)
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const facts = computeFacts(loaded.model, options.at ?? io.today())
  io.stdout(options.json ? `${JSON.stringify(facts, null, 2)}\n` : formatFacts(facts))
  return EXIT_CODES.ok
}

const yesNo = (met: boolean): string => (met ? 'yes' : 'no')

/** Evidence lists can run to dozens of lines; people need the first few, JSON has them all. */
const SHOWN = 6
const bullets = (items: readonly string[], prefix = ''): string[] => [
  ...items.slice(0, SHOWN).map((line) => `    - ${prefix}${line}`),
  ...(items.length > SHOWN
    ? [`    - ... and ${String(items.length - SHOWN)} more (--json lists all)`]
    : []),
]

export const formatFacts = (facts: ModelFacts): string => {
  const { cyberDevice: cyber } = facts
  const lines = [
    `${facts.product.name} (${facts.product.id}) on ${facts.date}`,
    '',
    `Cyber device (FD&C Act 524B): ${yesNo(cyber.isCyberDevice)}`,
    `  sponsor software: ${yesNo(cyber.sponsorSoftware.met)}`,
    ...bullets(cyber.sponsorSoftware.evidence),
    `  able to connect to the internet: ${yesNo(cyber.canConnectToInternet.met)}`,
    ...bullets(cyber.canConnectToInternet.evidence),
    ...bullets(cyber.canConnectToInternet.excluded, 'not counted: '),
    `  characteristics that could be vulnerable: ${yesNo(cyber.vulnerableCharacteristics.met)}`,
    ...bullets(cyber.vulnerableCharacteristics.evidence),
    '',
    'Documents expected:',
  ]
  let jurisdiction = ''
  for (const document of facts.documents) {
    if (document.jurisdiction !== jurisdiction) {
      jurisdiction = document.jurisdiction
      lines.push(`  ${jurisdiction}:`)
    }
    lines.push(`    - [${document.obligation}] ${document.title} (${document.basis})`)
  }
  lines.push('', 'Releases (IMDRF N70 support phase):')
  for (const release of facts.releases) {
    const declared =
      release.phaseSource === 'declared' && release.phase !== release.phaseFromMilestones
        ? ` (declared; the milestones give ${release.phaseFromMilestones})`
        : ''
    lines.push(`  ${release.version}: ${release.phase}${declared}`)
    if (release.endOfLife !== undefined) lines.push(`    end of life: ${release.endOfLife}`)
    if (release.endOfSupport !== undefined) {
      lines.push(
        `    end of support: ${release.endOfSupport} (notify customers by ${String(release.endOfSupportNoticeDue)})`,
      )
    }
    for (const component of release.unsupportedComponents) {
      lines.push(
        component.unsupportedAtRelease
          ? `    component past end of support: ${component.id} (${component.endOfSupport}), already when released; justify it in the risk file`
          : `    component past end of support: ${component.id} (${component.endOfSupport}); N70 stage-transition assessment due`,
      )
    }
  }
  return `${lines.join('\n')}\n`
}
