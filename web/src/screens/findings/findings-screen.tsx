import { useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'

import { useFindings, type FindingList } from '../../api/findings.js'
import { useJobsInTurn } from '../../api/jobs.js'
import { useControlOptions } from '../../api/threats.js'
import type { Finding, JobStatus } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { common, termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { useProduct, useProductId } from '../../layout/product-layout.js'
import { Page } from '../../ui/page.js'
import { ErrorBox, QueryState } from '../../ui/query-state.js'
import { ReleaseSelect } from '../../ui/release-select.js'
import { VEX_STATUSES } from '../../../../src/core/model/vocabulary.js'
import { SearchField } from '../../ui/search-field.js'
import { ComponentsTab } from './components-tab.js'
import { NoFindings } from './feed-sync.js'
import {
  filterFindings,
  NO_FINDING_FILTERS,
  severitiesOf,
  type FindingFilters,
} from './finding-filters.js'
import { FindingsTable } from './findings-table.js'
import { TriagePanels } from './triage-panels.js'
import { messages } from './messages.js'
import './findings.css'

const Filters = ({
  findings,
  filters,
  onChange,
}: {
  readonly findings: readonly Finding[]
  readonly filters: FindingFilters
  readonly onChange: (filters: FindingFilters) => void
}) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const severities = useMemo(() => severitiesOf(findings), [findings])
  return (
    <div className="toolbar findings-filters">
      <label>
        {t.cvssSeverity}
        <select
          value={filters.severity}
          onChange={(event) => {
            onChange({ ...filters, severity: event.target.value })
          }}
        >
          <option value="">{t.anySeverity}</option>
          {severities.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </label>
      <label>
        {c.vexStatus}
        <select
          value={filters.vexStatus}
          onChange={(event) => {
            onChange({ ...filters, vexStatus: event.target.value })
          }}
        >
          <option value="">{t.anyVex}</option>
          {[...VEX_STATUSES, 'untriaged'].map((status) => (
            <option key={status} value={status}>
              {termOf(c, 'vex', status)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input
          type="checkbox"
          checked={filters.kevOnly}
          onChange={(event) => {
            onChange({ ...filters, kevOnly: event.target.checked })
          }}
        />
        {t.kevOnly}
      </label>
      <SearchField
        label={t.search}
        value={filters.text}
        placeholder={t.searchPlaceholder}
        onChange={(text) => {
          onChange({ ...filters, text: text })
        }}
      />
    </div>
  )
}

/** Where the stored findings stand after triage: being re-evaluated, re-evaluated, or not. */
const ReEvaluation = ({
  pending,
  failed,
  error,
  saved,
}: {
  readonly pending: number
  readonly failed: readonly JobStatus[]
  readonly error: unknown
  /** What the last saves queued: jobs, none, or nothing saved yet. */
  readonly saved: 'jobs' | 'no-job' | null
}) => {
  const t = useMessages(messages)
  if (saved === null) return null
  const [failure] = failed
  return (
    <div role="status" aria-live="polite" className="findings-reevaluation">
      {error !== null && <ErrorBox error={error} />}
      <p className="notice">
        {pending > 0
          ? t.reEvaluating
          : saved === 'no-job'
            ? t.notReEvaluated
            : failure === undefined
              ? t.reEvaluated
              : `${t.reEvaluationFailed} ${failure.error ?? ''}`}
      </p>
    </div>
  )
}

const FindingsTab = ({
  productId,
  release,
  list,
}: {
  readonly productId: string
  readonly release: string | undefined
  readonly list: FindingList
}) => {
  const t = useMessages(messages)
  const { can } = useSession()
  const client = useQueryClient()
  const mayTriage = can('finding:triage', productId)
  const findings = list.items
  const [filters, setFilters] = useState<FindingFilters>(NO_FINDING_FILTERS)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [openKey, setOpenKey] = useState<string | null>(null)
  const [saved, setSaved] = useState<'jobs' | 'no-job' | null>(null)
  const shown = useMemo(() => filterFindings(findings, filters), [findings, filters])
  const controls = useControlOptions(productId)
  // The stored findings (their VEX status) change only with the evaluations the saves queued.
  const evaluations = useJobsInTurn(() => {
    void client.invalidateQueries({ queryKey: ['product', productId] })
  })
  if (findings.length === 0) return <NoFindings productId={productId} />
  return (
    <>
      <Filters findings={findings} filters={filters} onChange={setFilters} />
      <p className="muted findings-summary">
        {t.summary(shown.length, findings.length, findings.filter((item) => item.kev).length)}
        {selected.size > 0 && (
          <>
            {' · '}
            {t.selected(selected.size)}{' '}
            <button
              type="button"
              className="findings-link"
              onClick={() => {
                setSelected(new Set())
              }}
            >
              {t.clearSelection}
            </button>
          </>
        )}
      </p>
      <ReEvaluation
        pending={evaluations.pending}
        failed={evaluations.failed}
        error={evaluations.error}
        saved={saved}
      />
      <div className={openKey !== null || selected.size > 0 ? 'split findings-split' : undefined}>
        <FindingsTable
          rows={shown}
          selectable={mayTriage}
          selected={selected}
          onSelect={setSelected}
          openKey={openKey}
          onOpen={setOpenKey}
        />
        <TriagePanels
          productId={productId}
          release={release}
          findings={findings}
          revision={list.revision}
          openKey={openKey}
          selected={selected}
          controls={controls.data ?? []}
          onClose={() => {
            setOpenKey(null)
          }}
          onClearSelection={() => {
            setSelected(new Set())
          }}
          onSaved={(jobIds) => {
            // Jobs queued earlier and still running keep the note on "re-evaluating".
            if (jobIds.length > 0 || evaluations.pending === 0) {
              setSaved(jobIds.length > 0 ? 'jobs' : 'no-job')
            }
            evaluations.follow(jobIds)
          }}
        />
      </div>
    </>
  )
}

/** Vulnerability findings of the product's SBOMs with their VEX triage, and the components. */
export const FindingsScreen = () => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const productId = useProductId()
  const product = useProduct(productId)
  const [release, setRelease] = useState('')
  const [tab, setTab] = useState<'findings' | 'components'>('findings')
  const chosen = release === '' ? undefined : release
  const findings = useFindings(productId, chosen)
  const tabs = [
    ['findings', t.findingsTab],
    ['components', t.componentsTab],
  ] as const
  return (
    <Page
      title={c.findings}
      toolbar={
        tab === 'findings' && (
          <ReleaseSelect product={product.data} value={release} onChange={setRelease} />
        )
      }
    >
      <div role="tablist" aria-label={t.tabs} className="findings-tabs">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`findings-tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`findings-panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => {
              setTab(id)
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                const next = id === 'findings' ? 'components' : 'findings'
                setTab(next)
                document.getElementById(`findings-tab-${next}`)?.focus()
              }
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`findings-panel-${tab}`} aria-labelledby={`findings-tab-${tab}`}>
        {tab === 'findings' ? (
          <QueryState query={findings}>
            {(list) => <FindingsTab productId={productId} release={chosen} list={list} />}
          </QueryState>
        ) : (
          <ComponentsTab productId={productId} />
        )}
      </div>
    </Page>
  )
}
