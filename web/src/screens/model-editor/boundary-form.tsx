import { useMessages } from '../../i18n/messages.js'
import { boundaryTree, possibleParents } from './boundary-tree.js'
import { EntryProblems, Field } from './form-field.js'
import { BoundaryOptions, DeleteEntry, TextField, VocabularyField } from './form-parts.js'
import { messages } from './messages.js'
import {
  findEntry,
  idOf,
  nameOf,
  refsOf,
  textOf,
  withField,
  type Entry,
  type ModelLists,
} from './model-entries.js'
import { problemsByControl, type Problem } from './problems.js'

export const BOUNDARY_CONTROLS = ['name', 'kind', 'parent', 'description', 'elements']

/**
 * A trust boundary's name, kind, the boundary it sits in and its description. Which elements it
 * holds is chosen in each element's form, so an element is never in two sibling boundaries.
 */
export const BoundaryForm = ({
  entry,
  lists,
  boundaryKinds,
  problems,
  onChange,
  onParent,
  onDelete,
}: {
  readonly entry: Entry
  readonly lists: ModelLists
  readonly boundaryKinds: readonly string[]
  readonly problems: readonly Problem[]
  readonly onChange: (entry: Entry) => void
  readonly onParent: (parentId: string | undefined) => void
  readonly onDelete: () => void
}) => {
  const t = useMessages(messages)
  const id = idOf(entry)
  const tree = boundaryTree(lists.trustBoundaries)
  const { byControl, unplaced } = problemsByControl(problems, BOUNDARY_CONTROLS)
  const members = refsOf(entry, 'elements')
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
        prefix="boundaryKind"
        values={boundaryKinds}
        current={textOf(entry, 'kind')}
        value={textOf(entry, 'kind')}
        onChange={(value) => {
          onChange({ ...entry, kind: value })
        }}
      />
      <Field label={t.parentBoundary} control="parent" problems={byControl.get('parent')}>
        {(props) => (
          <select
            {...props}
            value={tree.parentOf.get(id) ?? ''}
            onChange={(event) => {
              onParent(event.target.value === '' ? undefined : event.target.value)
            }}
          >
            <option value="">{t.topLevel}</option>
            <BoundaryOptions boundaries={lists.trustBoundaries} only={possibleParents(tree, id)} />
          </select>
        )}
      </Field>
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
      <h3>{t.members}</h3>
      <EntryProblems problems={byControl.get('elements') ?? []} />
      {members.length === 0 ? (
        <p className="muted">{t.noMembers}</p>
      ) : (
        <ul className="model-editor-members" data-control="elements" tabIndex={-1}>
          {members.map((member) => (
            <li key={member} title={member}>
              {nameOf(findEntry(lists.elements, member), member)}
            </li>
          ))}
        </ul>
      )}
      <DeleteEntry warning={t.deleteWarning} onDelete={onDelete} />
    </form>
  )
}
