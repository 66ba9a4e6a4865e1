import { useCallback, useEffect, useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'

import { ApiError } from '../../api/client.js'
import type { Architecture } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { common } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge, Page } from '../../ui/page.js'
import { ErrorBox } from '../../ui/query-state.js'
import { centreOf } from './diagram-elements.js'
import { controlOfField, EntryPanel, type FocusRequest } from './entry-panel.js'
import { Legend } from './legend.js'
import { messages } from './messages.js'
import { ModelDiagram, type RevealRequest } from './model-diagram.js'
import { EntryTables } from './entry-tables.js'
import { editsBody } from './pending-edits.js'
import {
  problemsByEntry,
  problemsFromIssues,
  problemsFromSaveError,
  type Problem,
} from './problems.js'
import { ProblemsPanel } from './problems-panel.js'
import type { ModelLists } from './model-entries.js'
import type { Selection } from './selection.js'
import { useSaveEdits } from './use-architecture.js'
import { useModelDraft, type ModelDraft } from './use-model-draft.js'
import './model-editor.css'

type View = 'diagram' | 'lists'

const SUMMARY_ID = 'model-editor-summary'

/** Warns before the tab closes with changes not saved (in-app navigation keeps the query cache). */
const useLeaveWarning = (dirty: boolean) => {
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => {
      window.removeEventListener('beforeunload', warn)
    }
  }, [dirty])
}

/** Save and its outcome: the problems of a refused save replace those of the saved model. */
const useSave = (
  productId: string,
  architecture: Architecture,
  tag: string | null,
  draft: ModelDraft,
) => {
  const t = useMessages(messages)
  const mutation = useSaveEdits(productId)
  // The outcome is shown in the toolbar, not in a banner, so the diagram keeps its place.
  const [reason, setReason] = useState('')
  const [refused, setRefused] = useState<readonly Problem[] | undefined>(undefined)
  const [savedAs, setSavedAs] = useState<number | undefined>(undefined)
  const save = () => {
    setSavedAs(undefined)
    mutation.mutate(
      {
        body: editsBody(draft.pending, draft.layoutToSave(), reason),
        tag: tag ?? `"r${String(architecture.revision)}"`,
      },
      {
        onSuccess: (result) => {
          draft.saved()
          setReason('')
          setRefused(undefined)
          setSavedAs(result.revision)
        },
        onError: (error) => {
          setRefused(
            error instanceof ApiError && error.status === 422
              ? problemsFromSaveError(error)
              : undefined,
          )
        },
      },
    )
  }
  const reset = () => {
    setRefused(undefined)
    mutation.reset()
  }
  const otherError =
    mutation.error !== null &&
    !(mutation.error instanceof ApiError && mutation.error.status === 422)
  return {
    save,
    reset,
    reason,
    setReason,
    saving: mutation.isPending,
    refused,
    error: otherError ? mutation.error : undefined,
    /** What the last save did, while nothing has changed since a successful one. */
    outcome:
      refused !== undefined
        ? t.saveRefusedShort(refused.length)
        : savedAs !== undefined && !draft.dirty
          ? t.saved(savedAs)
          : undefined,
  }
}

const SaveToolbar = ({
  draft,
  saving,
}: {
  draft: ModelDraft
  saving: ReturnType<typeof useSave>
}) => {
  const t = useMessages(messages)
  const shared = useMessages(common)
  const status =
    draft.changes > 0
      ? t.unsaved(draft.changes)
      : draft.layoutChanged
        ? t.layoutUnsaved
        : t.allSaved
  return (
    <>
      <span className={`model-editor-status${draft.dirty ? ' is-dirty' : ''}`} role="status">
        {saving.refused === undefined ? (saving.outcome ?? status) : status}
      </span>
      {saving.refused !== undefined && (
        <span className="model-editor-refused" role="alert">
          {saving.outcome}
        </span>
      )}
      <label>
        {t.reason}
        <input
          className="model-editor-reason"
          value={saving.reason}
          placeholder={t.reasonPlaceholder}
          maxLength={2000}
          onChange={(event) => {
            saving.setReason(event.target.value)
          }}
        />
      </label>
      <button
        type="button"
        className="primary"
        disabled={!draft.dirty || saving.saving}
        onClick={saving.save}
      >
        {saving.saving ? t.saving : shared.save}
      </button>
      <button
        type="button"
        disabled={!draft.dirty || saving.saving}
        onClick={() => {
          if (window.confirm(t.discardConfirm(Math.max(1, draft.changes)))) {
            draft.discard()
            saving.reset()
          }
        }}
      >
        {t.discard}
      </button>
    </>
  )
}

const ViewSwitch = ({ view, onView }: { view: View; onView: (view: View) => void }) => {
  const t = useMessages(messages)
  return (
    <div className="model-editor-views" role="group" aria-label={t.view}>
      {(['diagram', 'lists'] as const).map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={view === option}
          onClick={() => {
            onView(option)
          }}
        >
          {t[option]}
        </button>
      ))}
    </div>
  )
}

const AddButtons = ({ onAdd }: { readonly onAdd: (selection: Selection) => void }) => {
  const t = useMessages(messages)
  const buttons = [
    [t.addElement, { kind: 'new-element' }],
    [t.addDataFlow, { kind: 'new-data-flow', from: '', to: '' }],
    [t.addTrustBoundary, { kind: 'new-trust-boundary' }],
  ] as const
  return (
    <div className="model-editor-add">
      {buttons.map(([label, selection]) => (
        <button
          key={label}
          type="button"
          onClick={() => {
            onAdd(selection)
          }}
        >
          {label}
        </button>
      ))}
    </div>
  )
}

/** View switch, add buttons, flow-name switch and the model's size and problem count. */
const EditorBar = ({
  view,
  editable,
  lists,
  problems,
  showNames,
  onView,
  onAdd,
  onShowNames,
  onShowProblems,
}: {
  readonly view: View
  readonly editable: boolean
  readonly lists: ModelLists
  readonly problems: number
  readonly showNames: boolean
  readonly onView: (view: View) => void
  readonly onAdd: (selection: Selection) => void
  readonly onShowNames: (show: boolean) => void
  readonly onShowProblems: () => void
}) => {
  const t = useMessages(messages)
  return (
    <div className="model-editor-bar">
      <ViewSwitch view={view} onView={onView} />
      {editable && <AddButtons onAdd={onAdd} />}
      {view === 'diagram' && (
        <label className="inline model-editor-names">
          <input
            type="checkbox"
            checked={showNames}
            onChange={(event) => {
              onShowNames(event.target.checked)
            }}
          />
          {t.flowNames}
        </label>
      )}
      <p id={SUMMARY_ID} className="model-editor-summary muted">
        {t.summary(lists.elements.length, lists.dataFlows.length, lists.trustBoundaries.length)}{' '}
        <button type="button" className="model-editor-problem-count" onClick={onShowProblems}>
          <Badge tone={problems === 0 ? 'good' : 'bad'}>{t.problemCount(problems)}</Badge>
        </button>
      </p>
    </div>
  )
}

/** What is selected, and requests to bring it into view and focus a field of its form. */
const useSelection = (draft: ModelDraft) => {
  const [selection, setSelection] = useState<Selection | undefined>(undefined)
  const [focus, setFocus] = useState<FocusRequest | undefined>(undefined)
  const [reveal, setReveal] = useState<RevealRequest | undefined>(undefined)
  const select = useCallback((next: Selection | undefined) => {
    setSelection(next)
  }, [])
  /** Selected from outside the diagram: pan to it and focus the form. */
  const open = (next: Selection, control?: string) => {
    setSelection(next)
    const centre = centreOf(draft.lists, draft.positions, next)
    if (centre !== undefined) setReveal((last) => ({ centre, nonce: (last?.nonce ?? 0) + 1 }))
    setFocus((last) => ({ control, nonce: (last?.nonce ?? 0) + 1 }))
  }
  const openProblem = (problem: Problem) => {
    if (problem.list === undefined || problem.entry === undefined) return
    open(
      { kind: 'entry', list: problem.list, id: problem.entry },
      controlOfField(problem.list, problem.field),
    )
  }
  return { selection, focus, reveal, select, open, openProblem }
}

/** The model editor for a product whose architecture has been read. */
export const ModelEditor = ({
  productId,
  architecture,
  tag,
  onReload,
}: {
  readonly productId: string
  readonly architecture: Architecture
  readonly tag: string | null
  readonly onReload: () => void
}) => {
  const t = useMessages(messages)
  const editable = useSession().can('model:write', productId)
  const draft = useModelDraft(architecture)
  const saving = useSave(productId, architecture, tag, draft)
  const chosen = useSelection(draft)
  const [params, setParams] = useSearchParams()
  const view: View = params.get('view') === 'lists' ? 'lists' : 'diagram'
  const [showNames, setShowNames] = useState(true)
  useLeaveWarning(draft.dirty)

  const modelProblems = useMemo(
    () => problemsFromIssues(architecture.issues),
    [architecture.issues],
  )
  const problems = saving.refused ?? modelProblems
  const byEntry = useMemo(() => problemsByEntry(problems), [problems])

  return (
    <Page
      title={t.title}
      toolbar={editable ? <SaveToolbar draft={draft} saving={saving} /> : undefined}
    >
      <EditorBar
        view={view}
        editable={editable}
        lists={draft.lists}
        problems={problems.length}
        showNames={showNames}
        onView={(next) => {
          setParams(next === 'lists' ? { view: 'lists' } : {}, { replace: true })
        }}
        onAdd={(selection) => {
          chosen.open(selection)
        }}
        onShowNames={setShowNames}
        onShowProblems={() => {
          chosen.select(undefined)
        }}
      />
      {saving.error !== undefined && (
        // After a 412 (someone saved meanwhile), reading the model again keeps the pending
        // edits on top of it; the next save writes them over that revision.
        <ErrorBox
          error={saving.error}
          onRetry={() => {
            saving.reset()
            onReload()
          }}
        />
      )}
      <div className="split model-editor-split">
        {view === 'diagram' ? (
          <ModelDiagram
            lists={draft.lists}
            positions={draft.positions}
            selection={chosen.selection}
            problems={byEntry}
            editable={editable}
            showNames={showNames}
            reveal={chosen.reveal}
            describedBy={SUMMARY_ID}
            onSelect={chosen.select}
            onMove={draft.moveMany}
            onConnect={(from, to) => {
              chosen.open({ kind: 'new-data-flow', from, to })
            }}
          />
        ) : (
          <EntryTables
            lists={draft.lists}
            problems={byEntry}
            selection={chosen.selection}
            onSelect={chosen.select}
          />
        )}
        {chosen.selection === undefined ? (
          <div className="model-editor-aside">
            <ProblemsPanel
              heading={saving.refused === undefined ? t.modelProblems : t.saveProblems}
              problems={problems}
              lists={draft.lists}
              onOpen={chosen.openProblem}
            />
            <p className="muted model-editor-help">
              {editable ? t.diagramHelp : `${t.readOnly} ${t.diagramHelpReadOnly}`}
            </p>
            {view === 'diagram' && <Legend />}
          </div>
        ) : (
          <EntryPanel
            selection={chosen.selection}
            draft={draft}
            architecture={architecture}
            problems={byEntry}
            editable={editable}
            focus={chosen.focus}
            onSelect={chosen.select}
          />
        )}
      </div>
    </Page>
  )
}
