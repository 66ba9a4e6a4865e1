import { useState, type InputHTMLAttributes } from 'react'

import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { boundaryTree, depthOf } from './boundary-tree.js'
import { Field } from './form-field.js'
import { idFromName, isValidId, uniqueId } from './entry-ids.js'
import { messages } from './messages.js'
import { idOf, nameOf, type Entry } from './model-entries.js'
import type { Problem } from './problems.js'

/** Options for a closed set of words, labelled in the user's language; keeps an unknown value. */
export const VocabularyOptions = ({
  prefix,
  values,
  current,
}: {
  readonly prefix: string
  readonly values: readonly string[]
  readonly current?: string
}) => {
  const t = useMessages(messages)
  const all =
    current === undefined || current === '' || values.includes(current)
      ? values
      : [current, ...values]
  return (
    <>
      {all.map((value) => (
        <option key={value} value={value}>
          {termOf(t, prefix, value)}
        </option>
      ))}
    </>
  )
}

/** The model's elements by name (ids tell apart two of the same name). */
export const ElementOptions = ({ elements }: { readonly elements: readonly Entry[] }) => (
  <>
    {elements.map((element) => (
      <option key={idOf(element)} value={idOf(element)}>
        {nameOf(element)}
      </option>
    ))}
  </>
)

/** Trust boundaries indented by nesting, so the select shows where each one is. */
export const BoundaryOptions = ({
  boundaries,
  only,
}: {
  readonly boundaries: readonly Entry[]
  readonly only?: readonly string[]
}) => {
  const tree = boundaryTree(boundaries)
  return (
    <>
      {boundaries
        .filter((boundary) => only === undefined || only.includes(idOf(boundary)))
        .map((boundary) => (
          <option key={idOf(boundary)} value={idOf(boundary)}>
            {`${'\u2003'.repeat(depthOf(tree, idOf(boundary)))}${nameOf(boundary)}`}
          </option>
        ))}
    </>
  )
}

/**
 * A new entry's id: made from its name until the user types one, always unique in its list.
 * Returns the id and the problem with it, if any.
 */
export const useNewId = (name: string, taken: ReadonlySet<string>, fallback: string) => {
  const t = useMessages(messages)
  const [typed, setTyped] = useState<string | undefined>(undefined)
  const id = typed ?? uniqueId(idFromName(name, fallback), taken)
  const problem = !isValidId(id) ? t.idInvalid : taken.has(id) ? t.idTaken : undefined
  return { id, setId: setTyped, problem }
}

/** Delete with a second step that says what goes with the entry. */
export const DeleteEntry = ({
  warning,
  onDelete,
}: {
  readonly warning: string
  readonly onDelete: () => void
}) => {
  const t = useMessages(messages)
  const [confirming, setConfirming] = useState(false)
  if (!confirming) {
    return (
      <div className="model-editor-delete">
        <button
          type="button"
          className="danger"
          onClick={() => {
            setConfirming(true)
          }}
        >
          {t.delete}
        </button>
      </div>
    )
  }
  return (
    <div className="model-editor-delete notice" role="alert">
      <p>{warning}</p>
      <button type="button" className="danger" onClick={onDelete}>
        {t.confirmDelete}
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setConfirming(false)
        }}
      >
        {t.keepIt}
      </button>
    </div>
  )
}

interface FieldProps {
  readonly label: string
  readonly control: string
  readonly problems?: readonly Problem[] | undefined
  readonly hint?: string | undefined
  readonly value: string
  readonly onChange: (value: string) => void
}

/** A labelled text input (see Field); other input attributes go to the input. */
export const TextField = ({
  label,
  control,
  problems,
  hint,
  value,
  onChange,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>) => (
  <Field label={label} control={control} problems={problems} hint={hint}>
    {(props) => (
      <input
        {...input}
        {...props}
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
      />
    )}
  </Field>
)

/** A labelled select over a closed set of words (see VocabularyOptions). */
export const VocabularyField = ({
  label,
  control,
  problems,
  hint,
  value,
  onChange,
  prefix,
  values,
  current,
}: FieldProps & {
  readonly prefix: string
  readonly values: readonly string[]
  readonly current?: string
}) => (
  <Field label={label} control={control} problems={problems} hint={hint}>
    {(props) => (
      <select
        {...props}
        value={value}
        onChange={(event) => {
          onChange(event.target.value)
        }}
      >
        <VocabularyOptions
          prefix={prefix}
          values={values}
          {...(current === undefined ? {} : { current })}
        />
      </select>
    )}
  </Field>
)
