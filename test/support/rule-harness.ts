import { parseDeviceModel, type DeviceModel } from '../../src/core/index.js'
import { createThreatContext, type ThreatRule } from '../../src/core/threats/index.js'
import { minimalModel } from './minimal-model.js'

export type MinimalModel = ReturnType<typeof minimalModel>

/**
 * The minimal model with one change, checked to be a valid model: a rule test must never pass
 * because its model was malformed.
 */
export const validModel = (
  change: (model: MinimalModel) => void = () => undefined,
): DeviceModel => {
  const draft = minimalModel()
  change(draft)
  const outcome = parseDeviceModel([{ source: 'test', content: draft }])
  if (outcome.model === undefined) {
    throw new Error(`test model is invalid: ${JSON.stringify(outcome.issues, null, 1)}`)
  }
  return outcome.model
}

/** The subjects a rule finds in the minimal model after a change. */
export const subjectsFound = (
  rule: ThreatRule,
  change: (model: MinimalModel) => void = () => undefined,
  date = '2026-11-28',
): string[] => rule.evaluate(createThreatContext(validModel(change), date)).map((f) => f.subject)
