import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'

import type { IdOption } from '../../api/model-ids.js'
import type { Finding } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { useMessages } from '../../i18n/messages.js'
import { useProduct } from '../../layout/product-layout.js'
import { SidePanel } from '../../ui/side-panel.js'
import {
  countOutcomes,
  evaluationJobsOf,
  selectedFindings,
  type BulkTriageResult,
} from './bulk-triage.js'
import { findingRowKey } from './finding-filters.js'
import { FindingPanel } from './finding-panel.js'
import { messages } from './messages.js'
import { RiskDecisionControl } from './risk-decision.js'
import { TriageEntries } from './triage-entries.js'
import { TriageForm } from './triage-form.js'

const revisionOf = (tag: string): number => Number(/^"r(\d+)"$/.exec(tag)?.[1] ?? 0)

/** The server's day (the product's), else the browser's in UTC, as the model's dates are. */
const dayOf = (serverDay: string | undefined): string =>
  serverDay ?? new Date().toISOString().slice(0, 10)

/**
 * The panel beside the findings: one finding opened (its facts, its recorded triage and the
 * form), or the bulk triage of the selected ones. After a save the entries are read again at
 * once; the VEX status column follows when the re-evaluations the saves queued are done.
 */
export const TriagePanels = ({
  productId,
  release,
  findings,
  revision,
  openKey,
  selected,
  controls,
  onClose,
  onClearSelection,
  onSaved,
}: {
  readonly productId: string
  readonly release: string | undefined
  readonly findings: readonly Finding[]
  /** The model revision the findings' entries were read at. */
  readonly revision: number
  readonly openKey: string | null
  readonly selected: ReadonlySet<string>
  readonly controls: readonly IdOption[]
  readonly onClose: () => void
  readonly onClearSelection: () => void
  /** After saves: the re-evaluation jobs they queued (none when the server queues none). */
  readonly onSaved: (evaluationJobIds: readonly string[]) => void
}) => {
  const t = useMessages(messages)
  const { can } = useSession()
  const client = useQueryClient()
  const product = useProduct(productId)
  const [savedRevision, setSavedRevision] = useState(0)
  const mayTriage = can('finding:triage', productId)
  // Our own saves are newer than the list until it is read again; a save by anyone else is not.
  const current = Math.max(revision, savedRevision)
  const today = dayOf(product.data?.date)

  const done = (result: BulkTriageResult) => {
    setSavedRevision(revisionOf(result.tag))
    // Saved entries changed the model; after a 412 the copy on screen is stale: read again.
    void client.invalidateQueries({ queryKey: ['product', productId] })
    if (countOutcomes(result.outcomes).saved > 0) onSaved(evaluationJobsOf(result.outcomes))
  }

  const open = findings.find((finding) => findingRowKey(finding) === openKey)
  if (open !== undefined) {
    return (
      <FindingPanel finding={open} title={open.findingId} onClose={onClose}>
        <TriageEntries entries={open.assessments} />
        <RiskDecisionControl
          productId={productId}
          release={open.release}
          subject={open.findingId}
          mayDecide={mayTriage}
        />
        {mayTriage ? (
          <>
            <h3>{t.triageOne}</h3>
            <TriageForm
              key={findingRowKey(open)}
              productId={productId}
              findings={[open]}
              scopeRelease={open.release}
              revision={current}
              today={today}
              controls={controls}
              onDone={done}
            />
          </>
        ) : (
          <p className="muted">{t.readOnly}</p>
        )}
      </FindingPanel>
    )
  }
  if (selected.size === 0 || !mayTriage) return null
  const chosen = selectedFindings(findings, selected)
  return (
    <SidePanel title={t.triageMany(chosen.length)} onClose={onClearSelection}>
      <p className="muted">{t.triageManyHint}</p>
      <TriageForm
        // A new selection starts from what those findings share.
        key={chosen.map((finding) => finding.findingId).join(' ')}
        productId={productId}
        findings={chosen}
        scopeRelease={release}
        revision={current}
        today={today}
        controls={controls}
        onDone={done}
      />
    </SidePanel>
  )
}
