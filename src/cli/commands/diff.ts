import {
  diffModels,
  diffThreats,
  generateThreats,
  type ModelDiff,
  type ThreatDiff,
} from '../../core/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { loadRuleSet } from '../load-rule-set.js'
import { loadValidModel } from '../load-valid-model.js'

export interface DiffOptions {
  readonly json: boolean
  readonly at?: string
  readonly rules: readonly string[]
}

/** `medcyber diff <old> <new>`: what changed, which threats open and close, and why it matters. */
export const diffCommand = async (
  io: CliIo,
  before: string,
  after: string,
  options: DiffOptions,
): Promise<ExitCode> => {
  const set = await loadRuleSet(io, options.rules)
  if (set === undefined) return EXIT_CODES.invalidInput
  const ruleIds = new Set(set.rules.map((rule) => rule.id))
  const old = await loadValidModel(io, before, ruleIds)
  const now = await loadValidModel(io, after, ruleIds)
  if (old === undefined || now === undefined) return EXIT_CODES.invalidInput
  const date = options.at ?? io.today()
  const model = diffModels(old.model, now.model)
  const threats = diffThreats(
    generateThreats(old.model, set.rules, { date }),
    generateThreats(now.model, set.rules, { date }),
  )
  io.stdout(
    options.json
      ? `${JSON.stringify(toJson(model, threats), null, 2)}\n`
      : formatDiff(model, threats),
  )
  return EXIT_CODES.ok
}

const toJson = (model: ModelDiff, threats: ThreatDiff) => ({
  ...model,
  threats: {
    opened: threats.opened.map((t) => ({ id: t.id, title: t.title, detail: t.detail })),
    closed: threats.closed.map((t) => ({ id: t.id, title: t.title, status: t.status })),
  },
})

const show = (value: unknown): string => (value === undefined ? '(none)' : JSON.stringify(value))

const formatDiff = (model: ModelDiff, threats: ThreatDiff): string => {
  const lines: string[] = []
  for (const change of model.product) {
    lines.push(`product.${change.field}: ${show(change.before)} -> ${show(change.after)}`)
  }
  for (const section of model.sections) {
    lines.push(`${section.section}:`)
    for (const id of section.added) lines.push(`  + ${id}`)
    for (const id of section.removed) lines.push(`  - ${id}`)
    for (const item of section.changed) {
      lines.push(`  ~ ${item.id}`)
      for (const change of item.changes)
        lines.push(`      ${change.field}: ${show(change.before)} -> ${show(change.after)}`)
    }
  }
  lines.push('', `Threats opened (${String(threats.opened.length)}):`)
  for (const t of threats.opened) lines.push(`  + ${t.id}: ${t.title}`)
  lines.push(`Threats closed (${String(threats.closed.length)}):`)
  for (const t of threats.closed) lines.push(`  - ${t.id}: ${t.title} (was ${t.status})`)
  lines.push(
    '',
    model.significance.length === 0
      ? 'Significance: nothing suggests a cybersecurity-significant change.'
      : 'Likely significant for cybersecurity (FDA premarket guidance on modifications):',
    ...model.significance.map((reason) => `  - ${reason}`),
  )
  return `${lines.join('\n')}\n`
}
