import { useState, type SyntheticEvent } from 'react'

import { common } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { Field } from './form-field.js'
import { BoundaryOptions, TextField, useNewId, VocabularyField } from './form-parts.js'
import { messages } from './messages.js'
import { idOf, type Entry, type ModelLists } from './model-entries.js'
import { newTrustBoundary } from './new-entries.js'
import { localProblem } from './new-element-form.js'

/** A new trust boundary, top-level or inside another; elements are then moved into it. */
export const NewBoundaryForm = ({
  lists,
  boundaryKinds,
  onCreate,
  onCancel,
}: {
  readonly lists: ModelLists
  readonly boundaryKinds: readonly string[]
  readonly onCreate: (entry: Entry, parentId: string | undefined) => void
  readonly onCancel: () => void
}) => {
  const t = useMessages(messages)
  const shared = useMessages(common)
  const [name, setName] = useState('')
  const [kind, setKind] = useState(boundaryKinds[0] ?? '')
  const [parent, setParent] = useState('')
  const [tried, setTried] = useState(false)
  const { id, setId, problem } = useNewId(
    name,
    new Set(lists.trustBoundaries.map(idOf)),
    'boundary',
  )

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    setTried(true)
    if (name.trim() === '' || problem !== undefined) return
    onCreate(newTrustBoundary({ id, name: name.trim(), kind }), parent === '' ? undefined : parent)
  }

  return (
    <form className="model-editor-form" onSubmit={submit} noValidate>
      <Field
        label={t.name}
        control="name"
        problems={localProblem(tried && name.trim() === '' ? t.required : undefined)}
      >
        {(props) => (
          <input
            {...props}
            required
            value={name}
            onChange={(event) => {
              setName(event.target.value)
            }}
          />
        )}
      </Field>
      <TextField
        label={t.id}
        control="id"
        hint={t.idHelp}
        problems={localProblem(problem)}
        spellCheck={false}
        value={id}
        onChange={(value) => {
          setId(value)
        }}
      />
      <VocabularyField
        label={t.kind}
        control="kind"
        prefix="boundaryKind"
        values={boundaryKinds}
        value={kind}
        onChange={(value) => {
          setKind(value)
        }}
      />
      <Field label={t.parentBoundary} control="parent">
        {(props) => (
          <select
            {...props}
            value={parent}
            onChange={(event) => {
              setParent(event.target.value)
            }}
          >
            <option value="">{t.topLevel}</option>
            <BoundaryOptions boundaries={lists.trustBoundaries} />
          </select>
        )}
      </Field>
      <div className="model-editor-actions">
        <button type="submit" className="primary">
          {t.add}
        </button>
        <button type="button" onClick={onCancel}>
          {shared.cancel}
        </button>
      </div>
    </form>
  )
}
