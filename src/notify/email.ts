import nodemailer from 'nodemailer'

import type { SmtpSecurity } from '../core/index.js'
import { DeliveryError } from './delivery-error.js'

export interface SmtpSettings {
  /** smtp://user:password@host:port or smtps://…; user and password percent-encoded. */
  readonly smtpUrl: string
  readonly security: SmtpSecurity
  readonly from: string
  /** Connection, greeting and socket timeouts (default 30 s). */
  readonly timeoutMs?: number
}

export interface EmailMessage {
  readonly to: string
  readonly subject: string
  readonly text: string
  /** Extra headers, e.g. which notification this is. */
  readonly headers?: Readonly<Record<string, string>>
}

export interface EmailChannel {
  readonly send: (message: EmailMessage) => Promise<void>
  readonly close: () => void
}

const DEFAULT_TIMEOUT_MS = 30_000

const transportOptions = (settings: SmtpSettings) => {
  let url: URL
  try {
    url = new URL(settings.smtpUrl)
  } catch {
    throw new DeliveryError(
      'notify/bad-smtp-url',
      'the SMTP URL in the notification settings does not parse',
    )
  }
  const implicit = settings.security === 'tls' || url.protocol === 'smtps:'
  const timeout = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? (implicit ? 465 : 587) : Number(url.port),
    secure: implicit,
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(url.username === ''
      ? {}
      : {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  }
}

/** Plain-text e-mail over one pooled SMTP connection (nodemailer). */
export const createEmailChannel = (settings: SmtpSettings): EmailChannel => {
  const options = transportOptions(settings)
  const transport = nodemailer.createTransport({ ...options, pool: true, maxConnections: 1 })
  return {
    send: async (message) => {
      try {
        await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.headers === undefined ? {} : { headers: { ...message.headers } }),
        })
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new DeliveryError(
          'notify/smtp-failed',
          `e-mail to ${message.to} via ${options.host}:${String(options.port)} failed: ${reason}`,
          { cause: error },
        )
      }
    },
    close: () => {
      transport.close()
    },
  }
}
