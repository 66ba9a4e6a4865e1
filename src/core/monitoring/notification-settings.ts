import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** The key of the notification settings in the settings table. */
export const NOTIFICATION_SETTINGS_KEY = 'notifications'

export const NOTIFICATION_CHANNELS = ['email', 'webhook'] as const
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

/**
 * How the SMTP connection is protected: `starttls` upgrades a plain connection and refuses a
 * server that cannot (port 587), `tls` speaks TLS from the start (port 465), `none` sends in the
 * clear (a relay on the same host only).
 */
export const SMTP_SECURITY = ['starttls', 'tls', 'none'] as const
export type SmtpSecurity = (typeof SMTP_SECURITY)[number]

/** Days before a deadline that reminders go out, when nobody configured any. */
export const DEFAULT_REMINDER_LEAD_DAYS: readonly number[] = [7, 1]

/** What a GET shows in place of a password or secret. */
export const SECRET_MASK = '********'

const StoredWebhook = Type.Object({
  id: Type.String({ minLength: 1 }),
  url: Type.String({ minLength: 1 }),
  secret: Type.Optional(Type.String({ minLength: 1 })),
})

/** The stored value, secrets included; only the server and the workers read it. */
export const NotificationSettingsSchema = Type.Object({
  email: Type.Object({
    smtpUrl: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    security: Type.Union([Type.Literal('starttls'), Type.Literal('tls'), Type.Literal('none')]),
    from: Type.Union([Type.String({ minLength: 1 }), Type.Null()]),
    recipients: Type.Array(Type.String({ minLength: 1 })),
  }),
  webhooks: Type.Array(StoredWebhook),
  reminderLeadDays: Type.Array(Type.Integer({ minimum: 0 })),
})
export type NotificationSettings = Static<typeof NotificationSettingsSchema>
export type StoredWebhook = Static<typeof StoredWebhook>

export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = {
  email: { smtpUrl: null, security: 'starttls', from: null, recipients: [] },
  webhooks: [],
  reminderLeadDays: [...DEFAULT_REMINDER_LEAD_DAYS],
}

/**
 * The settings from their stored JSON: the defaults when never written, or when a value no
 * longer fits the shape (written by another version): sending nowhere beats crashing every job.
 */
export const notificationSettingsOf = (value: unknown): NotificationSettings =>
  Value.Check(NotificationSettingsSchema, value) ? value : DEFAULT_NOTIFICATION_SETTINGS

/** Who a notification goes to when its sender names nobody: every configured channel. */
export interface NotificationRecipient {
  readonly channel: NotificationChannel
  /** An e-mail address or a webhook URL. */
  readonly address: string
}

export const configuredRecipients = (
  settings: NotificationSettings,
): readonly NotificationRecipient[] => [
  ...(settings.email.smtpUrl === null
    ? []
    : settings.email.recipients.map((address) => ({ channel: 'email' as const, address }))),
  ...settings.webhooks.map((hook) => ({ channel: 'webhook' as const, address: hook.url })),
]

/** The settings as an administrator may see them: passwords, secrets and webhook tokens masked. */
export interface NotificationSettingsView {
  readonly email: {
    /** The URL with its password replaced by the mask. */
    readonly smtpUrl: string | null
    readonly passwordSet: boolean
    readonly security: SmtpSecurity
    readonly from: string | null
    readonly recipients: readonly string[]
  }
  readonly webhooks: readonly {
    readonly id: string
    /** Scheme, host and the path's last characters: chat webhook URLs carry their token. */
    readonly url: string
    readonly secretSet: boolean
  }[]
  readonly reminderLeadDays: readonly number[]
}

const parsedUrl = (text: string): URL | undefined => {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

const maskedSmtpUrl = (text: string): string => {
  const url = parsedUrl(text)
  if (url === undefined || url.password === '') return text
  // `*` needs no percent-encoding in userinfo, so the mask reads back as itself.
  url.password = SECRET_MASK
  return url.toString()
}

const SHOWN_TAIL = 4

/** A webhook URL's token sits in its path or query (Slack, Teams, Mattermost). */
export const maskedWebhookUrl = (text: string): string => {
  const url = parsedUrl(text)
  if (url === undefined) return SECRET_MASK
  const rest = `${url.pathname}${url.search}`
  const tail = rest.length > SHOWN_TAIL * 2 ? rest.slice(-SHOWN_TAIL) : ''
  return `${url.protocol}//${url.host}/…${tail}`
}

export const viewNotificationSettings = (
  settings: NotificationSettings,
): NotificationSettingsView => ({
  email: {
    smtpUrl: settings.email.smtpUrl === null ? null : maskedSmtpUrl(settings.email.smtpUrl),
    passwordSet:
      settings.email.smtpUrl !== null && (parsedUrl(settings.email.smtpUrl)?.password ?? '') !== '',
    security: settings.email.security,
    from: settings.email.from,
    recipients: settings.email.recipients,
  },
  webhooks: settings.webhooks.map((hook) => ({
    id: hook.id,
    url: maskedWebhookUrl(hook.url),
    secretSet: hook.secret !== undefined,
  })),
  reminderLeadDays: settings.reminderLeadDays,
})
