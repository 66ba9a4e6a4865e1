import { useState, type SyntheticEvent } from 'react'

import { useMessages } from '../../i18n/messages.js'
import { NO_AUDIT_FILTERS, type AuditFilters } from './audit-query.js'
import { messages } from './messages.js'

/** The route's filters, applied together; the known actors and actions are suggested. */
export const AuditFilterForm = ({
  applied,
  onApply,
  actors,
  actions,
}: {
  readonly applied: AuditFilters
  readonly onApply: (filters: AuditFilters) => void
  readonly actors: readonly string[]
  readonly actions: readonly string[]
}) => {
  const t = useMessages(messages)
  const [draft, setDraft] = useState(applied)
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    onApply(draft)
  }
  const field = (name: keyof AuditFilters) => ({
    value: draft[name],
    onChange: (event: { target: { value: string } }) => {
      setDraft({ ...draft, [name]: event.target.value })
    },
  })
  return (
    <form className="toolbar audit-filters" onSubmit={submit}>
      <label>
        {t.actor}
        <input type="text" list="audit-actors" placeholder={t.actorHint} {...field('actor')} />
      </label>
      <datalist id="audit-actors">
        {actors.map((actor) => (
          <option key={actor} value={actor} />
        ))}
      </datalist>
      <label>
        {t.action}
        <input type="text" list="audit-actions" placeholder={t.actionHint} {...field('action')} />
      </label>
      <datalist id="audit-actions">
        {actions.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <label>
        {t.from}
        <input type="date" {...field('from')} />
      </label>
      <label>
        {t.to}
        <input type="date" {...field('to')} />
      </label>
      <button type="submit">{t.apply}</button>
      <button
        type="button"
        onClick={() => {
          setDraft(NO_AUDIT_FILTERS)
          onApply(NO_AUDIT_FILTERS)
        }}
      >
        {t.clear}
      </button>
    </form>
  )
}
