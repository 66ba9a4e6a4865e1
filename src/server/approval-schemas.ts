import { Type } from '@sinclair/typebox'

import { DELIVERABLE_KINDS } from '../core/reports/deliverable.js'
import { SIGNATURE_MEANINGS } from '../core/reports/signatures.js'

const MODEL_ID = '[a-z0-9]+(?:-[a-z0-9]+)*'
/**
 * What can be signed: the risk register, one threat (`ruleId@element` or a custom id), one
 * release, or one deliverable.
 */
export const SIGNATURE_SUBJECT_PATTERN = `^(?:risk-register|threat:${MODEL_ID}(?:@${MODEL_ID})?|release:[A-Za-z0-9][A-Za-z0-9._+~-]{0,99}|document:(?:${DELIVERABLE_KINDS.join('|')}))$`

export const SignBody = Type.Object(
  {
    subject: Type.String({
      pattern: SIGNATURE_SUBJECT_PATTERN,
      description:
        'What is signed: risk-register, threat:<id>, release:<version> or document:<deliverable kind>',
      examples: ['risk-register', 'threat:spoofing-ble@pump-ble', 'release:2.1.0'],
    }),
    release: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'The release the signature is for',
      }),
    ),
    reason: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'Why you sign; kept in the signature and the audit trail',
    }),
    password: Type.String({
      minLength: 1,
      maxLength: 1024,
      description: 'Your password again: a signature needs re-authentication (21 CFR 11.200)',
    }),
  },
  { additionalProperties: false },
)

export const ApprovalItem = Type.Object({
  id: Type.String(),
  subject: Type.String(),
  release: Type.Union([Type.String(), Type.Null()]),
  meaning: Type.String({ enum: [...SIGNATURE_MEANINGS] }),
  signer: Type.Object({ id: Type.String(), name: Type.String() }),
  signedAt: Type.String({ description: 'ISO 8601, UTC' }),
  reason: Type.Union([Type.String(), Type.Null()]),
  modelRevision: Type.Integer({ description: 'The model revision signed' }),
  contentHash: Type.String({ description: 'SHA-256 over the model files at that revision' }),
  auditSeq: Type.Integer({ description: 'The audit event recording the signature' }),
  superseded: Type.Boolean({
    description:
      'True when the model has changed since: the signature covers an older revision, not the current one',
  }),
})

export const ManifestSchema = Type.Object(
  {
    approvalId: Type.String(),
    productId: Type.String(),
    subject: Type.String(),
    release: Type.Union([Type.String(), Type.Null()]),
    meaning: Type.String(),
    signer: Type.Object({
      id: Type.String(),
      username: Type.String(),
      displayName: Type.String(),
    }),
    signedAt: Type.String(),
    modelRevision: Type.Integer(),
    contentHash: Type.String(),
    reason: Type.String(),
  },
  { description: 'The signature as the audit trail keeps it (the `after` of approval.sign)' },
)
