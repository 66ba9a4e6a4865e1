import type { NotificationSettings, NotificationSettingsUpdate } from './settings-types.js'

/** A webhook as the form edits it: a configured one keeps its URL unless a new one is typed. */
export interface WebhookDraft {
  readonly id?: string
  /** The masked URL of a configured webhook. */
  readonly shownUrl?: string
  readonly url: string
  readonly secret: string
  readonly secretSet: boolean
  readonly clearSecret: boolean
}

export interface SettingsDraft {
  readonly smtpUrl: string
  readonly security: NotificationSettings['email']['security']
  readonly from: string
  /** One address per line (commas work too). */
  readonly recipients: string
  readonly webhooks: readonly WebhookDraft[]
  /** e.g. `7, 1` */
  readonly leadDays: string
}

export const draftOf = (settings: NotificationSettings): SettingsDraft => ({
  smtpUrl: settings.email.smtpUrl ?? '',
  security: settings.email.security,
  from: settings.email.from ?? '',
  recipients: settings.email.recipients.join('\n'),
  webhooks: settings.webhooks.map((hook) => ({
    id: hook.id,
    shownUrl: hook.url,
    url: '',
    secret: '',
    secretSet: hook.secretSet,
    clearSecret: false,
  })),
  leadDays: settings.reminderLeadDays.join(', '),
})

export const NEW_WEBHOOK: WebhookDraft = {
  url: '',
  secret: '',
  secretSet: false,
  clearSecret: false,
}

const items = (text: string): string[] =>
  text
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')

const secretOf = (hook: WebhookDraft): { secret?: string | null } =>
  hook.clearSecret ? { secret: null } : hook.secret === '' ? {} : { secret: hook.secret }

/**
 * The PUT body: empty fields are null, a configured webhook without a new URL is sent by its id
 * (the server keeps its URL), an empty secret keeps the stored one. A lead time that is not a
 * number goes as it is, for the server to name.
 */
export const updateOf = (draft: SettingsDraft): NotificationSettingsUpdate => ({
  email: {
    smtpUrl: draft.smtpUrl.trim() === '' ? null : draft.smtpUrl.trim(),
    security: draft.security,
    from: draft.from.trim() === '' ? null : draft.from.trim(),
    recipients: [...new Set(items(draft.recipients))],
  },
  webhooks: draft.webhooks
    .filter((hook) => hook.id !== undefined || hook.url.trim() !== '')
    .map((hook) => ({
      ...(hook.id === undefined ? {} : { id: hook.id }),
      ...(hook.url.trim() === '' ? {} : { url: hook.url.trim() }),
      ...secretOf(hook),
    })),
  reminderLeadDays: items(draft.leadDays).map(Number),
})
