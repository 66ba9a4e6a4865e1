import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable, type Column } from '../../ui/data-table.js'
import { Badge } from '../../ui/page.js'
import { boundaryTree, homeBoundaryOf } from './boundary-tree.js'
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
import { entryKey, worstSeverity, type Problem } from './problems.js'
import type { Selection } from './selection.js'

const problemsColumn = (
  header: string,
  list: ArchitectureList,
  problems: ReadonlyMap<string, readonly Problem[]>,
  count: (n: number) => string,
): Column<Entry> => {
  const of = (row: Entry) => problems.get(entryKey(list, idOf(row))) ?? []
  return {
    id: 'problems',
    header,
    width: '7rem',
    text: (row) => (of(row).length === 0 ? '' : count(of(row).length)),
    cell: (row) => {
      const found = of(row)
      return found.length === 0 ? null : (
        <Badge tone={worstSeverity(found) === 'error' ? 'bad' : 'warn'}>
          {count(found.length)}
        </Badge>
      )
    },
  }
}

const textColumn = (
  id: string,
  header: string,
  value: (row: Entry) => string,
  width?: string,
): Column<Entry> => ({
  id,
  header,
  text: value,
  cell: value,
  ...(width === undefined ? {} : { width }),
})

/**
 * The model as three tables, for keyboard and screen reader users and for anyone who prefers
 * lists to a canvas. Opening a row selects the entry and opens the same form as the diagram.
 */
export const EntryTables = ({
  lists,
  problems,
  selection,
  onSelect,
}: {
  readonly lists: ModelLists
  readonly problems: ReadonlyMap<string, readonly Problem[]>
  readonly selection: Selection | undefined
  readonly onSelect: (selection: Selection) => void
}) => {
  const t = useMessages(messages)
  const tree = boundaryTree(lists.trustBoundaries)
  const elementName = (id: string) => nameOf(findEntry(lists.elements, id), id)
  const boundaryName = (id: string | undefined) =>
    id === undefined ? '' : nameOf(findEntry(lists.trustBoundaries, id), id)
  const active = (list: ArchitectureList) =>
    selection?.kind === 'entry' && selection.list === list ? selection.id : null
  const open = (list: ArchitectureList) => (row: Entry) => {
    onSelect({ kind: 'entry', list, id: idOf(row) })
  }

  const elementColumns: Column<Entry>[] = [
    textColumn('name', t.name, (row) => nameOf(row), '2fr'),
    textColumn('kind', t.kind, (row) => termOf(t, 'kind', textOf(row, 'kind'))),
    textColumn('owner', t.owner, (row) => termOf(t, 'owner', textOf(row, 'owner'))),
    textColumn(
      'boundary',
      t.inBoundary,
      (row) => boundaryName(homeBoundaryOf(tree, idOf(row))),
      '1.5fr',
    ),
    problemsColumn(t.problems, 'elements', problems, t.problemCount),
  ]
  const flowColumns: Column<Entry>[] = [
    textColumn('name', t.name, (row) => nameOf(row), '2fr'),
    textColumn('from', t.from, (row) => elementName(textOf(row, 'from'))),
    textColumn('to', t.to, (row) => elementName(textOf(row, 'to'))),
    textColumn('protocol', t.protocol, (row) => textOf(row, 'protocol')),
    textColumn('encryption', t.encryption, (row) =>
      termOf(t, 'encryption', textOf(objectOf(row, 'encryption'), 'type')),
    ),
    problemsColumn(t.problems, 'dataFlows', problems, t.problemCount),
  ]
  const boundaryColumns: Column<Entry>[] = [
    textColumn('name', t.name, (row) => nameOf(row), '2fr'),
    textColumn('kind', t.kind, (row) => termOf(t, 'boundaryKind', textOf(row, 'kind'))),
    textColumn('parent', t.parentBoundary, (row) => boundaryName(tree.parentOf.get(idOf(row)))),
    textColumn(
      'members',
      t.members,
      (row) => refsOf(row, 'elements').map(elementName).join(', '),
      '2fr',
    ),
    problemsColumn(t.problems, 'trustBoundaries', problems, t.problemCount),
  ]
  const tables = [
    ['elements', t.elements, elementColumns],
    ['dataFlows', t.dataFlows, flowColumns],
    ['trustBoundaries', t.trustBoundaries, boundaryColumns],
  ] as const

  return (
    <div className="model-editor-lists">
      {tables.map(([list, heading, columns]) => (
        <section key={list} aria-labelledby={`model-editor-${list}`}>
          <h2 id={`model-editor-${list}`}>{heading}</h2>
          <DataTable
            label={heading}
            rows={lists[list]}
            columns={columns}
            rowKey={idOf}
            onOpen={open(list)}
            activeKey={active(list)}
            height="40vh"
          />
        </section>
      ))}
    </div>
  )
}
