import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { boundaryCrossingWithoutMutualAuthentication } from './boundary-crossing-without-mutual-authentication.js'

describe('boundary-crossing-without-mutual-authentication', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    [
      'fires when only the sender is authenticated',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'source' }
      },
      ['bolus-command'],
    ],
    [
      'fires with no authentication',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'none' }
      },
      ['bolus-command'],
    ],
    ['is silent with mutual authentication', () => undefined, []],
    [
      'is silent when both ends are inside the boundary',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'source' }
        m.trustBoundaries[0]!.elements.push('phone')
      },
      [],
    ],
    [
      'is silent for signed software, whose signature authenticates its origin',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'destination' }
        m.dataFlows[0]!.payload = ['software']
        m.dataFlows[0]!.integrity = 'signature'
      },
      [],
    ],
    [
      'is silent for removable media or a person, which cannot authenticate mutually',
      (m) => {
        m.dataFlows[0]!.authentication = { type: 'none' }
        m.elements[1]!.kind = 'external-entity'
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(boundaryCrossingWithoutMutualAuthentication, change)).toEqual(expected)
  })
})
