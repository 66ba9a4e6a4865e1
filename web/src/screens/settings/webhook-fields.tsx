import { useMessages } from '../../i18n/messages.js'
import { messages } from './messages.js'
import type { WebhookDraft } from './settings-draft.js'

/** One webhook of the form: its URL (masked when configured), its secret, remove. */
export const WebhookFields = ({
  hook,
  index,
  onChange,
  onRemove,
}: {
  readonly hook: WebhookDraft
  readonly index: number
  readonly onChange: (next: WebhookDraft) => void
  readonly onRemove: () => void
}) => {
  const t = useMessages(messages)
  const prefix = `webhook-${String(index)}`
  return (
    <fieldset className="settings-webhook">
      <label htmlFor={`${prefix}-url`}>{t.webhookUrl}</label>
      <div>
        {hook.shownUrl !== undefined && <code className="settings-shown">{hook.shownUrl}</code>}
        <input
          id={`${prefix}-url`}
          type="url"
          value={hook.url}
          placeholder={hook.shownUrl === undefined ? 'https://' : t.newUrlHint}
          onChange={(event) => {
            onChange({ ...hook, url: event.target.value })
          }}
        />
      </div>
      <label htmlFor={`${prefix}-secret`}>{t.secret}</label>
      <div>
        <input
          id={`${prefix}-secret`}
          type="password"
          autoComplete="off"
          value={hook.secret}
          disabled={hook.clearSecret}
          placeholder={hook.secretSet ? t.secretKept : ''}
          onChange={(event) => {
            onChange({ ...hook, secret: event.target.value })
          }}
        />
        {hook.secretSet && (
          <label className="settings-inline">
            <input
              type="checkbox"
              checked={hook.clearSecret}
              onChange={(event) => {
                onChange({ ...hook, clearSecret: event.target.checked, secret: '' })
              }}
            />{' '}
            {t.removeSecret}
          </label>
        )}
      </div>
      <div />
      <div>
        <button type="button" onClick={onRemove}>
          {t.removeWebhook}
        </button>
      </div>
    </fieldset>
  )
}
