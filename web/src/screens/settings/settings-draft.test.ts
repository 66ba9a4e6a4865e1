import { describe, expect, it } from 'vitest'

import { draftOf, NEW_WEBHOOK, updateOf } from './settings-draft.js'

const STORED = {
  email: {
    smtpUrl: 'smtp://u:********@mail.example.com:587',
    passwordSet: true,
    security: 'starttls' as const,
    from: 'medcyber@example.com',
    recipients: ['psirt@example.com', 'qa@example.com'],
  },
  webhooks: [{ id: 'hook-1', url: 'https://hooks.slack.com/…oken', secretSet: true }],
  reminderLeadDays: [7, 1],
}

describe('notification settings form', () => {
  it('sends back what it was filled with, keeping secrets by leaving them out', () => {
    expect(updateOf(draftOf(STORED))).toEqual({
      email: {
        smtpUrl: 'smtp://u:********@mail.example.com:587',
        security: 'starttls',
        from: 'medcyber@example.com',
        recipients: ['psirt@example.com', 'qa@example.com'],
      },
      webhooks: [{ id: 'hook-1' }],
      reminderLeadDays: [7, 1],
    })
  })

  it('turns edits into the update the server expects', () => {
    const draft = draftOf(STORED)
    const update = updateOf({
      ...draft,
      smtpUrl: ' ',
      recipients: 'a@example.com, b@example.com\n\na@example.com',
      webhooks: [
        { ...draft.webhooks[0]!, clearSecret: true },
        { ...NEW_WEBHOOK, url: ' https://chat.example.com/h ', secret: 'k' },
        NEW_WEBHOOK,
      ],
      leadDays: '30, 7,soon',
    })
    expect(update).toEqual({
      email: {
        smtpUrl: null,
        security: 'starttls',
        from: 'medcyber@example.com',
        recipients: ['a@example.com', 'b@example.com'],
      },
      webhooks: [
        { id: 'hook-1', secret: null },
        { url: 'https://chat.example.com/h', secret: 'k' },
      ],
      reminderLeadDays: [30, 7, Number.NaN],
    })
  })
})
