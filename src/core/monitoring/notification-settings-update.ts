import { err, ok, type Result } from '../result.js'
import {
  SECRET_MASK,
  type NotificationSettings,
  type SmtpSecurity,
  type StoredWebhook,
} from './notification-settings.js'

/**
 * What an administrator sends: the whole settings, where a masked password, a webhook given by
 * its id alone or an absent secret keep what is stored, so a form filled from a GET can be sent
 * back without ever having held a secret.
 */
export interface NotificationSettingsUpdate {
  readonly email: {
    readonly smtpUrl: string | null
    readonly security: SmtpSecurity
    readonly from: string | null
    readonly recipients: readonly string[]
  }
  readonly webhooks: readonly {
    /** An existing webhook's id: without `url` it keeps its URL. */
    readonly id?: string
    readonly url?: string
    /** Absent keeps the stored secret; null removes it. */
    readonly secret?: string | null
  }[]
  readonly reminderLeadDays: readonly number[]
}

/** One thing wrong with an update: where (a JSON pointer into the body) and what. */
export interface SettingsProblem {
  readonly path: string
  readonly message: string
}

const MAX_LEAD_DAYS = 366

// A plain shape check, not RFC 5322: the SMTP server is the judge; this catches typing slips.
const EMAIL_ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/

const parsedUrl = (text: string): URL | undefined => {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}

/** The SMTP URL to store: a masked password stands for the one stored. */
const smtpUrlOf = (
  update: string | null,
  stored: string | null,
  problems: SettingsProblem[],
): string | null => {
  if (update === null) return null
  const url = parsedUrl(update)
  if (url === undefined || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')) {
    problems.push({
      path: '/email/smtpUrl',
      message: 'not an SMTP URL: write smtp://user:password@host:587 (or smtps:// for port 465)',
    })
    return null
  }
  if (url.hostname === '') {
    problems.push({ path: '/email/smtpUrl', message: 'the SMTP URL names no host' })
    return null
  }
  if (url.password === SECRET_MASK) {
    const kept = stored === null ? undefined : parsedUrl(stored)
    if (kept === undefined || kept.password === '') {
      problems.push({
        path: '/email/smtpUrl',
        message: 'the password is masked but none is stored: type the password',
      })
      return null
    }
    url.password = kept.password
  }
  return url.toString()
}

const checkEmailSection = (
  update: NotificationSettingsUpdate['email'],
  problems: SettingsProblem[],
): void => {
  if (update.from !== null && !EMAIL_ADDRESS.test(update.from.trim())) {
    problems.push({ path: '/email/from', message: `not an e-mail address: ${update.from}` })
  }
  update.recipients.forEach((address, index) => {
    if (!EMAIL_ADDRESS.test(address.trim())) {
      problems.push({
        path: `/email/recipients/${String(index)}`,
        message: `not an e-mail address: ${address}`,
      })
    }
  })
  if (update.smtpUrl !== null && update.from === null) {
    problems.push({ path: '/email/from', message: 'e-mail needs a from address' })
  }
}

const emailOf = (
  update: NotificationSettingsUpdate['email'],
  storedUrl: string | null,
  problems: SettingsProblem[],
): NotificationSettings['email'] => {
  const smtpUrl = smtpUrlOf(update.smtpUrl, storedUrl, problems)
  checkEmailSection(update, problems)
  return {
    smtpUrl,
    security: update.security,
    from: update.from?.trim() ?? null,
    recipients: [...new Set(update.recipients.map((address) => address.trim()))],
  }
}

const httpUrl = (text: string): string | undefined => {
  const parsed = parsedUrl(text)
  return parsed?.protocol === 'https:' || parsed?.protocol === 'http:'
    ? parsed.toString()
    : undefined
}

const webhookOf = (
  item: NotificationSettingsUpdate['webhooks'][number],
  index: number,
  stored: ReadonlyMap<string, StoredWebhook>,
  newId: () => string,
  problems: SettingsProblem[],
): StoredWebhook | undefined => {
  const path = `/webhooks/${String(index)}`
  const known = item.id === undefined ? undefined : stored.get(item.id)
  if (item.id !== undefined && known === undefined) {
    problems.push({ path: `${path}/id`, message: `no webhook ${item.id} is configured` })
    return undefined
  }
  const url = item.url ?? known?.url
  if (url === undefined) {
    problems.push({ path: `${path}/url`, message: 'a new webhook needs its URL' })
    return undefined
  }
  const parsed = httpUrl(url)
  if (parsed === undefined) {
    problems.push({ path: `${path}/url`, message: `not an http(s) URL: ${url}` })
    return undefined
  }
  const secret = item.secret === undefined ? known?.secret : item.secret
  return {
    id: known?.id ?? newId(),
    url: parsed,
    ...(secret === undefined || secret === null || secret === '' ? {} : { secret }),
  }
}

const leadDaysOf = (days: readonly number[], problems: SettingsProblem[]): number[] => {
  days.forEach((day, index) => {
    if (!Number.isInteger(day) || day < 0 || day > MAX_LEAD_DAYS) {
      problems.push({
        path: `/reminderLeadDays/${String(index)}`,
        message: `a reminder lead time is a whole number of days from 0 to ${String(MAX_LEAD_DAYS)}`,
      })
    }
  })
  return [...new Set(days)].sort((a, b) => b - a)
}

/**
 * The settings to store after an update, or every problem with it (each with its place in the
 * request). `newId` names a webhook added now.
 */
export const applyNotificationSettingsUpdate = (
  stored: NotificationSettings,
  update: NotificationSettingsUpdate,
  newId: () => string,
): Result<NotificationSettings, readonly SettingsProblem[]> => {
  const problems: SettingsProblem[] = []
  const email = emailOf(update.email, stored.email.smtpUrl, problems)
  const byId = new Map(stored.webhooks.map((hook) => [hook.id, hook]))
  const webhooks = update.webhooks.flatMap((item, index) => {
    const hook = webhookOf(item, index, byId, newId, problems)
    return hook === undefined ? [] : [hook]
  })
  const reminderLeadDays = leadDaysOf(update.reminderLeadDays, problems)
  if (problems.length > 0) return err(problems)
  return ok({
    email,
    webhooks,
    reminderLeadDays,
  })
}
