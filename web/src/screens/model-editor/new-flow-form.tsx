import { useState, type SyntheticEvent } from 'react'

import { common, termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { ChoiceGroup, Field } from './form-field.js'
import { ElementOptions, TextField, useNewId } from './form-parts.js'
import { messages } from './messages.js'
import { findEntry, idOf, nameOf, type Entry, type ModelLists } from './model-entries.js'
import { newDataFlow, suggestedFlowName } from './new-entries.js'
import { localProblem } from './new-element-form.js'

/**
 * A new data flow: its two ends (filled in when it was drawn on the diagram), name, protocol and
 * payload. Everything else starts at "none" and is edited once it exists.
 */
export const NewFlowForm = ({
  lists,
  payloads,
  from: initialFrom,
  to: initialTo,
  onCreate,
  onCancel,
}: {
  readonly lists: ModelLists
  readonly payloads: readonly string[]
  readonly from: string
  readonly to: string
  readonly onCreate: (entry: Entry) => void
  readonly onCancel: () => void
}) => {
  const t = useMessages(messages)
  const shared = useMessages(common)
  const [from, setFrom] = useState(initialFrom)
  const [to, setTo] = useState(initialTo)
  const [typedName, setTypedName] = useState<string | undefined>(undefined)
  const [protocol, setProtocol] = useState('')
  const [payload, setPayload] = useState<readonly string[]>(['data'])
  const [tried, setTried] = useState(false)
  const name =
    typedName ??
    suggestedFlowName(
      nameOf(findEntry(lists.elements, from)),
      nameOf(findEntry(lists.elements, to)),
    )
  const { id, setId, problem } = useNewId(
    from === '' || to === '' ? '' : `${from} to ${to}`,
    new Set(lists.dataFlows.map(idOf)),
    'data-flow',
  )
  const fromProblem = tried && from === '' ? t.required : undefined
  const toProblem =
    tried && to === '' ? t.required : from !== '' && from === to ? t.sameEnds : undefined
  const missing = (value: string) => (tried && value.trim() === '' ? t.required : undefined)

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    setTried(true)
    const incomplete = [from, to, name, protocol].some((value) => value.trim() === '')
    if (incomplete || from === to || payload.length === 0 || problem !== undefined) return
    onCreate(newDataFlow({ id, name: name.trim(), from, to, protocol: protocol.trim(), payload }))
  }

  return (
    <form className="model-editor-form" onSubmit={submit} noValidate>
      <Field label={t.from} control="from" problems={localProblem(fromProblem)}>
        {(props) => (
          <select
            {...props}
            required
            value={from}
            onChange={(event) => {
              setFrom(event.target.value)
            }}
          >
            <option value="">{t.chooseElement}</option>
            <ElementOptions elements={lists.elements} />
          </select>
        )}
      </Field>
      <Field label={t.to} control="to" problems={localProblem(toProblem)}>
        {(props) => (
          <select
            {...props}
            required
            value={to}
            onChange={(event) => {
              setTo(event.target.value)
            }}
          >
            <option value="">{t.chooseElement}</option>
            <ElementOptions elements={lists.elements} />
          </select>
        )}
      </Field>
      <TextField
        label={t.name}
        control="name"
        problems={localProblem(missing(name))}
        required
        value={name}
        onChange={(value) => {
          setTypedName(value)
        }}
      />
      <Field
        label={t.id}
        control="id"
        hint={t.idHelp}
        problems={localProblem(from === '' || to === '' ? undefined : problem)}
      >
        {(props) => (
          <input
            {...props}
            value={id}
            spellCheck={false}
            onChange={(event) => {
              setId(event.target.value)
            }}
          />
        )}
      </Field>
      <Field
        label={t.protocol}
        control="protocol"
        hint={t.protocolHint}
        problems={localProblem(missing(protocol))}
      >
        {(props) => (
          <input
            {...props}
            required
            value={protocol}
            onChange={(event) => {
              setProtocol(event.target.value)
            }}
          />
        )}
      </Field>
      <ChoiceGroup
        legend={t.payload}
        control="payload"
        options={payloads}
        chosen={payload}
        label={(option) => termOf(t, 'payload', option)}
        problems={localProblem(tried && payload.length === 0 ? t.payloadRequired : undefined)}
        onChange={setPayload}
      />
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
