import { describe, expect, it } from 'vitest'

import {
  DataFlowSchema,
  ElementSchema,
  TrustBoundarySchema,
} from '../../../../src/core/model/architecture-schema.js'
import { createSchemaChecker } from '../../../../src/core/model/check-document-schema.js'
import { newDataFlow, newElement, newTrustBoundary, suggestedFlowName } from './new-entries.js'

// The model's own schema (and its checker) is the judge: an entry made in the editor must be
// valid as made.
const issuesOf = (schema: object, entry: unknown) =>
  createSchemaChecker(() => ({ ...schema }))(entry).map((issue) => issue.message)

describe('new entries', () => {
  it('makes an element the model schema accepts', () => {
    const element = newElement({ id: 'hub', name: 'Hub', kind: 'server', owner: 'manufacturer' })
    expect(issuesOf(ElementSchema, element)).toEqual([])
  })

  it('makes a data flow the model schema accepts, with no protection claimed', () => {
    const flow = newDataFlow({
      id: 'app-to-hub',
      name: 'App → Hub',
      from: 'app',
      to: 'hub',
      protocol: 'HTTPS',
      payload: ['data'],
    })
    expect(issuesOf(DataFlowSchema, flow)).toEqual([])
    expect(issuesOf(DataFlowSchema, { ...flow, integrity: undefined })).not.toEqual([])
    expect(flow).toMatchObject({
      authentication: { type: 'none' },
      encryption: { type: 'none' },
      integrity: 'none',
      replayProtection: false,
    })
  })

  it('makes a trust boundary the model schema accepts, empty', () => {
    const boundary = newTrustBoundary({ id: 'ward', name: 'Ward', kind: 'network-zone' })
    expect(issuesOf(TrustBoundarySchema, boundary)).toEqual([])
  })

  it('names a flow after its ends once both are chosen', () => {
    expect(suggestedFlowName('App', 'Hub')).toBe('App → Hub')
    expect(suggestedFlowName('App', '')).toBe('')
  })
})
