import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type SyntheticEvent } from 'react'

import { request } from '../../api/client.js'
import { common, termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { ErrorBox } from '../../ui/query-state.js'
import { messages } from './messages.js'
import { draftOf, NEW_WEBHOOK, updateOf, type SettingsDraft } from './settings-draft.js'
import type { NotificationSettings, TestResult } from './settings-types.js'
import { WebhookFields } from './webhook-fields.js'

export const SETTINGS_KEY = ['settings', 'notifications']
const SECURITIES = ['starttls', 'tls', 'none'] as const

const TestResults = ({ result }: { readonly result: TestResult }) => {
  const t = useMessages(messages)
  return (
    <ul className="settings-test" aria-live="polite">
      {result.deliveries.map((delivery) => (
        <li key={`${delivery.channel}:${delivery.recipient}`}>
          <code>{delivery.recipient}</code>:{' '}
          {delivery.delivered ? t.delivered : t.notDelivered(delivery.error ?? '')}
        </li>
      ))}
    </ul>
  )
}

/** The notification settings as a form: save replaces them, test sends to every recipient. */
export const SettingsForm = ({ settings }: { readonly settings: NotificationSettings }) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const client = useQueryClient()
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings))
  const change = (next: Partial<SettingsDraft>) => {
    setDraft((current) => ({ ...current, ...next }))
  }
  const save = useMutation({
    mutationFn: (next: SettingsDraft) =>
      request<NotificationSettings>('/settings/notifications', {
        method: 'PUT',
        body: updateOf(next),
      }),
    onSuccess: (stored) => {
      client.setQueryData(SETTINGS_KEY, stored)
      setDraft(draftOf(stored))
    },
  })
  const test = useMutation({
    mutationFn: () => request<TestResult>('/settings/notifications/test', { method: 'POST' }),
  })
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    save.mutate(draft)
  }
  return (
    <form className="settings-form" onSubmit={submit}>
      <fieldset>
        <legend>{t.email}</legend>
        <label htmlFor="smtp-url">{t.smtpUrl}</label>
        <input
          id="smtp-url"
          value={draft.smtpUrl}
          placeholder={t.smtpUrlHint}
          onChange={(event) => {
            change({ smtpUrl: event.target.value })
          }}
        />
        <label htmlFor="smtp-security">{t.security}</label>
        <select
          id="smtp-security"
          value={draft.security}
          onChange={(event) => {
            change({
              security: SECURITIES.find((value) => value === event.target.value) ?? 'starttls',
            })
          }}
        >
          {SECURITIES.map((value) => (
            <option key={value} value={value}>
              {termOf(t, 'security', value)}
            </option>
          ))}
        </select>
        <label htmlFor="smtp-from">{t.from}</label>
        <input
          id="smtp-from"
          type="email"
          value={draft.from}
          onChange={(event) => {
            change({ from: event.target.value })
          }}
        />
        <label htmlFor="recipients">{t.recipients}</label>
        <textarea
          id="recipients"
          rows={3}
          value={draft.recipients}
          placeholder={t.recipientsHint}
          onChange={(event) => {
            change({ recipients: event.target.value })
          }}
        />
      </fieldset>
      <fieldset>
        <legend>{t.webhooks}</legend>
        <p className="settings-note">{t.webhooksLead}</p>
        {draft.webhooks.map((hook, index) => (
          <WebhookFields
            key={hook.id ?? `new-${String(index)}`}
            hook={hook}
            index={index}
            onChange={(next) => {
              change({ webhooks: draft.webhooks.map((item, i) => (i === index ? next : item)) })
            }}
            onRemove={() => {
              change({ webhooks: draft.webhooks.filter((_, i) => i !== index) })
            }}
          />
        ))}
        <button
          type="button"
          onClick={() => {
            change({ webhooks: [...draft.webhooks, NEW_WEBHOOK] })
          }}
        >
          {t.addWebhook}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t.reminders}</legend>
        <label htmlFor="lead-days">{t.leadDays}</label>
        <input
          id="lead-days"
          value={draft.leadDays}
          placeholder={t.leadDaysHint}
          onChange={(event) => {
            change({ leadDays: event.target.value })
          }}
        />
      </fieldset>
      <div className="settings-actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? t.saving : c.save}
        </button>
        <button
          type="button"
          disabled={test.isPending}
          onClick={() => {
            test.mutate()
          }}
        >
          {test.isPending ? t.sending : t.sendTest}
        </button>
        {save.isSuccess && <span role="status">{t.saved}</span>}
      </div>
      {save.error !== null && <ErrorBox error={save.error} />}
      {test.error !== null && <ErrorBox error={test.error} />}
      {test.data !== undefined && <TestResults result={test.data} />}
    </form>
  )
}
