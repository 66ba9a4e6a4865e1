import { describe, expect, it } from 'vitest'

import {
  configuredRecipients,
  DEFAULT_NOTIFICATION_SETTINGS,
  notificationSettingsOf,
  viewNotificationSettings,
  type NotificationSettings,
} from './notification-settings.js'
import {
  applyNotificationSettingsUpdate,
  type NotificationSettingsUpdate,
} from './notification-settings-update.js'

const STORED: NotificationSettings = {
  email: {
    smtpUrl: 'smtp://alerts%40example.com:s3cret%21@mail.example.com:587',
    security: 'starttls',
    from: 'medcyber@example.com',
    recipients: ['psirt@example.com'],
  },
  webhooks: [
    { id: 'hook-1', url: 'https://hooks.slack.com/services/T00/B00/XXXXtoken', secret: 'k' },
  ],
  reminderLeadDays: [7, 1],
}

const asSent = (change: Partial<NotificationSettingsUpdate> = {}): NotificationSettingsUpdate => ({
  ...viewNotificationSettings(STORED),
  webhooks: [{ id: 'hook-1' }],
  ...change,
})

let ids = 0
const newId = () => `new-${String((ids += 1))}`

describe('notification settings', () => {
  it('shows no password, secret or webhook token', () => {
    const view = viewNotificationSettings(STORED)
    const text = JSON.stringify(view)
    expect(text).not.toContain('s3cret')
    expect(text).not.toContain('XXXXtoken')
    expect(text).not.toContain('"k"')
    expect(view.email).toMatchObject({
      smtpUrl: 'smtp://alerts%40example.com:********@mail.example.com:587',
      passwordSet: true,
    })
    expect(view.webhooks).toEqual([
      { id: 'hook-1', url: 'https://hooks.slack.com/…oken', secretSet: true },
    ])
  })

  it('keeps what a form filled from the view sends back unchanged', () => {
    const updated = applyNotificationSettingsUpdate(STORED, asSent(), newId)
    expect(updated).toEqual({ ok: true, value: STORED })
  })

  it.each<
    [string, Partial<NotificationSettingsUpdate>, (value: NotificationSettings) => unknown, unknown]
  >([
    [
      'a new password replaces the stored one',
      {
        email: {
          ...asSent().email,
          smtpUrl: 'smtp://alerts%40example.com:n3w@mail.example.com:587',
        },
      },
      (value) => value.email.smtpUrl,
      'smtp://alerts%40example.com:n3w@mail.example.com:587',
    ],
    [
      'a null secret removes it, the URL stays',
      { webhooks: [{ id: 'hook-1', secret: null }] },
      (value) => value.webhooks,
      [{ id: 'hook-1', url: 'https://hooks.slack.com/services/T00/B00/XXXXtoken' }],
    ],
    [
      'a webhook without id is added with a new one',
      { webhooks: [{ id: 'hook-1' }, { url: 'https://chat.example.com/hooks/abc' }] },
      (value) => value.webhooks.map((hook) => hook.id),
      ['hook-1', 'new-1'],
    ],
    [
      'lead days are sorted, latest first, without repeats',
      { reminderLeadDays: [1, 30, 7, 1] },
      (value) => value.reminderLeadDays,
      [30, 7, 1],
    ],
    [
      'no e-mail at all',
      { email: { smtpUrl: null, security: 'starttls', from: null, recipients: [] } },
      (value) => configuredRecipients(value),
      [{ channel: 'webhook', address: 'https://hooks.slack.com/services/T00/B00/XXXXtoken' }],
    ],
  ])('%s', (_label, change, pick, expected) => {
    const updated = applyNotificationSettingsUpdate(STORED, asSent(change), newId)
    if (!updated.ok) throw new Error(JSON.stringify(updated.error))
    expect(pick(updated.value)).toEqual(expected)
  })

  it.each<[string, Partial<NotificationSettingsUpdate>, string, RegExp]>([
    [
      'not an SMTP URL',
      { email: { ...asSent().email, smtpUrl: 'http://mail.example.com' } },
      '/email/smtpUrl',
      /not an SMTP URL/,
    ],
    [
      'a masked password with none stored',
      { email: { ...asSent().email, smtpUrl: 'smtp://u:********@other.example.com' } },
      '/email/smtpUrl',
      /none is stored/,
    ],
    [
      'a recipient that is no address',
      { email: { ...asSent().email, recipients: ['psirt'] } },
      '/email/recipients/0',
      /not an e-mail address: psirt/,
    ],
    [
      'an unknown webhook id',
      { webhooks: [{ id: 'hook-9' }] },
      '/webhooks/0/id',
      /no webhook hook-9/,
    ],
    [
      'a webhook that is not http(s)',
      { webhooks: [{ url: 'ftp://example.com/x' }] },
      '/webhooks/0/url',
      /not an http\(s\) URL/,
    ],
    ['a negative lead time', { reminderLeadDays: [-1] }, '/reminderLeadDays/0', /whole number/],
  ])('refuses %s, saying where', (_label, change, path, message) => {
    const stored =
      path === '/email/smtpUrl' && /none is stored/.test(message.source)
        ? DEFAULT_NOTIFICATION_SETTINGS
        : STORED
    const updated = applyNotificationSettingsUpdate(stored, asSent(change), newId)
    expect(updated.ok).toBe(false)
    if (updated.ok) return
    expect(updated.error.find((problem) => problem.path === path)?.message).toMatch(message)
  })

  it('reads defaults for a value never written or of another shape', () => {
    expect(notificationSettingsOf(undefined)).toEqual(DEFAULT_NOTIFICATION_SETTINGS)
    expect(notificationSettingsOf({ email: 'x' })).toEqual(DEFAULT_NOTIFICATION_SETTINGS)
    expect(notificationSettingsOf(STORED)).toEqual(STORED)
    expect(DEFAULT_NOTIFICATION_SETTINGS.reminderLeadDays).toEqual([7, 1])
  })
})
