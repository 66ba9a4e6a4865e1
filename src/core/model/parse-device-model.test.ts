import { describe, expect, it } from 'vitest'

import { minimalModel } from '../../../test/support/minimal-model.js'
import type { Issue } from '../issue.js'
import { parseDeviceModel } from './parse-device-model.js'

type Model = ReturnType<typeof minimalModel>

const parse = (model: unknown, options = {}) =>
  parseDeviceModel([{ source: 'root.yaml', content: model }], options)

const errorsOf = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'error')
const warningsOf = (issues: readonly Issue[]) => issues.filter((i) => i.severity === 'warning')

const broken = (change: (model: Model) => void): Model => {
  const model = minimalModel()
  change(model)
  return model
}

describe('parseDeviceModel', () => {
  it('accepts the minimal model without errors or warnings', () => {
    const outcome = parse(minimalModel())
    expect(outcome.issues).toEqual([])
    expect(outcome.model?.product.id).toBe('pump')
    expect(outcome.model?.severityScale.map((level) => level.id)).toEqual([
      'negligible',
      'minor',
      'serious',
      'critical',
      'catastrophic',
    ])
  })

  it.each<[string, (model: Model) => void, string, readonly (string | number)[]]>([
    [
      'unknown element in a flow',
      (m) => {
        m.dataFlows[0]!.to = 'pumpp'
      },
      'model/unknown-reference',
      ['dataFlows', 0, 'to'],
    ],
    [
      'wrong kind of reference',
      (m) => {
        m.dataFlows[0]!.to = 'pump-ble'
      },
      'model/wrong-reference-kind',
      ['dataFlows', 0, 'to'],
    ],
    [
      'duplicate id across kinds',
      (m) => {
        m.interfaces[2]!.id = 'phone'
      },
      'model/duplicate-id',
      ['interfaces', 2, 'id'],
    ],
    [
      'flow to itself',
      (m) => {
        m.dataFlows[0]!.from = 'pump-device'
        m.dataFlows[0]!.interfaces = ['pump-ble']
      },
      'model/self-flow',
      ['dataFlows', 0, 'to'],
    ],
    [
      'interface of another element',
      (m) => {
        m.elements.push({
          id: 'cloud',
          name: 'Cloud',
          kind: 'cloud-service',
          owner: 'manufacturer',
        })
        m.interfaces.push({ id: 'cloud-api', element: 'cloud', type: 'network', status: 'unused' })
        m.dataFlows[0]!.interfaces = ['cloud-api']
      },
      'model/interface-not-on-flow',
      ['dataFlows', 0, 'interfaces', 0],
    ],
    [
      'control citing a missing threat',
      (m) => {
        m.controls[0]!.mitigates = ['no-such-threat']
      },
      'model/unknown-reference',
      ['controls', 0, 'mitigates', 0],
    ],
    [
      'generated threat on a missing element',
      (m) => {
        m.controls[0]!.mitigates = ['some-rule@ghost']
      },
      'model/unknown-reference',
      ['controls', 0, 'mitigates', 0],
    ],
    [
      'harm severity off the scale',
      (m) => {
        m.harms[0]!.severity = 'deadly'
      },
      'model/unknown-severity',
      ['harms', 0, 'severity'],
    ],
    [
      'verification of an unknown release',
      (m) => {
        m.verifications[0]!.results[0]!.release = '9.9'
      },
      'model/unknown-release',
      ['verifications', 0, 'results', 0, 'release'],
    ],
    [
      'end of support before end of life',
      (m) => {
        m.releases[0]!.milestones.endOfSupport = '2027-01-01'
      },
      'model/milestone-order',
      ['releases', 0, 'milestones', 'endOfSupport'],
    ],
    [
      'EU class of the wrong regulation',
      (m) => {
        Object.assign(m.product.jurisdictions, { EU: { regulation: 'MDR', class: 'C' } })
      },
      'model/invalid-value',
      ['product', 'jurisdictions', 'EU', 'class'],
    ],
    [
      'not_affected without justification',
      (m) => {
        delete (m.findingAssessments[0] as { justification?: string }).justification
      },
      'model/vex-without-justification',
      ['findingAssessments', 0],
    ],
    [
      'trust boundary nested in itself',
      (m) => {
        m.trustBoundaries.push({
          id: 'outer',
          name: 'Outer',
          kind: 'network-zone',
          elements: [],
          boundaries: ['patient-body-area'],
        } as never)
        Object.assign(m.trustBoundaries[0]!, { boundaries: ['outer'] })
      },
      'model/boundary-cycle',
      ['trustBoundaries', 0, 'boundaries'],
    ],
    [
      'threat assessed twice',
      (m) => {
        m.threatAssessments.push({ ...m.threatAssessments[0]! })
      },
      'model/duplicate-assessment',
      ['threatAssessments', 1, 'threat'],
    ],
  ])('reports %s', (_name, change, code, path) => {
    const outcome = parse(broken(change))
    expect(outcome.model).toBeUndefined()
    expect(errorsOf(outcome.issues)).toContainEqual(
      expect.objectContaining({ code, path, source: 'root.yaml' }),
    )
  })

  it('allows a flow between instances of an element that comes in numbers', () => {
    const model = broken((m) => {
      Object.assign(m.elements[0]!, { quantity: 32 })
      m.dataFlows[0]!.from = 'pump-device'
      m.dataFlows[0]!.interfaces = ['pump-ble']
    })
    expect(errorsOf(parse(model).issues)).toEqual([])
  })

  it('suggests the id that was probably meant', () => {
    const outcome = parse(
      broken((m) => {
        m.dataFlows[0]!.to = 'pump-devic'
      }),
    )
    expect(outcome.issues[0]?.message).toBe(
      "unknown element 'pump-devic'; did you mean 'pump-device'?",
    )
  })

  it('points a duplicate id at the first definition, in another file', () => {
    const root = minimalModel()
    const outcome = parseDeviceModel([
      { source: 'root.yaml', content: root },
      {
        source: 'more.yaml',
        content: {
          medcyber: 'v1',
          elements: [{ id: 'phone', name: 'Again', kind: 'server', owner: 'hdo' }],
        },
      },
    ])
    expect(errorsOf(outcome.issues)).toEqual([
      expect.objectContaining({
        code: 'model/duplicate-id',
        source: 'more.yaml',
        path: ['elements', 0, 'id'],
        related: { source: 'root.yaml', path: ['elements', 1, 'id'] },
      }),
    ])
  })

  it('joins lists from several files and places issues in the file that wrote them', () => {
    const { dataFlows, ...root } = minimalModel()
    const outcome = parseDeviceModel([
      { source: 'root.yaml', content: root },
      {
        source: 'flows.yaml',
        content: { medcyber: 'v1', dataFlows: [{ ...dataFlows[0]!, from: 'nobody' }] },
      },
    ])
    expect(errorsOf(outcome.issues)).toContainEqual(
      expect.objectContaining({
        code: 'model/unknown-reference',
        source: 'flows.yaml',
        path: ['dataFlows', 0, 'from'],
      }),
    )
  })

  it('requires one product, in one file', () => {
    const { product: _product, ...rest } = minimalModel()
    expect(parse(rest).issues).toEqual([expect.objectContaining({ code: 'model/missing-product' })])
    const twice = parseDeviceModel([
      { source: 'a.yaml', content: minimalModel() },
      { source: 'b.yaml', content: { medcyber: 'v1', product: minimalModel().product } },
    ])
    expect(twice.issues).toEqual([
      expect.objectContaining({
        code: 'model/duplicate-section',
        source: 'b.yaml',
        related: { path: ['product'], source: 'a.yaml' },
      }),
    ])
  })

  it('checks generated threat ids against the rule registry when one is given', () => {
    const outcome = parse(minimalModel(), {
      ruleIds: new Set(['unauthenticated-therapy-commands']),
    })
    expect(errorsOf(outcome.issues)).toEqual([
      expect.objectContaining({
        code: 'model/unknown-rule',
        message: expect.stringContaining(
          "did you mean 'unauthenticated-therapy-commands'",
        ) as string,
      }),
    ])
  })

  it.each<[string, (model: Model) => void, string]>([
    [
      'an active interface no flow uses',
      (m) => {
        m.interfaces[1]!.status = 'active'
        m.dataFlows[0]!.interfaces = ['pump-ble']
      },
      'model/interface-without-flow',
    ],
    [
      'a therapy function without hazard',
      (m) => {
        m.hazards[0]!.functions = []
      },
      'model/therapy-function-without-hazard',
    ],
    [
      'an element without flows',
      (m) => {
        m.elements.push({ id: 'printer', name: 'Printer', kind: 'hdo-system', owner: 'hdo' })
      },
      'model/isolated-element',
    ],
    [
      'a component with unknown support',
      (m) => {
        m.components[0]!.supportLevel = 'unknown'
      },
      'model/component-support-unknown',
    ],
    [
      'a release without SBOM',
      (m) => {
        m.releases[0]!.sboms = []
      },
      'model/release-without-sbom',
    ],
    [
      'an assessment of a vanished element',
      (m) => {
        m.threatAssessments[0]!.threat = 'some-rule@old-name'
      },
      'model/orphaned-assessment',
    ],
    [
      'a finding on an unknown component',
      (m) => {
        m.findingAssessments[0]!.finding = 'CVE-2018-16525@zephyr'
      },
      'model/orphaned-assessment',
    ],
  ])('warns about %s but keeps the model', (_name, change, code) => {
    const outcome = parse(broken(change))
    expect(outcome.model).toBeDefined()
    expect(warningsOf(outcome.issues).map((i) => i.code)).toEqual([code])
  })

  it('is deterministic', () => {
    const model = broken((m) => {
      m.dataFlows[0]!.to = 'x'
      m.interfaces[0]!.element = 'y'
    })
    expect(parse(model)).toEqual(parse(model))
  })
})
