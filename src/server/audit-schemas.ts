import { Type } from '@sinclair/typebox'

import { AUDIT_PROBLEMS } from '../store/audit-problems.js'

export const AuditEventItem = Type.Object({
  id: Type.String(),
  seq: Type.Integer({ description: 'Position in the chain, from 1' }),
  at: Type.String({ description: 'When, ISO 8601 UTC' }),
  actor: Type.String({ description: 'Who: a username, or the name of a system process' }),
  action: Type.String({ description: 'What, e.g. model.import, approval.sign, document.generate' }),
  subject: Type.String({
    description:
      'About what: product:<id> (or product:<id>/<part>) for a product, user:<id> for an account',
  }),
  before: Type.Unknown({ description: 'The state before the change (JSON), or null' }),
  after: Type.Unknown({ description: 'The state after the change (JSON), or null' }),
  reason: Type.Union([Type.String(), Type.Null()], { description: 'Why, as the actor gave it' }),
  hash: Type.String({ description: "SHA-256 sealing this event and its predecessor's hash" }),
})

export const ChainCheck = Type.Union([
  Type.Object({
    ok: Type.Literal(true),
    count: Type.Integer({ description: 'Events in the trail' }),
    head: Type.String({
      description:
        'Hash of the newest event: keep it outside the database to detect the newest events being cut off',
    }),
  }),
  Type.Object({
    ok: Type.Literal(false),
    at: Type.String({ description: 'The first event whose link or content does not check' }),
    seq: Type.Union([Type.Integer(), Type.Null()]),
    problem: Type.String({ enum: [...AUDIT_PROBLEMS] }),
  }),
])
