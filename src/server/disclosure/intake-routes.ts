import { createHash } from 'node:crypto'

import {
  acknowledgeDue,
  DISCLOSURE_SETTINGS_KEY,
  disclosureSettingsOf,
} from '../../core/disclosure/index.js'
import { readSetting, receiveDisclosureReport } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError } from '../api-error.js'
import { auditedChange } from '../auth/audited-change.js'
import { errors } from '../product-schemas.js'
import { FORM_MAX_AGE_MS, FORM_MIN_AGE_MS, formTokens } from './form-token.js'
import { FormAnswer, HONEYPOT_FIELD, INTAKE_LIMITS, IntakeAnswer, IntakeBody } from './schemas.js'

const TAGS = ['disclosure']
const PUBLIC = { kind: 'public' } as const

/** A report is a few KiB of text; anything near this is not one. */
export const INTAKE_BODY_LIMIT_BYTES = 32 * 1024
/** Per client address: a finder sends one or two; a script sending more waits an hour. */
export const REPORTS_PER_ADDRESS_PER_HOUR = 10
const FORMS_PER_ADDRESS_PER_MINUTE = 30

const rateLimited = (what: string) => (_request: unknown, context: { after: string }) =>
  new ApiError(
    429,
    'rate-limited',
    `too many ${what} from your address; try again in ${context.after}`,
  )

/** Case, width and spacing do not make a report new: the hash of its words does. */
const normalized = (text: string): string =>
  text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()

const textHash = (title: string, description: string): string =>
  createHash('sha256')
    .update(`${normalized(title)}\n${normalized(description)}`, 'utf8')
    .digest('hex')

const blankToNull = (value: string | undefined): string | null =>
  value === undefined || value.trim() === '' ? null : value.trim()

/**
 * The public side of coordinated disclosure: anyone may report, without an account. Spam is held
 * off without third-party CAPTCHAs: a signed form token that must be seconds to hours old, a
 * honeypot field, a rate limit per address, duplicates folded together, and a bound on the
 * unacknowledged reports of the last hour (503 with Retry-After beyond it: a report is either
 * stored and answered 201, or refused; never accepted and then dropped). Encrypted (PGP) reports
 * are not offered.
 */
export const intakeRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps
  const tokens = formTokens(store)

  app.get(
    '/disclosures/form',
    {
      config: {
        access: PUBLIC,
        rateLimit: {
          max: FORMS_PER_ADDRESS_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: rateLimited('forms'),
        },
      },
      schema: {
        summary: 'Open the vulnerability report form (no account needed)',
        description:
          'Returns the form token to send with the report, accepted from 2 seconds to 2 hours after it was issued, and the limits of each field.',
        tags: TAGS,
        security: [],
        response: { 200: FormAnswer, ...errors(429) },
      },
    },
    async (_request, reply) => {
      const { token, issuedAt } = await tokens.issue()
      const settings = disclosureSettingsOf(await readSetting(store.db, DISCLOSURE_SETTINGS_KEY))
      void reply.header('cache-control', 'no-store')
      return {
        token,
        notBefore: new Date(issuedAt + FORM_MIN_AGE_MS).toISOString(),
        expiresAt: new Date(issuedAt + FORM_MAX_AGE_MS).toISOString(),
        honeypotField: HONEYPOT_FIELD,
        acknowledgeWithinDays: settings.acknowledgeWithinDays,
        limits: { ...INTAKE_LIMITS, bodyBytes: INTAKE_BODY_LIMIT_BYTES },
      }
    },
  )

  app.post(
    '/disclosures',
    {
      bodyLimit: INTAKE_BODY_LIMIT_BYTES,
      config: {
        access: PUBLIC,
        rateLimit: {
          max: REPORTS_PER_ADDRESS_PER_HOUR,
          timeWindow: '1 hour',
          errorResponseBuilder: rateLimited('reports'),
        },
      },
      schema: {
        summary: 'Report a vulnerability (no account needed)',
        description: `Answers 201 with a tracking id and the day the report will be acknowledged by; 200 when the same report arrived within the last day (it is added to that one). 413 above ${String(INTAKE_BODY_LIMIT_BYTES / 1024)} KiB, 429 beyond ${String(REPORTS_PER_ADDRESS_PER_HOUR)} reports an hour from one address, 503 with Retry-After while too many reports of the last hour wait for acknowledgement. Nothing is stored unless the answer is 200 or 201.`,
        tags: TAGS,
        security: [],
        body: IntakeBody,
        response: { 200: IntakeAnswer, 201: IntakeAnswer, ...errors(400, 413, 429, 503) },
      },
    },
    async (request, reply) => {
      const body = request.body
      if ((body[HONEYPOT_FIELD] ?? '') !== '') {
        throw new ApiError(400, 'honeypot', 'a field that must stay empty was filled in', [
          { path: `body/${HONEYPOT_FIELD}`, message: 'must be empty' },
        ])
      }
      await tokens.check(body.formToken)
      const reporterName = blankToNull(body.reporterName)
      if (body.creditReporter === true && reporterName === null) {
        throw new ApiError(400, 'invalid-request', 'to be credited, give your name', [
          { path: 'body/reporterName', message: 'needed with creditReporter' },
        ])
      }
      const settings = disclosureSettingsOf(await readSetting(store.db, DISCLOSURE_SETTINGS_KEY))
      const intake = await auditedChange(store, async (tx, record) => {
        const result = await receiveDisclosureReport(
          tx,
          {
            reporterName,
            reporterEmail: blankToNull(body.reporterEmail),
            creditReporter: body.creditReporter === true,
            productText: body.product.trim(),
            title: body.title.trim(),
            description: body.description,
            textHash: textHash(body.title, body.description),
            acknowledgeDue: acknowledgeDue(tx.now().toISOString(), settings),
          },
          settings.maxUnacknowledgedPerHour,
        )
        if (result.outcome === 'busy') return result
        await record({
          actor: 'reporter',
          action: result.outcome === 'received' ? 'disclosure.receive' : 'disclosure.repeat',
          subject: `disclosure:${result.report.id}`,
          before: null,
          after: { title: result.report.title, product: result.report.productText },
          reason: null,
        })
        return result
      })
      if (intake.outcome === 'busy') {
        // The error handler keeps headers already set on the reply.
        void reply.header('retry-after', String(intake.retryAfterSeconds))
        const minutes = Math.ceil(intake.retryAfterSeconds / 60)
        throw new ApiError(
          503,
          'busy',
          `too many reports are waiting for acknowledgement; send yours again in ${String(minutes)} minutes`,
        )
      }
      const { report } = intake
      return reply.code(intake.outcome === 'received' ? 201 : 200).send({
        trackingId: report.id,
        receivedAt: report.receivedAt,
        acknowledgeDue: report.acknowledgeDue,
        repeated: intake.outcome === 'repeated',
      })
    },
  )
}
