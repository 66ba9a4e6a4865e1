import { Type } from '@sinclair/typebox'

import { SIGNATURE_MEANINGS, type SignatureMeaning } from '../../core/index.js'
import { loadProductModel } from '../../services/index.js'
import {
  listApprovals,
  productAuditSubject,
  recordApproval,
  recordAuditEvent,
  type Approval,
} from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError, notFound } from '../api-error.js'
import { ApprovalItem, ManifestSchema, SignBody } from '../approval-schemas.js'
import { verifyPassword } from '../auth/passwords.js'
import { principalOf } from '../auth/signed-in.js'
import { ifMatchRevision, revisionTag, staleRevision } from '../etag.js'
import { PAGE_QUERY, PageOf } from '../pagination.js'
import { errors, ProductParams } from '../product-schemas.js'

const TAGS = ['approvals']

const approvalItem = (approval: Approval, currentRevision: number) => ({
  id: approval.id,
  subject: approval.subject,
  release: approval.release ?? null,
  meaning: approval.meaning,
  signer: { id: approval.signerId, name: approval.signerName },
  signedAt: approval.signedAt,
  reason: approval.reason ?? null,
  modelRevision: approval.modelRevision,
  contentHash: approval.contentHash,
  auditSeq: approval.auditSeq,
  superseded: approval.modelRevision !== currentRevision,
})

const MEANING_WORDS: Readonly<Record<SignatureMeaning, string>> = {
  reviewed: 'reviewed',
  approved: 'approved',
  'risk-accepted': 'risk accepted',
}

/** The releases a signature names, in `release` and in a `release:<version>` subject. */
const namedReleases = (subject: string, release: string | undefined): string[] => [
  ...(release === undefined ? [] : [release]),
  ...(subject.startsWith('release:') ? [subject.slice('release:'.length)] : []),
]

/**
 * Electronic signatures in the sense of 21 CFR Part 11: only a person in a browser session
 * signs, re-entering their password; the signature names the signer, its meaning, the time and
 * the exact model content (revision and hash), and is written with its audit event in one
 * transaction. One route per meaning, so each meaning has its own permission.
 */
export const approvalRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  for (const meaning of SIGNATURE_MEANINGS) {
    app.post(
      `/products/:productId/approvals/${meaning}`,
      {
        config: {
          access: { kind: 'product', permission: `sign:${meaning}` },
          // Each attempt checks a password: slow guessing down, per person (colleagues behind one
          // proxy share an address), yet leave room to sign a register's threats one by one.
          rateLimit: {
            max: 20,
            timeWindow: '1 minute',
            keyGenerator: (request) => request.principal?.user.id ?? request.ip,
          },
        },
        schema: {
          summary: `Sign with the meaning "${MEANING_WORDS[meaning]}"`,
          description: `Signs the product's model exactly at the revision named in If-Match ("r<revision>", from the ETag of what you reviewed): 428 without it, 412 when the model has changed since. Only a signed-in browser session can sign (API tokens get 403 signature-needs-session), and the password is checked again (401 reauthentication-failed, recorded in the audit trail).`,
          tags: TAGS,
          params: ProductParams,
          headers: Type.Object({
            'if-match': Type.Optional(
              Type.String({ description: 'The ETag of the model revision reviewed, e.g. "r5"' }),
            ),
          }),
          body: SignBody,
          response: {
            201: Type.Object({ approval: ApprovalItem, manifest: ManifestSchema }),
            ...errors(400, 401, 403, 404, 412, 428, 429),
          },
        },
      },
      async (request, reply) => {
        const principal = principalOf(request)
        if (principal.via !== 'session') {
          throw new ApiError(
            403,
            'signature-needs-session',
            'an electronic signature is made by a person signed in to the web application; API tokens cannot sign',
          )
        }
        const { productId } = request.params
        const { subject, release, reason, password } = request.body
        const product = await loadProductModel(store, productId)
        if (product === undefined) throw notFound(`product ${productId}`)
        const revision = ifMatchRevision(request, reply, product.revision)
        const { model } = product
        if (model !== undefined) {
          for (const version of namedReleases(subject, release)) {
            if (!model.releases.some((known) => known.version === version)) {
              throw new ApiError(400, 'unknown-release', `the model has no release '${version}'`, [
                {
                  path: release === version ? 'body/release' : 'body/subject',
                  message: 'no such release',
                },
              ])
            }
          }
        }
        const { user } = principal
        if (user.passwordHash === null) {
          throw new ApiError(
            403,
            'reauthentication-unavailable',
            'your account signs in through single sign-on only and has no password to re-enter; an administrator can set one so that you can sign',
          )
        }
        if (!(await verifyPassword(user.passwordHash, password))) {
          await recordAuditEvent(store, {
            actor: user.username,
            action: 'approval.reauthentication-failed',
            subject: productAuditSubject(productId),
            before: null,
            after: { meaning, subject, release: release ?? null, modelRevision: revision },
            reason: null,
          })
          throw new ApiError(
            401,
            'reauthentication-failed',
            'the password is not correct; nothing was signed',
          )
        }
        const signed = await recordApproval(store, {
          productId,
          subject,
          release,
          meaning,
          signer: { id: user.id, username: user.username, displayName: user.displayName },
          reason,
          modelRevision: revision,
          contentHash: product.contentHash,
        })
        if (!signed.ok) {
          throw staleRevision(reply, signed.error.actualRevision, revisionTag(revision))
        }
        void reply.status(201)
        return {
          approval: approvalItem(signed.value.approval, signed.value.approval.modelRevision),
          manifest: signed.value.manifest,
        }
      },
    )
  }

  app.get(
    '/products/:productId/approvals',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: "The product's signatures, newest first",
        description:
          'Each says whether the model has changed since it was made (superseded): a signature covers the revision it was made on and is never carried over to a later one.',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({
          subject: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
          ...PAGE_QUERY,
        }),
        response: {
          200: Type.Composite([
            PageOf(ApprovalItem),
            Type.Object({
              modelRevision: Type.Integer({ description: "The product's current model revision" }),
              contentHash: Type.String(),
            }),
          ]),
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) => {
      const { productId } = request.params
      const { subject, limit, offset } = request.query
      const product = await loadProductModel(store, productId)
      if (product === undefined) throw notFound(`product ${productId}`)
      const page = await listApprovals(store, productId, {
        ...(subject === undefined ? {} : { subject }),
        limit,
        offset,
      })
      return {
        items: page.approvals.map((approval) => approvalItem(approval, product.revision)),
        total: page.total,
        limit,
        offset,
        modelRevision: product.revision,
        contentHash: product.contentHash,
      }
    },
  )
}
