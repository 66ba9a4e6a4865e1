import { describe, expect, it } from 'vitest'

import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import { diffModels } from './diff-models.js'

const diffAfter = (change: (m: MinimalModel) => void) =>
  diffModels(validModel(), validModel(change))

describe('diffModels', () => {
  it('finds nothing between identical models, whatever the order of lists', () => {
    const reordered = validModel((m) => {
      m.elements.reverse()
      m.dataFlows[0]!.payload = ['commands']
      m.trustBoundaries[0]!.elements = ['pump-device']
    })
    expect(diffModels(validModel(), reordered)).toEqual({
      sections: [],
      product: [],
      significance: [],
    })
  })

  it.each<[string, (m: MinimalModel) => void, string]>([
    [
      'a new interface',
      (m) => {
        m.interfaces.push({ id: 'pump-usb', element: 'pump-device', type: 'usb', status: 'unused' })
      },
      "new connectivity: interface 'pump-usb' (usb, unused)",
    ],
    [
      'an interface enabled',
      (m) => {
        m.interfaces[2]!.status = 'active'
      },
      "new connectivity: interface 'pump-jtag' is now active",
    ],
    [
      'weaker authentication',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'none' }
      },
      "authentication or cryptography changed on data flow 'bolus-command': authentication.type",
    ],
    [
      'a removed control',
      (m) => {
        m.controls = []
        m.verifications[0]!.controls = []
        m.threatAssessments[0]!.controls = []
      },
      "security control removed: 'signed-commands'",
    ],
    [
      'a more sensitive asset',
      (m) => {
        m.assets[0]!.security.confidentiality = 'high'
      },
      "data sensitivity changed: asset 'dose-settings'",
    ],
    [
      'a new update path',
      (m) => {
        m.dataFlows[0]!.payload = ['commands', 'software']
      },
      'the software update mechanism changed (a data flow carrying software was added, removed or changed)',
    ],
  ])('calls %s significant', (_name, change, reason) => {
    expect(diffAfter(change).significance).toContain(reason)
  })

  it('reports changed fields inside nested objects', () => {
    const diff = diffAfter((m) => {
      m.dataFlows[0]!.encryption = { type: 'none' }
    })
    expect(diff.sections).toEqual([
      {
        section: 'dataFlows',
        added: [],
        removed: [],
        changed: [
          {
            id: 'bolus-command',
            changes: [{ field: 'encryption.type', before: 'ble-link-layer', after: 'none' }],
          },
        ],
      },
    ])
  })

  it('does not call a renamed label significant', () => {
    expect(
      diffAfter((m) => {
        m.dataFlows[0]!.name = 'Bolus request'
      }).significance,
    ).toEqual([])
  })
})
