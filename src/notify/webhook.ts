import { createHmac } from 'node:crypto'

import { DeliveryError } from './delivery-error.js'

/** The header a receiver checks: `sha256=` and the hex HMAC-SHA256 of the body with the secret. */
const SIGNATURE_HEADER = 'x-medcyber-signature'

export interface WebhookEvent {
  /** The outbox row's id: the same event delivered twice carries the same id. */
  readonly id: string
  readonly kind: string
  readonly subject: string
  readonly text: string
  readonly productId: string | null
  readonly createdAt: string
  readonly data: Readonly<Record<string, unknown>>
}

export interface WebhookTarget {
  readonly url: string
  readonly secret?: string
  /** Default 10 s. */
  readonly timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 10_000
/** A receiver's answer is not read beyond its status: only this much of it goes in an error. */
const SHOWN_ANSWER = 200

/**
 * The JSON a webhook receives: a top-level `text` as Slack, Microsoft Teams and Mattermost
 * incoming webhooks show it, and the structured `event` for other receivers.
 */
const webhookBody = (event: WebhookEvent): string =>
  JSON.stringify({ text: `${event.subject}\n${event.text}`, event })

const webhookSignature = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`

const isTimeout = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')

/** The URL without its path and query, which for chat webhooks hold the token. */
const shownUrl = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return 'the webhook'
  }
}

/** The start of an error answer (Slack says `invalid_token`), without reading a huge body. */
const answerStart = async (response: Response): Promise<string> => {
  const reader = response.body?.getReader()
  if (reader === undefined) return ''
  try {
    const chunk = (await reader.read()) as { readonly value?: Uint8Array }
    return chunk.value === undefined
      ? ''
      : new TextDecoder().decode(chunk.value).slice(0, SHOWN_ANSWER).trim()
  } catch {
    return ''
  } finally {
    await reader.cancel().catch(() => undefined)
  }
}

/** POSTs the event; any answer other than 2xx, a redirect, a timeout or no answer throws. */
export const postWebhook = async (target: WebhookTarget, event: WebhookEvent): Promise<void> => {
  const body = webhookBody(event)
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'medcyber-notifications',
    'x-medcyber-event': event.kind,
    'x-medcyber-delivery': event.id,
    ...(target.secret === undefined
      ? {}
      : { [SIGNATURE_HEADER]: webhookSignature(target.secret, body) }),
  }
  const where = shownUrl(target.url)
  let response: Response
  try {
    response = await fetch(target.url, {
      method: 'POST',
      headers,
      body,
      // A redirect could carry the event (and its signature) to another host.
      redirect: 'manual',
      signal: AbortSignal.timeout(target.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    })
  } catch (error) {
    if (isTimeout(error)) {
      throw new DeliveryError('notify/webhook-timeout', `webhook ${where} did not answer in time`)
    }
    const reason =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error)
    throw new DeliveryError(
      'notify/webhook-unreachable',
      `webhook ${where} unreachable: ${reason}`,
      {
        cause: error,
      },
    )
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel()
    return
  }
  const answer = await answerStart(response)
  throw new DeliveryError(
    'notify/webhook-status',
    `webhook ${where} answered ${String(response.status)}${answer === '' ? '' : `: ${answer}`}`,
  )
}
