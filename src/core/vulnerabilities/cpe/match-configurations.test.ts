import { describe, expect, it } from 'vitest'

import type { CpeConfiguration, CpeMatchCriterion } from '../advisory.js'
import { componentCpe, type ComponentCpe } from './configuration-match.js'
import { matchConfigurations } from './match-configurations.js'

const cpes = (...texts: string[]): ComponentCpe[] =>
  texts.map((text) => {
    const parsed = componentCpe(text)
    if (!parsed.ok) throw new Error(parsed.error)
    return parsed.value
  })

const vulnerable = (criteria: string, bounds: Partial<CpeMatchCriterion> = {}) => ({
  vulnerable: true,
  criteria,
  ...bounds,
})
const platform = (criteria: string) => ({ vulnerable: false, criteria })

const FIRMWARE = 'cpe:2.3:o:acme:monitor_firmware:*:*:*:*:*:*:*:*'
const HARDWARE = 'cpe:2.3:h:acme:monitor:-:*:*:*:*:*:*:*'

/** NVD's "running on" shape: a vulnerable firmware node AND a non-vulnerable hardware node. */
const runningOn: CpeConfiguration = {
  operator: 'AND',
  negate: false,
  nodes: [
    {
      operator: 'OR',
      negate: false,
      cpeMatch: [vulnerable(FIRMWARE, { versionEndExcluding: '2.4' })],
    },
    { operator: 'OR', negate: false, cpeMatch: [platform(HARDWARE)] },
  ],
}

const firmware = (version: string) => `cpe:2.3:o:acme:monitor_firmware:${version}:*:*:*:*:*:*:*`
const hardware = 'cpe:2.3:h:acme:monitor:-:*:*:*:*:*:*:*'

describe('matchConfigurations', () => {
  it('needs every node of an AND configuration, and tells the finding from the platform', () => {
    const [match] = matchConfigurations([runningOn], cpes(firmware('2.3'), hardware))
    expect(match).toEqual({
      configuration: 0,
      vulnerable: [
        { node: 0, match: 0, criterion: runningOn.nodes[0]?.cpeMatch[0], cpe: firmware('2.3') },
      ],
      platform: [{ node: 1, match: 0, criterion: runningOn.nodes[1]?.cpeMatch[0], cpe: hardware }],
    })
    expect(matchConfigurations([runningOn], cpes(firmware('2.3')))).toEqual([])
    expect(matchConfigurations([runningOn], cpes(hardware))).toEqual([])
  })

  it('reads version bounds as NVD writes them: start included, end excluded, as named', () => {
    const bounded = (bounds: Partial<CpeMatchCriterion>): CpeConfiguration[] => [
      {
        operator: 'OR',
        negate: false,
        nodes: [{ operator: 'OR', negate: false, cpeMatch: [vulnerable(FIRMWARE, bounds)] }],
      },
    ]
    const holds = (bounds: Partial<CpeMatchCriterion>, version: string) =>
      matchConfigurations(bounded(bounds), cpes(firmware(version))).length === 1
    expect(holds({ versionStartIncluding: '2.0', versionEndExcluding: '2.4' }, '2.0')).toBe(true)
    expect(holds({ versionStartIncluding: '2.0', versionEndExcluding: '2.4' }, '2.4')).toBe(false)
    expect(holds({ versionStartExcluding: '2.0', versionEndIncluding: '2.4' }, '2.0')).toBe(false)
    expect(holds({ versionStartExcluding: '2.0', versionEndIncluding: '2.4' }, '2.4')).toBe(true)
    expect(holds({ versionEndIncluding: '2.4' }, '-')).toBe(false)
  })

  it('takes an unstated component version as possibly affected, unless the policy is strict', () => {
    const unstated = cpes('cpe:2.3:o:acme:monitor_firmware:*:*:*:*:*:*:*:*', hardware)
    expect(matchConfigurations([runningOn], unstated)).toHaveLength(1)
    expect(matchConfigurations([runningOn], unstated, { policy: 'nistir-7696' })).toHaveLength(0)
  })

  it('uses an injected comparator for the bounds', () => {
    const reversed = (a: string, b: string) => b.localeCompare(a)
    expect(
      matchConfigurations([runningOn], cpes(firmware('2.3'), hardware), {
        compareVersions: reversed,
      }),
    ).toEqual([])
    expect(
      matchConfigurations([runningOn], cpes(firmware('2.5'), hardware), {
        compareVersions: reversed,
      }),
    ).toHaveLength(1)
  })

  it('holds a negated node when nothing in it is present, and names nothing from it', () => {
    const notOnHardware: CpeConfiguration = {
      operator: 'AND',
      negate: false,
      nodes: [
        runningOn.nodes[0] ?? { operator: 'OR', negate: false, cpeMatch: [] },
        { operator: 'OR', negate: true, cpeMatch: [platform(HARDWARE)] },
      ],
    }
    const [match] = matchConfigurations([notOnHardware], cpes(firmware('2.0')))
    expect(match?.platform).toEqual([])
    expect(match?.vulnerable.map((item) => item.cpe)).toEqual([firmware('2.0')])
    expect(matchConfigurations([notOnHardware], cpes(firmware('2.0'), hardware))).toEqual([])
  })

  it('reports nothing when only non-vulnerable criteria hold, or the configuration is negated', () => {
    const platformOnly: CpeConfiguration = {
      operator: 'OR',
      negate: false,
      nodes: [{ operator: 'OR', negate: false, cpeMatch: [platform(HARDWARE)] }],
    }
    expect(matchConfigurations([platformOnly], cpes(hardware))).toEqual([])
    expect(matchConfigurations([{ ...runningOn, negate: true }], cpes(firmware('3.0')))).toEqual([])
  })

  it('needs every criterion of an AND node, each satisfied by some CPE', () => {
    const both: CpeConfiguration = {
      operator: 'OR',
      negate: false,
      nodes: [
        {
          operator: 'AND',
          negate: false,
          cpeMatch: [vulnerable(FIRMWARE, { versionEndExcluding: '2.4' }), platform(HARDWARE)],
        },
      ],
    }
    expect(matchConfigurations([both], cpes(firmware('1.0'), hardware))).toHaveLength(1)
    expect(matchConfigurations([both], cpes(firmware('1.0')))).toEqual([])
  })

  it('ignores bounds on a criterion that names a version, as NVD never writes them there', () => {
    const exact: CpeConfiguration = {
      operator: 'OR',
      negate: false,
      nodes: [
        {
          operator: 'OR',
          negate: false,
          cpeMatch: [vulnerable(firmware('2.3'), { versionEndExcluding: '1.0' })],
        },
      ],
    }
    expect(matchConfigurations([exact], cpes(firmware('2.3')))).toHaveLength(1)
  })
})
