import type { ThreatAssessment, ThreatScenario } from '../../core/index.js'
import { dropFields } from './drop-fields.js'
import { preferredId } from './id-allocator.js'
import { limitText, oneLine, plainText } from './plain-text.js'
import { textOf } from './source-data.js'
import { mapToStride, PLACEHOLDER_STRIDE } from './stride.js'
import { flowsCrossing } from './threat-dragon-boundaries.js'
import { keyOf, type TdCell, type TdContext, type TdDiagram } from './threat-dragon-cells.js'
import { mapThreatStatus } from './threat-status.js'

/** Threats on Threat Dragon cells: each becomes a threat and its status an assessment. */

/** Threat Dragon's prompts in a new threat, which say nothing when left in place. */
const PROMPTS = new Set([
  'Provide a description for this threat',
  'Provide remediation for this threat or a reason if status is N/A',
])

const said = (value: unknown): string | undefined => {
  const text = textOf(value)
  return text === undefined || PROMPTS.has(text) ? undefined : plainText(text)
}

const THREAT_KEPT = [
  'id',
  'threatId',
  'title',
  'type',
  'status',
  'description',
  'mitigation',
  'modelType',
  'number',
  'new',
]

export const toThreats = (
  cell: TdCell,
  diagram: TdDiagram,
  context: TdContext,
): { threats: ThreatScenario[]; assessments: ThreatAssessment[] } => {
  const target = context.cellIds.get(keyOf(cell.path))
  const targets =
    target !== undefined
      ? [target]
      : cell.kind === 'boundary-curve'
        ? flowsCrossing(cell, diagram, context)
        : []
  const threats: ThreatScenario[] = []
  const assessments: ThreatAssessment[] = []
  cell.threats.forEach((threat, i) => {
    const path = [...cell.factsPath, 'threats', i]
    const title = oneLine(textOf(threat['title']) ?? '') || 'Untitled threat'
    const id = context.ids.allocate(preferredId(undefined, title, 'threat'), `threat '${title}'`)
    if (target === undefined) {
      context.notes.review(
        `threat '${id}'`,
        targets.length === 0
          ? `its cell (${cell.kind}) was not imported, so it targets nothing`
          : `its cell is a boundary curve; it now targets the flows crossing it: ${targets.join(', ')}`,
      )
    }
    threats.push(toThreat(id, title, threat, targets, diagram, context))
    assessments.push(toAssessment(id, threat, context))
    dropFields(context.notes, path, threat, THREAT_KEPT)
  })
  return { threats, assessments }
}

const toThreat = (
  id: string,
  title: string,
  threat: Readonly<Record<string, unknown>>,
  targets: readonly string[],
  diagram: TdDiagram,
  context: TdContext,
): ThreatScenario => {
  const type = textOf(threat['type'])
  const methodology = textOf(threat['modelType']) ?? diagram.methodology
  const mapped = mapToStride(type === undefined ? [] : [type])
  if (mapped.stride.length === 0) {
    context.notes.review(
      `threat '${id}'`,
      `stride [${PLACEHOLDER_STRIDE}] is a placeholder: ${type === undefined ? 'the threat has no type' : `'${type}'${methodology === undefined ? '' : ` (${methodology})`} has no STRIDE counterpart`}`,
    )
  } else if (mapped.approximated.length > 0) {
    context.notes.review(`threat '${id}'`, `STRIDE mapped from ${mapped.approximated.join(', ')}`)
  }
  const description = said(threat['description'])
  return {
    id,
    title: limitText(title, 300),
    ...(description === undefined ? {} : { description: limitText(description, 20_000) }),
    stride: mapped.stride.length === 0 ? [PLACEHOLDER_STRIDE] : mapped.stride,
    elements: [...targets],
  }
}

const toAssessment = (
  id: string,
  threat: Readonly<Record<string, unknown>>,
  context: TdContext,
): ThreatAssessment => {
  const written = textOf(threat['status'])
  const mapped = mapThreatStatus(written)
  if (!mapped.exact) {
    context.notes.review(
      `threat assessment of '${id}'`,
      `status '${mapped.status}' for Threat Dragon status ${written === undefined ? '(none)' : `'${written}'`}`,
    )
  }
  const mitigation = said(threat['mitigation'])
  return {
    threat: id,
    status: mapped.status,
    rationale: limitText(
      mitigation ?? `Threat Dragon status '${written ?? 'none'}'; no mitigation was recorded.`,
      20_000,
    ),
  }
}
