import { OWNERS } from '../../../../src/core/model/vocabulary.js'
import { useMessages } from '../../i18n/messages.js'
import { boundaryTree, homeBoundaryOf } from './boundary-tree.js'
import { BoundaryOptions, DeleteEntry, TextField, VocabularyField } from './form-parts.js'
import { EntryProblems, Field } from './form-field.js'
import { messages } from './messages.js'
import { idOf, textOf, withField, type Entry, type ModelLists } from './model-entries.js'
import { problemsByControl, type Problem } from './problems.js'

export const ELEMENT_CONTROLS = ['name', 'kind', 'owner', 'boundary', 'description']

/** An element's name, kind, operator, trust boundary and description; changes apply at once. */
export const ElementForm = ({
  entry,
  lists,
  elementKinds,
  problems,
  onChange,
  onBoundary,
  onDelete,
}: {
  readonly entry: Entry
  readonly lists: ModelLists
  readonly elementKinds: readonly string[]
  readonly problems: readonly Problem[]
  readonly onChange: (entry: Entry) => void
  readonly onBoundary: (boundaryId: string | undefined) => void
  readonly onDelete: () => void
}) => {
  const t = useMessages(messages)
  const id = idOf(entry)
  const { byControl, unplaced } = problemsByControl(problems, ELEMENT_CONTROLS)
  const home = homeBoundaryOf(boundaryTree(lists.trustBoundaries), id)
  const flows = lists.dataFlows.filter((flow) => flow.from === id || flow.to === id).length
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
          <code>{id}</code>
        </dd>
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
      <VocabularyField
        label={t.kind}
        control="kind"
        problems={byControl.get('kind')}
        prefix="kind"
        values={elementKinds}
        current={textOf(entry, 'kind')}
        value={textOf(entry, 'kind')}
        onChange={(value) => {
          onChange({ ...entry, kind: value })
        }}
      />
      <VocabularyField
        label={t.owner}
        control="owner"
        problems={byControl.get('owner')}
        prefix="owner"
        values={OWNERS}
        current={textOf(entry, 'owner')}
        value={textOf(entry, 'owner')}
        onChange={(value) => {
          onChange({ ...entry, owner: value })
        }}
      />
      <Field label={t.inBoundary} control="boundary" problems={byControl.get('boundary')}>
        {(props) => (
          <select
            {...props}
            value={home ?? ''}
            onChange={(event) => {
              onBoundary(event.target.value === '' ? undefined : event.target.value)
            }}
          >
            <option value="">{t.outsideBoundaries}</option>
            <BoundaryOptions boundaries={lists.trustBoundaries} />
          </select>
        )}
      </Field>
      <Field label={t.description} control="description" problems={byControl.get('description')}>
        {(props) => (
          <textarea
            {...props}
            rows={4}
            value={textOf(entry, 'description')}
            onChange={(event) => {
              onChange(withField(entry, 'description', event.target.value))
            }}
          />
        )}
      </Field>
      <DeleteEntry warning={t.deleteElementWarning(flows)} onDelete={onDelete} />
    </form>
  )
}
