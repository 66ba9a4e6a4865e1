import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import { testdataPath } from '../../../../test/support/testdata.js'
import type { AffectedPackage, OsvRange } from '../advisory.js'
import { compileAffected } from './osv-range.js'
import { compareVersions } from './version-key.js'

const affected = (
  ecosystem: string,
  ranges: readonly OsvRange[],
  versions: readonly string[] = [],
): AffectedPackage => ({ ecosystem, name: 'example', ranges, versions })

const semver = (...events: OsvRange['events']): OsvRange => ({ type: 'SEMVER', events })
const ecosystem = (...events: OsvRange['events']): OsvRange => ({ type: 'ECOSYSTEM', events })

const check = (entry: AffectedPackage, expected: Record<string, boolean>): void => {
  const predicate = compileAffected(entry)
  for (const [version, result] of Object.entries(expected)) {
    expect(predicate.isAffected(version), version).toBe(result)
  }
}

// The examples of osv-schema's docs/schema.md ("Examples" under affected[].ranges).
describe('OSV range evaluation: osv-schema examples', () => {
  it('introduced "0" alone: every version', () => {
    check(affected('npm', [semver({ introduced: '0' })]), {
      '0.0.1': true,
      '99.0.0': true,
      '1.0.0-rc.1': true,
    })
  })

  it('fixed is exclusive', () => {
    check(affected('npm', [semver({ introduced: '0' }, { fixed: '1.0.2' })]), {
      '1.0.1': true,
      '1.0.2-rc.1': true,
      '1.0.2': false,
      '2.0.0': false,
    })
  })

  it('several intervals in one range', () => {
    const range = semver(
      { introduced: '1.0.0' },
      { fixed: '1.0.2' },
      { introduced: '3.0.0' },
      { fixed: '3.2.5' },
    )
    check(affected('npm', [range]), {
      '0.9.0': false,
      '1.0.0': true,
      '1.0.1': true,
      '1.0.2': false,
      '2.5.0': false,
      '3.0.0': true,
      '3.2.4': true,
      '3.2.5': false,
    })
  })

  it('last_affected is inclusive', () => {
    check(affected('npm', [ecosystem({ introduced: '0' }, { last_affected: '2.1.214' })]), {
      '2.1.213': true,
      '2.1.214': true,
      '2.1.215': false,
    })
  })

  it('limit caps a range; "*" is no cap', () => {
    check(affected('npm', [semver({ introduced: '1.0.0' }, { limit: '2.0.0' })]), {
      '1.5.0': true,
      '2.0.0': false,
    })
    check(affected('npm', [semver({ introduced: '1.0.0' }, { limit: '*' })]), { '9.0.0': true })
  })
})

describe('OSV range evaluation: rules of our own evaluator', () => {
  it('sorts events before walking them', () => {
    const range = semver(
      { fixed: '3.2.5' },
      { introduced: '3.0.0' },
      { fixed: '1.0.2' },
      { introduced: '1.0.0' },
    )
    check(affected('npm', [range]), { '1.0.1': true, '2.0.0': false, '3.1.0': true })
  })

  it('joins adjacent intervals: at one version, fixed is applied before introduced', () => {
    // pyspark PYSEC-2022-236: [0, 3.1.1) + [3.2.0, 3.2.2) + [3.1.1, 3.1.3).
    const range = ecosystem(
      { introduced: '0' },
      { fixed: '3.1.1' },
      { introduced: '3.2.0' },
      { fixed: '3.2.2' },
      { introduced: '3.1.1' },
      { fixed: '3.1.3' },
    )
    check(affected('PyPI', [range]), {
      '3.1.0': true,
      '3.1.1': true,
      '3.1.2': true,
      '3.1.3': false,
      '3.2.1': true,
      '3.2.2': false,
    })
  })

  it('matches the explicit list by exact string only', () => {
    check(affected('PyPI', [], ['1.0']), { '1.0': true, '1.0.0': false, '1.0.post0': false })
  })

  it('does not evaluate GIT ranges and says so', () => {
    const git: OsvRange = { type: 'GIT', events: [{ introduced: '0' }, { fixed: 'a'.repeat(40) }] }
    const predicate = compileAffected(affected('PyPI', [git], ['1.2.3']))
    expect(predicate.unevaluated).toEqual([{ index: 0, type: 'GIT', reason: 'git-range' }])
    expect(predicate.isAffected('1.2.3')).toBe(true)
    expect(predicate.isAffected('1.2.4')).toBe(false)
  })

  it('never throws on a version that does not parse: no range matches, the list still does', () => {
    const predicate = compileAffected(
      affected('npm', [semver({ introduced: '0' })], ['not a version']),
    )
    expect(predicate.isAffected('not a version')).toBe(true)
    expect(predicate.isAffected('also not a version')).toBe(false)
    expect(predicate.isAffected('')).toBe(false)
  })

  it('reports a range whose bound does not parse, and lets it match nothing', () => {
    const predicate = compileAffected(
      affected('npm', [semver({ introduced: '0' }, { fixed: '1.2' })]),
    )
    expect(predicate.unevaluated).toEqual([
      { index: 0, type: 'SEMVER', reason: 'unparsable-bound', version: '1.2' },
    ])
    expect(predicate.isAffected('1.0.0')).toBe(false)
  })

  it('reports a range without introduced event', () => {
    const predicate = compileAffected(affected('npm', [semver({ fixed: '1.0.0' })]))
    expect(predicate.unevaluated).toEqual([{ index: 0, type: 'SEMVER', reason: 'no-introduced' }])
  })

  it('uses SemVer precedence for SEMVER ranges whatever the ecosystem, and the ecosystem order otherwise', () => {
    // PyPI would read 2.0.0rc1 as a pre-release too, but only SemVer knows 2.0.0-rc.1.
    check(affected('PyPI', [semver({ introduced: '1.0.0' }, { fixed: '2.0.0' })]), {
      '2.0.0-rc.1': true,
    })
    check(affected('PyPI', [ecosystem({ introduced: '1.0' }, { fixed: '2.0' })]), {
      '2.0rc1': true,
      '2.0.post1': false,
    })
  })

  it('evaluates distribution ranges in their own order', () => {
    check(
      affected('Debian:12', [ecosystem({ introduced: '0' }, { fixed: '1:2.38.1-5+deb12u3' })]),
      {
        '1:2.38.1-5+deb12u2': true,
        '1:2.38.1-5+deb12u3': false,
        '2.39-1': true,
      },
    )
    check(affected('Alpine:v3.20', [ecosystem({ introduced: '0' }, { fixed: '3.3.1-r0' })]), {
      '3.3.0-r5': true,
      '3.3.1_rc1-r0': true,
      '3.3.1-r0': false,
    })
    check(
      affected('Red Hat:rhel_aus:8.6::appstream', [
        ecosystem({ introduced: '0' }, { fixed: '1:8.0.30-1.el8_6' }),
      ]),
      {
        '1:8.0.26-1.el8_6': true,
        '8.0.40-1.el8_6': true,
        '1:8.0.30-1.el8_6': false,
      },
    )
    check(affected('Maven', [ecosystem({ introduced: '2.0-beta9' }, { fixed: '2.15.0' })]), {
      '2.0-alpha1': false,
      '2.0-rc1': true,
      '2.14.1': true,
      '2.15.0': false,
    })
  })
})

describe('OSV records from osv.dev', () => {
  it('lists the affected Ubuntu kernel builds of UBUNTU-CVE-2025-38094 in our dpkg order', () => {
    const record = JSON.parse(
      readFileSync(
        testdataPath(
          'osv-dev',
          'gcp',
          'workers',
          'oss_fuzz_worker',
          'testdata',
          'UBUNTU-CVE-2025-38094.json',
        ),
        'utf8',
      ),
    ) as { affected: { versions: string[] }[] }
    const versions = record.affected[0]?.versions ?? []
    expect(versions.length).toBe(180)
    const sorted = [...versions].sort((a, b) => compareVersions('debian', a, b) ?? 0)
    expect(sorted).toEqual(versions)
    // A plain string sort would not do (3.13.0-100.147 before 3.13.0-24.46): the test can fail.
    expect([...versions].sort()).not.toEqual(versions)
  })
})

describe('OSV range evaluation on malformed input', () => {
  it('reports an event without a version instead of throwing', () => {
    const broken = { type: 'ECOSYSTEM', events: [{ introduced: '0' }, {}] } as unknown as OsvRange
    const predicate = compileAffected(affected('PyPI', [broken], ['1.0']))
    expect(predicate.unevaluated).toEqual([
      { index: 0, type: 'ECOSYSTEM', reason: 'unparsable-bound', version: '' },
    ])
    expect(predicate.isAffected('1.0')).toBe(true)
    expect(predicate.isAffected('2.0')).toBe(false)
  })
})
