import type { ReactNode } from 'react'

import { common as commonMessages, termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { boundaryTree, homeBoundaryOf } from './boundary-tree.js'
import { EntryProblems } from './form-field.js'
import { messages } from './messages.js'
import {
  findEntry,
  idOf,
  nameOf,
  objectOf,
  refsOf,
  textOf,
  type ArchitectureList,
  type Entry,
  type ModelLists,
} from './model-entries.js'
import type { Problem } from './problems.js'

type Fact = readonly [label: string, value: ReactNode]

const Facts = ({ facts }: { readonly facts: readonly Fact[] }) => (
  <dl className="facts">
    {facts.map(([label, value]) => (
      <div key={label} className="model-editor-fact">
        <dt>{label}</dt>
        <dd>{value === '' ? '—' : value}</dd>
      </div>
    ))}
  </dl>
)

const useFacts = (list: ArchitectureList, entry: Entry, lists: ModelLists): readonly Fact[] => {
  const t = useMessages(messages)
  const shared = useMessages(commonMessages)
  const elementName = (id: string) => nameOf(findEntry(lists.elements, id), id)
  const boundaryName = (id: string | undefined) =>
    id === undefined ? '' : nameOf(findEntry(lists.trustBoundaries, id), id)
  const tree = boundaryTree(lists.trustBoundaries)
  const always: readonly Fact[] = [
    [t.id, <code key="id">{idOf(entry)}</code>],
    [t.name, textOf(entry, 'name')],
  ]
  if (list === 'elements') {
    return [
      ...always,
      [t.kind, termOf(t, 'kind', textOf(entry, 'kind'))],
      [t.owner, termOf(t, 'owner', textOf(entry, 'owner'))],
      [t.inBoundary, boundaryName(homeBoundaryOf(tree, idOf(entry)))],
      [t.description, textOf(entry, 'description')],
    ]
  }
  if (list === 'trustBoundaries') {
    return [
      ...always,
      [t.kind, termOf(t, 'boundaryKind', textOf(entry, 'kind'))],
      [t.parentBoundary, boundaryName(tree.parentOf.get(idOf(entry)))],
      [t.members, refsOf(entry, 'elements').map(elementName).join(', ')],
      [t.description, textOf(entry, 'description')],
    ]
  }
  const authentication = objectOf(entry, 'authentication')
  return [
    ...always,
    [t.from, elementName(textOf(entry, 'from'))],
    [t.to, elementName(textOf(entry, 'to'))],
    [t.protocol, textOf(entry, 'protocol')],
    [
      t.payload,
      refsOf(entry, 'payload')
        .map((p) => termOf(t, 'payload', p))
        .join(', '),
    ],
    [t.interfaces, refsOf(entry, 'interfaces').join(', ')],
    [t.assets, refsOf(entry, 'assets').join(', ')],
    [t.authentication, termOf(t, 'authentication', textOf(authentication, 'type'))],
    [t.mechanism, textOf(authentication, 'mechanism')],
    [t.encryption, termOf(t, 'encryption', textOf(objectOf(entry, 'encryption'), 'type'))],
    [t.integrity, termOf(t, 'integrity', textOf(entry, 'integrity'))],
    [t.replayProtection, entry.replayProtection === true ? shared.yes : shared.no],
    [t.description, textOf(entry, 'description')],
  ]
}

/** An entry's details for a role that may read the model but not change it. */
export const EntryFacts = ({
  list,
  entry,
  lists,
  problems,
}: {
  readonly list: ArchitectureList
  readonly entry: Entry
  readonly lists: ModelLists
  readonly problems: readonly Problem[]
}) => (
  <>
    <EntryProblems problems={problems} />
    <Facts facts={useFacts(list, entry, lists)} />
  </>
)
