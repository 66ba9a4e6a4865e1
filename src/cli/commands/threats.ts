import { generateThreats, type Threat } from '../../core/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { loadRuleSet } from '../load-rule-set.js'
import { loadValidModel } from '../load-valid-model.js'

export interface ThreatsOptions {
  readonly json: boolean
  readonly format: 'text' | 'md'
  readonly at?: string
  readonly release?: string
  readonly rules: readonly string[]
}

/** `medcyber threats <model>`: the threat list, generated and hand-written, with decisions. */
export const threatsCommand = async (
  io: CliIo,
  argument: string,
  options: ThreatsOptions,
): Promise<ExitCode> => {
  const set = await loadRuleSet(io, options.rules)
  if (set === undefined) return EXIT_CODES.invalidInput
  const loaded = await loadValidModel(io, argument, new Set(set.rules.map((rule) => rule.id)))
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const threats = generateThreats(loaded.model, set.rules, {
    date: options.at ?? io.today(),
    ...(options.release === undefined ? {} : { release: options.release }),
  })
  if (options.json) {
    io.stdout(`${JSON.stringify({ threats: threats.map(toJson) }, null, 2)}\n`)
  } else if (options.format === 'md') {
    io.stdout(threatsMarkdown(threats))
  } else {
    io.stdout(threatsText(threats))
  }
  return EXIT_CODES.ok
}

const toJson = (threat: Threat) => ({
  id: threat.id,
  rule: threat.rule ?? null,
  title: threat.title,
  stride: threat.stride,
  element: threat.element,
  capec: threat.capec.map((id) => `CAPEC-${String(id)}`),
  cwe: threat.cwe.map((id) => `CWE-${String(id)}`),
  status: threat.status,
  controls: threat.controls,
  detail: threat.detail,
  multiPatient: threat.multiPatient,
})

const threatsText = (threats: readonly Threat[]): string => {
  const open = threats.filter((t) => t.status === 'open').length
  const lines = threats.map(
    (t) =>
      `${t.status.padEnd(14)} ${t.id}\n  ${t.title}${t.multiPatient ? ' [multi-patient]' : ''}\n  ${t.detail}` +
      (t.controls.length > 0 ? `\n  controls: ${t.controls.join(', ')}` : ''),
  )
  return `${lines.join('\n')}\n\n${String(threats.length)} threats, ${String(open)} open\n`
}

/** Escapes what would break a Markdown table cell. */
const cell = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ')

export const threatsMarkdown = (threats: readonly Threat[]): string => {
  const rows = threats.map(
    (t) =>
      `| ${cell(t.id)} | ${cell(t.title)} | ${t.stride.join(', ')} | ${cell(t.element)} | ${t.status} | ${cell(t.controls.join(', '))} |`,
  )
  return [
    '# Threats',
    '',
    '| id | threat | STRIDE | element | status | controls |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n')
}
