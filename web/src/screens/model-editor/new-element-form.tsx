import { useState, type SyntheticEvent } from 'react'

import { OWNERS } from '../../../../src/core/model/vocabulary.js'
import { common } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { Field } from './form-field.js'
import { BoundaryOptions, TextField, useNewId, VocabularyField } from './form-parts.js'
import { messages } from './messages.js'
import { idOf, type Entry, type ModelLists } from './model-entries.js'
import { newElement } from './new-entries.js'
import type { Problem } from './problems.js'

/** A form-level message shown like a problem placed on a field. */
export const localProblem = (message: string | undefined): readonly Problem[] =>
  message === undefined
    ? []
    : [
        {
          key: 'local',
          severity: 'error',
          message,
          location: undefined,
          list: undefined,
          entry: undefined,
          field: undefined,
        },
      ]

export const NewElementForm = ({
  lists,
  elementKinds,
  onCreate,
  onCancel,
}: {
  readonly lists: ModelLists
  readonly elementKinds: readonly string[]
  readonly onCreate: (entry: Entry, boundaryId: string | undefined) => void
  readonly onCancel: () => void
}) => {
  const t = useMessages(messages)
  const shared = useMessages(common)
  const [name, setName] = useState('')
  const [kind, setKind] = useState(elementKinds[0] ?? '')
  const [owner, setOwner] = useState<string>('manufacturer')
  const [boundary, setBoundary] = useState('')
  const [tried, setTried] = useState(false)
  const { id, setId, problem } = useNewId(name, new Set(lists.elements.map(idOf)), 'element')
  const nameProblem = tried && name.trim() === '' ? t.required : undefined

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    setTried(true)
    if (name.trim() === '' || problem !== undefined) return
    onCreate(
      newElement({ id, name: name.trim(), kind, owner }),
      boundary === '' ? undefined : boundary,
    )
  }

  return (
    <form className="model-editor-form" onSubmit={submit} noValidate>
      <TextField
        label={t.name}
        control="name"
        problems={localProblem(nameProblem)}
        required
        value={name}
        onChange={(value) => {
          setName(value)
        }}
      />
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
        prefix="kind"
        values={elementKinds}
        value={kind}
        onChange={(value) => {
          setKind(value)
        }}
      />
      <VocabularyField
        label={t.owner}
        control="owner"
        prefix="owner"
        values={OWNERS}
        value={owner}
        onChange={(value) => {
          setOwner(value)
        }}
      />
      <Field label={t.inBoundary} control="boundary">
        {(props) => (
          <select
            {...props}
            value={boundary}
            onChange={(event) => {
              setBoundary(event.target.value)
            }}
          >
            <option value="">{t.outsideBoundaries}</option>
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
