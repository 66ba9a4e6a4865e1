import { describe, expect, it } from 'vitest'

import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import { parseDeviceModel } from '../model/index.js'
import { minimalModel } from '../../../test/support/minimal-model.js'
import { generateThreats } from './generate-threats.js'
import { BUILT_IN_RULES } from './registry.js'

/** A model whose generated threat has a people's decision attached. */
const decided = (m: MinimalModel): void => {
  m.dataFlows[0]!.authentication = { type: 'none' }
  m.threatAssessments.push({
    threat: 'unauthenticated-therapy-command@bolus-command',
    status: 'accepted',
    rationale: 'Accepted until release 2.0 adds signed commands',
    controls: ['signed-commands'],
  })
}

const decisionsOf = (model: ReturnType<typeof validModel>) =>
  generateThreats(model, BUILT_IN_RULES, { date: '2026-11-28' })
    .filter((t) => t.rule !== undefined)
    .map((t) => ({ id: t.id, status: t.status, controls: t.controls, rationale: t.rationale }))

describe("people's decisions on generated threats", () => {
  const baseline = decisionsOf(validModel(decided))

  it('attach to the generated threat by its stable id', () => {
    expect(baseline).toContainEqual({
      id: 'unauthenticated-therapy-command@bolus-command',
      status: 'accepted',
      controls: ['signed-commands'],
      rationale: 'Accepted until release 2.0 adds signed commands',
    })
  })

  it.each<[string, (m: MinimalModel) => void]>([
    [
      "renaming the flow's label",
      (m) => {
        m.dataFlows[0]!.name = 'Remote bolus request'
      },
    ],
    [
      'reordering lists',
      (m) => {
        m.elements.reverse()
        m.interfaces.reverse()
        m.threatAssessments.reverse()
      },
    ],
    [
      'adding unrelated elements',
      (m) => {
        m.elements.push({ id: 'printer', name: 'Ward printer', kind: 'hdo-system', owner: 'hdo' })
        m.dataFlows.push({
          ...m.dataFlows[0]!,
          id: 'print-job',
          name: 'Print',
          from: 'phone',
          to: 'printer',
          interfaces: [],
          payload: ['data'],
          assets: [],
        })
      },
    ],
  ])('survive %s', (_name, change) => {
    const after = decisionsOf(
      validModel((m) => {
        decided(m)
        change(m)
      }),
    )
    expect(after.filter((d) => baseline.some((b) => b.id === d.id))).toEqual(baseline)
  })

  it('survive moving sections into another file', () => {
    const draft = minimalModel()
    decided(draft)
    const { threatAssessments, controls, ...root } = draft
    const outcome = parseDeviceModel([
      { source: 'decisions.yaml', content: { medcyber: 'v1', threatAssessments, controls } },
      { source: 'root.yaml', content: root },
    ])
    expect(outcome.model).toBeDefined()
    expect(decisionsOf(outcome.model!)).toEqual(baseline)
  })
})
