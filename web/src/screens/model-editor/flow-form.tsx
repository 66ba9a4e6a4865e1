import {
  ENCRYPTIONS,
  FLOW_AUTHENTICATIONS,
  INTEGRITY_PROTECTIONS,
} from '../../../../src/core/model/vocabulary.js'
import type { Architecture } from '../../api/types.js'
import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { ChoiceGroup, EntryProblems, Field } from './form-field.js'
import {
  DeleteEntry,
  ElementOptions,
  TextField,
  VocabularyField,
  VocabularyOptions,
} from './form-parts.js'
import { messages } from './messages.js'
import {
  idOf,
  objectOf,
  refsOf,
  textOf,
  withField,
  type Entry,
  type ModelLists,
} from './model-entries.js'
import { problemsByControl, type Problem } from './problems.js'

export const FLOW_CONTROLS = [
  'name',
  'from',
  'to',
  'protocol',
  'payload',
  'interfaces',
  'authentication.type',
  'authentication.mechanism',
  'encryption.type',
  'integrity',
  'replayProtection',
  'description',
]

const withNested = (entry: Entry, key: string, field: string, value: string): Entry => ({
  ...entry,
  [key]: withField(objectOf(entry, key), field, value),
})

/** The interfaces to choose from, with any the flow names that the model does not list. */
const interfaceChoices = (
  interfaces: Architecture['interfaces'],
  chosen: readonly string[],
): Architecture['interfaces'] => [
  ...interfaces,
  ...chosen.filter((id) => !interfaces.some((i) => i.id === id)).map((id) => ({ id, name: id })),
]

const EndsFields = ({
  entry,
  lists,
  byControl,
  onChange,
}: {
  readonly entry: Entry
  readonly lists: ModelLists
  readonly byControl: ReadonlyMap<string, readonly Problem[]>
  readonly onChange: (entry: Entry) => void
}) => {
  const t = useMessages(messages)
  return (
    <>
      {(['from', 'to'] as const).map((end) => (
        <Field key={end} label={t[end]} control={end} problems={byControl.get(end)}>
          {(props) => (
            <select
              {...props}
              value={textOf(entry, end)}
              onChange={(event) => {
                onChange({ ...entry, [end]: event.target.value })
              }}
            >
              <ElementOptions elements={lists.elements} />
            </select>
          )}
        </Field>
      ))}
    </>
  )
}

const ProtectionFields = ({
  entry,
  byControl,
  onChange,
}: {
  readonly entry: Entry
  readonly byControl: ReadonlyMap<string, readonly Problem[]>
  readonly onChange: (entry: Entry) => void
}) => {
  const t = useMessages(messages)
  const authentication = objectOf(entry, 'authentication')
  const encryption = objectOf(entry, 'encryption')
  return (
    <>
      <div className="model-editor-pair">
        <Field
          label={t.authentication}
          control="authentication.type"
          problems={byControl.get('authentication.type')}
        >
          {(props) => (
            <select
              {...props}
              value={textOf(authentication, 'type')}
              onChange={(event) => {
                onChange(withNested(entry, 'authentication', 'type', event.target.value))
              }}
            >
              <VocabularyOptions
                prefix="authentication"
                values={FLOW_AUTHENTICATIONS}
                current={textOf(authentication, 'type')}
              />
            </select>
          )}
        </Field>
        <Field
          label={t.encryption}
          control="encryption.type"
          problems={byControl.get('encryption.type')}
        >
          {(props) => (
            <select
              {...props}
              value={textOf(encryption, 'type')}
              onChange={(event) => {
                onChange(withNested(entry, 'encryption', 'type', event.target.value))
              }}
            >
              <VocabularyOptions
                prefix="encryption"
                values={ENCRYPTIONS}
                current={textOf(encryption, 'type')}
              />
            </select>
          )}
        </Field>
      </div>
      <Field
        label={`${t.authentication}: ${t.mechanism}`}
        control="authentication.mechanism"
        problems={byControl.get('authentication.mechanism')}
      >
        {(props) => (
          <input
            {...props}
            value={textOf(authentication, 'mechanism')}
            onChange={(event) => {
              onChange(withNested(entry, 'authentication', 'mechanism', event.target.value))
            }}
          />
        )}
      </Field>
      <VocabularyField
        label={t.integrity}
        control="integrity"
        problems={byControl.get('integrity')}
        prefix="integrity"
        values={INTEGRITY_PROTECTIONS}
        current={textOf(entry, 'integrity')}
        value={textOf(entry, 'integrity')}
        onChange={(value) => {
          onChange({ ...entry, integrity: value })
        }}
      />
      <Field
        label={t.replayProtection}
        control="replayProtection"
        problems={byControl.get('replayProtection')}
      >
        {(props) => (
          <span className="model-editor-check">
            <input
              {...props}
              type="checkbox"
              checked={entry.replayProtection === true}
              onChange={(event) => {
                onChange({ ...entry, replayProtection: event.target.checked })
              }}
            />
            <span>{t.replayProtectionLabel}</span>
          </span>
        )}
      </Field>
    </>
  )
}

/**
 * A data flow's ends, protocol, payload, interfaces and protections; changes apply at once.
 * Fields the form does not show (assets, intermediaries, releases…) are kept as they are.
 */
export const FlowForm = ({
  entry,
  lists,
  interfaces,
  payloads,
  problems,
  onChange,
  onDelete,
}: {
  readonly entry: Entry
  readonly lists: ModelLists
  readonly interfaces: Architecture['interfaces']
  readonly payloads: readonly string[]
  readonly problems: readonly Problem[]
  readonly onChange: (entry: Entry) => void
  readonly onDelete: () => void
}) => {
  const t = useMessages(messages)
  const { byControl, unplaced } = problemsByControl(problems, FLOW_CONTROLS)
  const chosenInterfaces = refsOf(entry, 'interfaces')
  const assets = refsOf(entry, 'assets')
  return (
    <form
      className="model-editor-form"
      onSubmit={(event) => {
        event.preventDefault()
      }}
    >
      <EntryProblems problems={unplaced} />
      <dl className="facts">
        <dt>{t.id}</dt>
        <dd>
          <code>{idOf(entry)}</code>
        </dd>
        {assets.length > 0 && (
          <>
            <dt>{t.assets}</dt>
            <dd>{assets.join(', ')}</dd>
          </>
        )}
      </dl>
      <TextField
        label={t.name}
        control="name"
        problems={byControl.get('name')}
        required
        value={textOf(entry, 'name')}
        onChange={(value) => {
          onChange({ ...entry, name: value })
        }}
      />
      <EndsFields entry={entry} lists={lists} byControl={byControl} onChange={onChange} />
      <Field
        label={t.protocol}
        control="protocol"
        problems={byControl.get('protocol')}
        hint={t.protocolHint}
      >
        {(props) => (
          <input
            {...props}
            required
            value={textOf(entry, 'protocol')}
            onChange={(event) => {
              onChange({ ...entry, protocol: event.target.value })
            }}
          />
        )}
      </Field>
      <ChoiceGroup
        legend={t.payload}
        control="payload"
        options={payloads}
        chosen={refsOf(entry, 'payload')}
        label={(payload) => termOf(t, 'payload', payload)}
        problems={byControl.get('payload')}
        onChange={(chosen) => {
          onChange({ ...entry, payload: chosen })
        }}
      />
      <Field
        label={t.interfaces}
        control="interfaces"
        problems={byControl.get('interfaces')}
        hint={interfaces.length === 0 ? t.noInterfaces : t.interfacesHint}
      >
        {(props) => (
          <select
            {...props}
            multiple
            size={Math.min(6, Math.max(2, interfaces.length))}
            value={[...chosenInterfaces]}
            onChange={(event) => {
              const ids = [...event.target.selectedOptions].map((option) => option.value)
              onChange(withField(entry, 'interfaces', ids))
            }}
          >
            {interfaceChoices(interfaces, chosenInterfaces).map((item) => (
              <option key={item.id} value={item.id}>
                {item.name === item.id ? item.id : `${item.name} (${item.id})`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ProtectionFields entry={entry} byControl={byControl} onChange={onChange} />
      <Field label={t.description} control="description" problems={byControl.get('description')}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={textOf(entry, 'description')}
            onChange={(event) => {
              onChange(withField(entry, 'description', event.target.value))
            }}
          />
        )}
      </Field>
      <DeleteEntry warning={t.deleteWarning} onDelete={onDelete} />
    </form>
  )
}
