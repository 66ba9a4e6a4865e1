import type { NotificationChannel, NotificationSettings } from '../core/index.js'
import { DeliveryError } from './delivery-error.js'
import { createEmailChannel, type EmailChannel } from './email.js'
import { postWebhook } from './webhook.js'

/** One outbox message to one recipient. */
export interface OutgoingNotification {
  readonly id: string
  readonly kind: string
  readonly productId: string | null
  readonly channel: NotificationChannel
  readonly recipient: string
  readonly subject: string
  readonly text: string
  readonly data: Readonly<Record<string, unknown>>
  readonly createdAt: string
}

export interface ChannelOptions {
  readonly smtpTimeoutMs?: number
  readonly webhookTimeoutMs?: number
}

export interface NotificationChannels {
  /** Sends one message; throws a DeliveryError saying what went wrong. */
  readonly deliver: (notification: OutgoingNotification) => Promise<void>
  readonly close: () => void
}

/**
 * The channels of the current settings. Webhook secrets are looked up by URL at delivery, so a
 * secret changed after a message was queued signs with the new one; the SMTP connection opens
 * on the first e-mail.
 */
export const createNotificationChannels = (
  settings: NotificationSettings,
  options: ChannelOptions = {},
): NotificationChannels => {
  let email: EmailChannel | undefined
  const emailChannel = (): EmailChannel => {
    const { smtpUrl, from, security } = settings.email
    if (smtpUrl === null || from === null) {
      throw new DeliveryError(
        'notify/smtp-not-configured',
        'no SMTP server or from address is configured for e-mail notifications',
      )
    }
    email ??= createEmailChannel({
      smtpUrl,
      from,
      security,
      ...(options.smtpTimeoutMs === undefined ? {} : { timeoutMs: options.smtpTimeoutMs }),
    })
    return email
  }
  return {
    deliver: async (notification) => {
      if (notification.channel === 'email') {
        await emailChannel().send({
          to: notification.recipient,
          subject: notification.subject,
          text: notification.text,
          headers: { 'X-Medcyber-Event': notification.kind },
        })
        return
      }
      const secret = settings.webhooks.find((hook) => hook.url === notification.recipient)?.secret
      await postWebhook(
        {
          url: notification.recipient,
          ...(secret === undefined ? {} : { secret }),
          ...(options.webhookTimeoutMs === undefined
            ? {}
            : { timeoutMs: options.webhookTimeoutMs }),
        },
        {
          id: notification.id,
          kind: notification.kind,
          subject: notification.subject,
          text: notification.text,
          productId: notification.productId,
          createdAt: notification.createdAt,
          data: notification.data,
        },
      )
    },
    close: () => {
      email?.close()
    },
  }
}
