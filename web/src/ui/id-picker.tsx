import { useId, useState } from 'react'

import type { IdOption } from '../api/model-ids.js'
import { addTypedIds, toggleId } from './id-list.js'
import './id-picker.css'

/**
 * A set of model ids to link: a checkbox per known id, and a field for an id the list does not
 * offer (the API has no list of some kinds; the save checks the id against the model).
 */
export const IdPicker = ({
  legend,
  hint,
  options,
  value,
  onChange,
  addLabel,
  addButton,
  rejectedText,
}: {
  readonly legend: string
  readonly hint?: string
  readonly options: readonly IdOption[]
  readonly value: readonly string[]
  readonly onChange: (next: readonly string[]) => void
  readonly addLabel: string
  readonly addButton: string
  readonly rejectedText: (words: string) => string
}) => {
  const [draft, setDraft] = useState('')
  const [rejected, setRejected] = useState<readonly string[]>([])
  const hintId = useId()
  const known = new Set(options.map((option) => option.id))
  const shown: readonly IdOption[] = [
    ...options,
    ...value.filter((id) => !known.has(id)).map((id) => ({ id })),
  ]
  const add = () => {
    const next = addTypedIds(value, draft)
    setRejected(next.rejected)
    setDraft('')
    onChange(next.list)
  }
  return (
    <fieldset className="id-picker" aria-describedby={hint === undefined ? undefined : hintId}>
      <legend>{legend}</legend>
      {hint !== undefined && (
        <p className="muted id-picker-hint" id={hintId}>
          {hint}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="id-picker-list">
          {shown.map((option) => (
            <li key={option.id}>
              <label className="inline" title={option.name ?? option.id}>
                <input
                  type="checkbox"
                  checked={value.includes(option.id)}
                  onChange={(event) => {
                    onChange(toggleId(value, option.id, event.target.checked))
                  }}
                />
                <span className="id-picker-text">
                  <code>{option.id}</code>
                  {option.name !== undefined && <span className="muted">{option.name}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="id-picker-add">
        <input
          aria-label={`${legend}: ${addLabel}`}
          placeholder={addLabel}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value)
          }}
          onKeyDown={(event) => {
            // Enter adds the id rather than submitting the whole form.
            if (event.key === 'Enter') {
              event.preventDefault()
              add()
            }
          }}
        />
        <button type="button" onClick={add} disabled={draft.trim() === ''}>
          {addButton}
        </button>
      </div>
      {rejected.length > 0 && (
        <p className="muted" role="status">
          {rejectedText(rejected.join(', '))}
        </p>
      )}
    </fieldset>
  )
}
