import { useEffect, useRef } from 'react'

import type { Architecture } from '../../api/types.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { SidePanel } from '../../ui/side-panel.js'
import { BOUNDARY_CONTROLS, BoundaryForm } from './boundary-form.js'
import { ELEMENT_CONTROLS, ElementForm } from './element-form.js'
import { EntryFacts } from './entry-facts.js'
import { FLOW_CONTROLS, FlowForm } from './flow-form.js'
import { messages } from './messages.js'
import { findEntry, idOf, nameOf, type Entry, type ArchitectureList } from './model-entries.js'
import { NewBoundaryForm } from './new-boundary-form.js'
import { NewElementForm } from './new-element-form.js'
import { NewFlowForm } from './new-flow-form.js'
import {
  deleteBoundary,
  deleteElement,
  putEntry,
  removeEntry,
  setBoundaryParent,
  setElementBoundary,
} from './pending-edits.js'
import { controlOf, entryKey, type Problem } from './problems.js'
import type { Selection } from './selection.js'
import type { ModelDraft } from './use-model-draft.js'

/**
 * A request to focus a form control (from the problems list) or the form's first control
 * (undefined); `nonce` makes a repeated request a new one.
 */
export interface FocusRequest {
  readonly control: string | undefined
  readonly nonce: number
}

const CONTROLS: Readonly<Record<ArchitectureList, readonly string[]>> = {
  elements: ELEMENT_CONTROLS,
  dataFlows: FLOW_CONTROLS,
  trustBoundaries: BOUNDARY_CONTROLS,
}

/** The control of an entry's form that shows a field's problems. */
export const controlOfField = (list: ArchitectureList, field: string | undefined) =>
  controlOf(field, CONTROLS[list])

interface PanelProps {
  readonly selection: Selection
  readonly draft: ModelDraft
  readonly architecture: Architecture
  readonly problems: ReadonlyMap<string, readonly Problem[]>
  readonly editable: boolean
  readonly focus: FocusRequest | undefined
  readonly onSelect: (selection: Selection | undefined) => void
}

const LIST_TITLES = {
  elements: 'element',
  dataFlows: 'dataFlow',
  trustBoundaries: 'trustBoundary',
} as const

const EntryEditor = ({
  list,
  entry,
  draft,
  architecture,
  problems,
  onSelect,
}: Omit<PanelProps, 'selection' | 'editable' | 'focus' | 'problems'> & {
  readonly list: ArchitectureList
  readonly entry: Entry
  readonly problems: readonly Problem[]
}) => {
  const id = idOf(entry)
  const put = (changed: Entry) => {
    draft.edit((base, pending) => putEntry(base, pending, list, changed))
  }
  const close = () => {
    onSelect(undefined)
  }
  if (list === 'elements') {
    return (
      <ElementForm
        entry={entry}
        lists={draft.lists}
        elementKinds={architecture.vocabulary.elementKinds}
        problems={problems}
        onChange={put}
        onBoundary={(boundary) => {
          draft.edit((base, pending) => setElementBoundary(base, pending, id, boundary))
        }}
        onDelete={() => {
          draft.edit((base, pending) => deleteElement(base, pending, id))
          close()
        }}
      />
    )
  }
  if (list === 'dataFlows') {
    return (
      <FlowForm
        entry={entry}
        lists={draft.lists}
        interfaces={architecture.interfaces}
        payloads={architecture.vocabulary.payloads}
        problems={problems}
        onChange={put}
        onDelete={() => {
          draft.edit((base, pending) => removeEntry(base, pending, 'dataFlows', id))
          close()
        }}
      />
    )
  }
  return (
    <BoundaryForm
      entry={entry}
      lists={draft.lists}
      boundaryKinds={architecture.vocabulary.trustBoundaryKinds}
      problems={problems}
      onChange={put}
      onParent={(parent) => {
        draft.edit((base, pending) => setBoundaryParent(base, pending, id, parent))
      }}
      onDelete={() => {
        draft.edit((base, pending) => deleteBoundary(base, pending, id))
        close()
      }}
    />
  )
}

const NewEntry = ({
  selection,
  draft,
  architecture,
  onSelect,
}: Pick<PanelProps, 'draft' | 'architecture' | 'onSelect'> & {
  readonly selection: Exclude<Selection, { kind: 'entry' }>
}) => {
  const cancel = () => {
    onSelect(undefined)
  }
  if (selection.kind === 'new-element') {
    return (
      <NewElementForm
        lists={draft.lists}
        elementKinds={architecture.vocabulary.elementKinds}
        onCancel={cancel}
        onCreate={(entry, boundary) => {
          draft.addElement(entry)
          if (boundary !== undefined) {
            draft.edit((base, pending) => setElementBoundary(base, pending, idOf(entry), boundary))
          }
          onSelect({ kind: 'entry', list: 'elements', id: idOf(entry) })
        }}
      />
    )
  }
  if (selection.kind === 'new-data-flow') {
    return (
      <NewFlowForm
        lists={draft.lists}
        payloads={architecture.vocabulary.payloads}
        from={selection.from}
        to={selection.to}
        onCancel={cancel}
        onCreate={(entry) => {
          draft.edit((base, pending) => putEntry(base, pending, 'dataFlows', entry))
          onSelect({ kind: 'entry', list: 'dataFlows', id: idOf(entry) })
        }}
      />
    )
  }
  return (
    <NewBoundaryForm
      lists={draft.lists}
      boundaryKinds={architecture.vocabulary.trustBoundaryKinds}
      onCancel={cancel}
      onCreate={(entry, parent) => {
        draft.edit((base, pending) =>
          setBoundaryParent(
            base,
            putEntry(base, pending, 'trustBoundaries', entry),
            idOf(entry),
            parent,
          ),
        )
        onSelect({ kind: 'entry', list: 'trustBoundaries', id: idOf(entry) })
      }}
    />
  )
}

const NEW_TITLES = {
  'new-element': 'newElement',
  'new-data-flow': 'newDataFlow',
  'new-trust-boundary': 'newTrustBoundary',
} as const

const selectionKey = (selection: Selection): string =>
  selection.kind === 'entry' ? `${selection.list}/${selection.id}` : selection.kind

/**
 * The side panel: the selected entry's form (its details for a read-only role) or the form for
 * a new entry. A focus request moves focus to the control a problem is about.
 */
export const EntryPanel = (props: PanelProps) => {
  const { selection, draft, problems, editable, focus, onSelect } = props
  const t = useMessages(messages)
  const body = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (focus === undefined) return
    const { control } = focus
    // After the panel's own focus on opening, which runs in the same commit.
    const frame = requestAnimationFrame(() => {
      const root = body.current
      if (root === null) return
      const named =
        control === undefined
          ? null
          : root.querySelector<HTMLElement>(`[data-control="${CSS.escape(control)}"]`)
      ;(named ?? root.querySelector<HTMLElement>('input, select, textarea, button'))?.focus()
    })
    return () => {
      cancelAnimationFrame(frame)
    }
  }, [focus])

  const close = () => {
    onSelect(undefined)
  }
  if (selection.kind !== 'entry') {
    return (
      <SidePanel title={t[NEW_TITLES[selection.kind]]} onClose={close}>
        <div ref={body} key={selectionKey(selection)}>
          <NewEntry {...props} selection={selection} />
        </div>
      </SidePanel>
    )
  }
  const entry = findEntry(draft.lists[selection.list], selection.id)
  if (entry === undefined) return null
  const entryProblems = problems.get(entryKey(selection.list, selection.id)) ?? []
  const unsaved = draft.pending[entryKey(selection.list, selection.id)] !== undefined
  return (
    <SidePanel title={`${t[LIST_TITLES[selection.list]]}: ${nameOf(entry)}`} onClose={close}>
      <div ref={body} key={selectionKey(selection)}>
        {unsaved && <Badge tone="info">{t.notSavedYet}</Badge>}
        {editable ? (
          <EntryEditor {...props} list={selection.list} entry={entry} problems={entryProblems} />
        ) : (
          <EntryFacts
            list={selection.list}
            entry={entry}
            lists={draft.lists}
            problems={entryProblems}
          />
        )}
      </div>
    </SidePanel>
  )
}
