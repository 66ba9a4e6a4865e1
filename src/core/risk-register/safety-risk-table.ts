import type { DataTable } from '../documents/index.js'
import type { DeviceModel } from '../model/index.js'
import type { RiskPolicy } from '../risk-policy/index.js'
import type { RiskRegister } from './evaluate-risk-register.js'
import type { RiskEntry } from './risk-entry.js'

/** P1 as the policy's convention gives it for an exploitability level. */
export const safetyProbabilityOf = (policy: RiskPolicy, exploitability: string): string =>
  policy.safetyProbability.convention === 'worst-case'
    ? '1'
    : (policy.safetyProbability.levels?.[exploitability] ?? '1')

/** Says in words which probability convention the P1 column follows; printed with every export. */
export const safetyProbabilityNote = (policy: RiskPolicy): string =>
  policy.safetyProbability.convention === 'worst-case'
    ? 'P1 (probability that the hazardous situation occurs) is set to 1 for every security-caused hazardous situation: the reasonable worst case, since the likelihood of an attack cannot be estimated from history (FDA postmarket guidance, section V.B). Severity and P2 stay as in the safety risk file.'
    : `P1 (probability that the hazardous situation occurs) is taken from the exploitability level by the mapping of risk policy '${policy.id}' version ${policy.version}: ${Object.entries(
        policy.safetyProbability.levels ?? {},
      )
        .map(([level, p1]) => `${level} -> ${p1}`)
        .join(', ')}.`

const COLUMNS = [
  { key: 'securityRisk', title: 'Security risk', type: 'text', width: 30 },
  { key: 'source', title: 'Source', type: 'text', width: 9 },
  { key: 'title', title: 'Threat or vulnerability', type: 'text', width: 40 },
  { key: 'link', title: 'Link', type: 'text', width: 9 },
  { key: 'hazard', title: 'Hazard', type: 'text', width: 28 },
  { key: 'hazardousSituation', title: 'Hazardous situation', type: 'text', width: 40 },
  { key: 'sequenceOfEvents', title: 'Sequence of events', type: 'text', width: 40 },
  { key: 'harm', title: 'Harm', type: 'text', width: 30 },
  { key: 'severity', title: 'Severity', type: 'text', width: 12 },
  { key: 'exploitabilityBefore', title: 'Exploitability before controls', type: 'text' },
  { key: 'p1Before', title: 'P1 before controls', type: 'text' },
  { key: 'exploitabilityResidual', title: 'Exploitability after controls', type: 'text' },
  { key: 'severityResidual', title: 'Severity after controls', type: 'text' },
  { key: 'p1Residual', title: 'P1 after controls', type: 'text' },
  { key: 'controls', title: 'Risk controls', type: 'text', width: 36 },
  { key: 'controlStatus', title: 'Control status (FDA)', type: 'text' },
  { key: 'acceptable', title: 'Residual risk acceptable', type: 'boolean' },
  { key: 'identified', title: 'Identified', type: 'date' },
  { key: 'policy', title: 'Risk policy', type: 'text', width: 28 },
] as const

type Row = Record<(typeof COLUMNS)[number]['key'], string | boolean | null>

/**
 * The security-caused entries for the ISO 14971 safety risk file: one row per security risk,
 * hazardous situation and harm. A risk with patient harm but no hazardous situation yet gets a
 * `proposed` row, so the safety team sees it instead of the link silently missing.
 */
export const safetyRiskTable = (register: RiskRegister, model: DeviceModel): DataTable => {
  const { policy } = register
  const situations = new Map(model.hazardousSituations.map((item) => [item.id, item]))
  const hazards = new Map(model.hazards.map((item) => [item.id, item]))
  const harms = new Map(model.harms.map((item) => [item.id, item]))
  const severityName = new Map(model.severityScale.map((level) => [level.id, level.name]))
  const levelName = new Map(policy.exploitability.map((level) => [level.id, level.name]))
  const policyLabel = `${policy.id} v${policy.version}`

  const base = (entry: RiskEntry) => ({
    securityRisk: entry.id,
    source: entry.source,
    title: entry.title,
    exploitabilityBefore: levelName.get(entry.before.exploitability) ?? entry.before.exploitability,
    p1Before: safetyProbabilityOf(policy, entry.before.exploitability),
    exploitabilityResidual:
      levelName.get(entry.residual.exploitability) ?? entry.residual.exploitability,
    severityResidual: severityName.get(entry.residual.severity) ?? entry.residual.severity,
    p1Residual: safetyProbabilityOf(policy, entry.residual.exploitability),
    controls: entry.controls
      .map((control) => (control.compensating ? `${control.id} (compensating)` : control.id))
      .join(', '),
    controlStatus: entry.controlStatus,
    acceptable: entry.acceptable,
    identified: entry.identified ?? null,
    policy: policyLabel,
  })

  const rows: Row[] = register.entries.flatMap((entry): Row[] => {
    if (entry.hazardousSituations.length === 0) {
      if (!entry.patientHarm) return []
      return [
        {
          ...base(entry),
          link: 'proposed',
          hazard: null,
          hazardousSituation: `Proposed: ${entry.title} leads to a hazardous situation (to be added to the safety risk file)`,
          sequenceOfEvents: null,
          harm: null,
          severity: severityName.get(entry.before.severity) ?? entry.before.severity,
        },
      ]
    }
    return entry.hazardousSituations.flatMap((situationId) => {
      const situation = situations.get(situationId)
      const hazard = situation === undefined ? undefined : hazards.get(situation.hazard)
      return (situation?.harms ?? []).map((harmId): Row => {
        const harm = harms.get(harmId)
        return {
          ...base(entry),
          link: 'linked',
          hazard: hazard?.name ?? null,
          hazardousSituation: `${situationId}: ${situation?.description ?? ''}`,
          sequenceOfEvents: situation?.sequenceOfEvents ?? null,
          harm: harm === undefined ? harmId : `${harmId}: ${harm.description}`,
          severity: harm === undefined ? null : (severityName.get(harm.severity) ?? harm.severity),
        }
      })
    })
  })

  return {
    title: 'Security-caused safety risks',
    columns: COLUMNS,
    rows,
    notes: [
      `${model.product.name}: security risks with patient-safety impact, for the ISO 14971 safety risk file.`,
      `Risk policy: ${policy.title} (${policy.id}), version ${policy.version}.`,
      safetyProbabilityNote(policy),
      `Drawn up on ${register.today}${register.release === undefined ? '' : ` for release ${register.release}`}.`,
    ],
  }
}
