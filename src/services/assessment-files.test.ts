import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'

import { putAssessment } from './assessment-files.js'

const ROOT = 'medcyber: v1\ninclude: [security.yaml, vex.yaml]\nproduct: { id: p, name: P }\n'
const SECURITY = `medcyber: v1
threatAssessments:
  - threat: a
    status: open
    rationale: first look
`
const VEX = `medcyber: v1
# VEX decisions
findingAssessments:
  - finding: CVE-1@lib
    status: affected
`
const ORDER = ['medcyber.yaml', 'security.yaml', 'vex.yaml']
const files = [
  { path: 'medcyber.yaml', text: ROOT },
  { path: 'security.yaml', text: SECURITY },
  { path: 'vex.yaml', text: VEX },
  { path: 'README.md', text: '# not a model file\nthreatAssessments: []\n' },
]

const changedPaths = (before: typeof files, after: readonly { path: string; text: string }[]) =>
  after.filter((file, i) => file.text !== before[i]?.text).map((file) => file.path)

describe('putAssessment picks the file a person would have edited', () => {
  test('a threat decision goes to the file holding threatAssessments, replacing its entry', () => {
    const after = putAssessment(files, ORDER, {
      list: 'threatAssessments',
      entry: { status: 'mitigated', rationale: 'fixed', threat: 'a' },
    })
    expect(changedPaths(files, after)).toEqual(['security.yaml'])
    const written = parse(after[1]?.text ?? '') as { threatAssessments: unknown[] }
    // Written in the schema's order, whatever order the fields came in.
    expect(after[1]?.text).toContain('  - threat: a\n    status: mitigated\n    rationale: fixed\n')
    expect(written.threatAssessments).toEqual([
      { threat: 'a', status: 'mitigated', rationale: 'fixed' },
    ])
  })

  test('a finding decision goes beside the other findings, and never into a file outside the model', () => {
    const after = putAssessment(files, ORDER, {
      list: 'findingAssessments',
      entry: { finding: 'CVE-2@lib', status: 'not_affected', detail: 'not reachable' },
    })
    expect(changedPaths(files, after)).toEqual(['vex.yaml'])
    expect(after[2]?.text.startsWith(VEX)).toBe(true)
  })

  test('without either list anywhere, the decision goes to the root file; with only the other list, beside it', () => {
    const bare = [
      { path: 'medcyber.yaml', text: ROOT },
      { path: 'security.yaml', text: 'medcyber: v1\n' },
      { path: 'vex.yaml', text: 'medcyber: v1\n' },
    ]
    const toRoot = putAssessment(bare, ORDER, {
      list: 'threatAssessments',
      entry: { threat: 'a', status: 'open', rationale: 'r' },
    })
    expect(changedPaths(bare, toRoot)).toEqual(['medcyber.yaml'])
    const beside = putAssessment(toRoot, ORDER, {
      list: 'findingAssessments',
      entry: { finding: 'CVE-1@lib', status: 'affected' },
    })
    expect(changedPaths(toRoot, beside)).toEqual(['medcyber.yaml'])
    expect(parse(beside[0]?.text ?? '')).toMatchObject({
      threatAssessments: [{ threat: 'a' }],
      findingAssessments: [{ finding: 'CVE-1@lib' }],
    })
  })

  test('a JSON model file stays JSON', () => {
    const json = [
      { path: 'medcyber.yaml', text: 'medcyber: v1\ninclude: [vex.json]\n' },
      { path: 'vex.json', text: '{\n  "medcyber": "v1",\n  "findingAssessments": []\n}\n' },
    ]
    const after = putAssessment(json, ['medcyber.yaml', 'vex.json'], {
      list: 'findingAssessments',
      entry: { finding: 'CVE-1@lib', status: 'fixed' },
    })
    expect(JSON.parse(after[1]?.text ?? '')).toEqual({
      medcyber: 'v1',
      findingAssessments: [{ finding: 'CVE-1@lib', status: 'fixed' }],
    })
  })
})
