import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type SyntheticEvent } from 'react'

import { productPath, request } from '../../api/client.js'
import type { ClockEvidenceBody, RegulatoryClock } from '../../api/types.js'
import { useMessages } from '../../i18n/messages.js'
import { ErrorBox } from '../../ui/query-state.js'
import { CLOCKS_KEY } from './clock-queries.js'
import { messages } from './messages.js'

/** Today in the browser's own zone: the day a person means by "today". */
const localToday = (): string => {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Records the evidence that a clock's obligation was met. */
export const EvidenceForm = ({
  clock,
  onDone,
}: {
  readonly clock: RegulatoryClock
  readonly onDone: () => void
}) => {
  const t = useMessages(messages)
  const client = useQueryClient()
  const [metOn, setMetOn] = useState(localToday)
  const [note, setNote] = useState('')
  const [documentId, setDocumentId] = useState('')
  const [url, setUrl] = useState('')
  const save = useMutation({
    mutationFn: (body: ClockEvidenceBody) =>
      request<RegulatoryClock>(
        productPath(clock.productId, `/clocks/${encodeURIComponent(clock.id)}/evidence`),
        { method: 'POST', body },
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: CLOCKS_KEY })
      onDone()
    },
  })
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    save.mutate({
      metOn,
      note: note.trim(),
      ...(documentId.trim() === '' ? {} : { documentId: documentId.trim() }),
      ...(url.trim() === '' ? {} : { url: url.trim() }),
    })
  }
  return (
    <form className="evidence-form" onSubmit={submit}>
      <label>
        {t.metOn}
        <input
          type="date"
          required
          value={metOn}
          onChange={(event) => {
            setMetOn(event.target.value)
          }}
        />
      </label>
      <label>
        {t.note}
        <textarea
          required
          maxLength={4000}
          value={note}
          onChange={(event) => {
            setNote(event.target.value)
          }}
        />
      </label>
      <label>
        {t.documentId}
        <input
          value={documentId}
          onChange={(event) => {
            setDocumentId(event.target.value)
          }}
        />
      </label>
      <label>
        {t.url}
        <input
          type="url"
          value={url}
          onChange={(event) => {
            setUrl(event.target.value)
          }}
        />
      </label>
      {save.error !== null && <ErrorBox error={save.error} />}
      <div className="form-actions">
        <button type="submit" disabled={save.isPending || note.trim() === ''}>
          {t.save}
        </button>
        <button type="button" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  )
}
