import { describe, expect, it } from 'vitest'

import { ApiError } from '../../api/client.js'
import type { ArchitectureIssue } from '../../api/types.js'
import {
  controlOf,
  problemsByControl,
  fieldCandidates,
  problemsByEntry,
  problemsFromIssues,
  problemsFromSaveError,
  worstSeverity,
} from './problems.js'

const issue = (fields: Partial<ArchitectureIssue>): ArchitectureIssue => ({
  severity: 'error',
  code: 'model/unknown-reference',
  message: "unknown element 'pumpp'",
  location: 'architecture.yaml:12:9',
  list: null,
  entry: null,
  field: null,
  ...fields,
})

describe('problemsFromIssues', () => {
  it('keeps where each issue is, and issues about the whole model', () => {
    const problems = problemsFromIssues([
      issue({ list: 'dataFlows', entry: 'bolus', field: 'to' }),
      issue({ severity: 'warning', message: 'no release notes' }),
    ])
    expect(problems[0]).toMatchObject({ list: 'dataFlows', entry: 'bolus', field: 'to' })
    expect(problems[1]).toMatchObject({ severity: 'warning', list: undefined, entry: undefined })
  })
})

describe('problemsFromSaveError', () => {
  it('places the details of a refused save on their entries', () => {
    const error = new ApiError(422, 'invalid-model', 'the model would not be valid', [
      {
        path: 'architecture.yaml:40:7',
        message: 'must be one of none, source, destination, mutual',
        entry: { list: 'dataFlows', id: 'bolus', field: 'authentication.type' },
      } as never,
      { path: 'security.yaml:3:1', message: 'unknown threat' },
      { path: 'x', message: 'odd entry', entry: { list: 'roles', id: 'nurse' } } as never,
    ])
    const problems = problemsFromSaveError(error)
    expect(problems.map((p) => [p.list, p.entry, p.field])).toEqual([
      ['dataFlows', 'bolus', 'authentication.type'],
      [undefined, undefined, undefined],
      [undefined, undefined, undefined],
    ])
    expect(problems[1]?.location).toBe('security.yaml:3:1')
  })

  it('gives nothing for other failures', () => {
    expect(problemsFromSaveError(new ApiError(412, 'stale-revision', 'stale'))).toEqual([])
    expect(problemsFromSaveError(new Error('network'))).toEqual([])
  })
})

describe('problemsByEntry', () => {
  it('groups by list and id, so a flow and an element with the same id stay apart', () => {
    const byEntry = problemsByEntry(
      problemsFromIssues([
        issue({ list: 'dataFlows', entry: 'pump' }),
        issue({ list: 'elements', entry: 'pump' }),
        issue({ list: 'elements', entry: 'pump', severity: 'warning' }),
        issue({}),
      ]),
    )
    expect([...byEntry.keys()]).toEqual(['dataFlows/pump', 'elements/pump'])
    expect(byEntry.get('elements/pump')).toHaveLength(2)
    expect(worstSeverity(byEntry.get('elements/pump') ?? [])).toBe('error')
    expect(worstSeverity([])).toBeUndefined()
  })
})

describe('fields to form controls', () => {
  it.each([
    ['to', ['to']],
    ['authentication.type', ['authentication.type', 'authentication']],
    ['/authentication/type', ['authentication.type', 'authentication']],
    ['$.payload[1]', ['payload']],
  ])('%s → %j', (field, candidates) => {
    expect(fieldCandidates(field)).toEqual(candidates)
  })

  const controls = ['name', 'to', 'authentication.type', 'authentication.mechanism', 'payload']

  it.each([
    ['authentication.type', 'authentication.type'],
    ['authentication', 'authentication.type'],
    ['authentication.credentials', 'authentication.type'],
    ['payload[0]', 'payload'],
    ['releases', undefined],
    [undefined, undefined],
  ])('%s is shown at %s', (field, control) => {
    expect(controlOf(field, controls)).toBe(control)
  })
})

describe('problemsByControl', () => {
  it('places each problem on its control and keeps the rest apart', () => {
    const problems = problemsFromIssues([
      issue({ list: 'dataFlows', entry: 'bolus', field: 'to' }),
      issue({ list: 'dataFlows', entry: 'bolus', field: 'encryption' }),
      issue({ list: 'dataFlows', entry: 'bolus', field: 'releases' }),
      issue({ list: 'dataFlows', entry: 'bolus' }),
    ])
    const { byControl, unplaced } = problemsByControl(problems, ['to', 'encryption.type'])
    expect([...byControl.keys()]).toEqual(['to', 'encryption.type'])
    expect(unplaced).toHaveLength(2)
  })
})
