import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { componentNotMonitorable } from './component-not-monitorable.js'

describe('component-not-monitorable', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on a component without purl, CPE or SBOM link', () => undefined, ['freertos']],
    [
      'is silent with a package URL',
      (m) => {
        Object.assign(m.components[0]!, { purl: 'pkg:github/freertos/freertos-kernel@10.4.3' })
      },
      [],
    ],
    [
      'is silent with a CPE',
      (m) => {
        Object.assign(m.components[0]!, { cpe: 'cpe:2.3:o:amazon:freertos:10.4.3:*:*:*:*:*:*:*' })
      },
      [],
    ],
    [
      'is silent with an SBOM reference',
      (m) => {
        Object.assign(m.components[0]!, { sbomRefs: [{ sbom: 'pump-sbom', bomRef: 'freertos' }] })
      },
      [],
    ],
    [
      'is silent on hardware',
      (m) => {
        m.components[0]!.kind = 'hardware'
      },
      [],
    ],
    [
      "is silent on the manufacturer's own software",
      (m) => {
        Object.assign(m.components[0]!, { supplier: 'Test Medical, Inc.' })
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(componentNotMonitorable, change)).toEqual(expected)
  })
})
