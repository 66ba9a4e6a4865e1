import { useState, type SyntheticEvent } from 'react'

import type { IdOption } from '../../api/model-ids.js'
import type { Finding } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { common, termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { IdPicker } from '../../ui/id-picker.js'
import { ErrorBox } from '../../ui/query-state.js'
import {
  VEX_JUSTIFICATIONS,
  VEX_RESPONSES,
  VEX_STATUSES,
} from '../../../../src/core/model/vocabulary.js'
import { countOutcomes, triageSequentially, type BulkTriageResult } from './bulk-triage.js'
import { putTriage } from './finding-queries.js'
import { messages } from './messages.js'
import {
  editField,
  formFor,
  initialScope,
  isVexStatus,
  keptFields,
  lacksJustification,
  overriddenCount,
  triageBody,
  triageStart,
  type TriageField,
  type TriageForm as Form,
} from './triage-request.js'

const words = (value: string) => value.replaceAll('_', ' ')

/** Status, justification (not_affected) and response (affected): the VEX decision itself. */
const VexFields = ({
  form,
  statusMixed,
  onChange,
}: {
  readonly form: Form
  /** The findings' statuses differ and none was chosen: each keeps its own. */
  readonly statusMixed: boolean
  readonly onChange: (form: Form) => void
}) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const keepEach = statusMixed && !form.edited.has('status')
  return (
    <>
      <label>
        {c.vexStatus}
        <select
          // A label around a select also names it by the chosen option; tests find it by this.
          aria-label={c.vexStatus}
          value={keepEach ? '' : form.status}
          onChange={(event) => {
            const status = event.target.value
            if (isVexStatus(status)) onChange(editField(form, 'status', status))
          }}
        >
          {keepEach && <option value="">{t.keepEachStatus}</option>}
          {VEX_STATUSES.map((status) => (
            <option key={status} value={status}>
              {termOf(c, 'vex', status)}
            </option>
          ))}
        </select>
      </label>
      {!keepEach && form.status === 'not_affected' && (
        <label>
          {t.justification}
          <select
            value={form.justification}
            onChange={(event) => {
              onChange(editField(form, 'justification', event.target.value))
            }}
          >
            <option value="">{t.chooseJustification}</option>
            {VEX_JUSTIFICATIONS.map((justification) => (
              <option key={justification} value={justification}>
                {words(justification)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!keepEach && form.status === 'affected' && (
        <fieldset>
          <legend>{t.response}</legend>
          <div className="findings-responses">
            {VEX_RESPONSES.map((response) => (
              <label className="inline" key={response}>
                <input
                  type="checkbox"
                  checked={form.response.includes(response)}
                  onChange={(event) => {
                    onChange(
                      editField(
                        form,
                        'response',
                        event.target.checked
                          ? [...form.response, response]
                          : form.response.filter((item) => item !== response),
                      ),
                    )
                  }}
                />
                {words(response)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </>
  )
}

/** The form's names of its fields, for saying which ones differ between findings. */
const useFieldLabels = (): Readonly<Record<TriageField, string>> => {
  const t = useMessages(messages)
  const c = useMessages(common)
  return {
    status: c.vexStatus,
    justification: t.justification,
    response: t.response,
    detail: t.detail,
    controls: t.controlsLabel,
  }
}

/** What a save does to the entries: replaced or added, what is kept, what differs. */
const SaveNotes = ({
  releases,
  replaced,
  total,
  overridden,
  kept,
  mixed,
}: {
  readonly releases: readonly string[]
  readonly replaced: number
  readonly total: number
  readonly overridden: number
  readonly kept: readonly string[]
  readonly mixed: readonly string[]
}) => {
  const t = useMessages(messages)
  const scope = releases.length === 0 ? t.scopeAll : t.scopeOne(releases.join(', '))
  const saving =
    total > 1
      ? t.replacesMany(replaced, total - replaced, scope)
      : replaced > 0
        ? t.replaces(scope)
        : t.adds(scope)
  return (
    <div className="muted findings-hint">
      <p>
        {saving}{' '}
        {kept.length > 0 && t.keeps(kept.map((field) => termOf(t, 'field', field)).join(', '))}
      </p>
      {overridden > 0 && <p>{t.overridden(overridden, total)}</p>}
      {mixed.length > 0 && <p>{t.mixed(mixed.join(', '))}</p>}
    </div>
  )
}

/**
 * One VEX decision for one or many findings, written into each finding's entry for the scope:
 * what the form does not show (risk evaluation, verifications…) is sent back as recorded. A
 * PUT per finding, in turn, each with the ETag the previous save returned; what failed is
 * listed by finding.
 */
export const TriageForm = ({
  productId,
  findings,
  scopeRelease,
  revision,
  today,
  controls,
  onDone,
}: {
  readonly productId: string
  /** One row per finding: the entries come with it. */
  readonly findings: readonly Finding[]
  /** The release the decision can be limited to (the finding's, or the one shown). */
  readonly scopeRelease: string | undefined
  readonly revision: number
  readonly today: string
  readonly controls: readonly IdOption[]
  readonly onDone: (result: BulkTriageResult) => void
}) => {
  const t = useMessages(messages)
  const labels = useFieldLabels()
  const { session } = useSession()
  const [form, setForm] = useState<Form>(() => {
    const scope = initialScope(findings, scopeRelease)
    return formFor(
      findings.map((finding) => triageStart(finding, scope)),
      scope,
    ).form
  })
  const [progress, setProgress] = useState<[number, number] | null>(null)
  const [result, setResult] = useState<BulkTriageResult | null>(null)
  const by = { assessedBy: session.user.displayName, today }
  // From the entries as they are now: a refetch after a save brings the saved ones.
  const starts = findings.map((finding) => triageStart(finding, form.releases))
  const bodies = new Map(starts.map((start) => [start.findingId, triageBody(start, form, by)]))
  const lacking = [...bodies.values()].filter(lacksJustification).length
  const mixedFields = formFor(starts, form.releases).mixed
  const mixed = [...mixedFields].map((field) => labels[field])
  const kept = [...new Set(starts.flatMap((start) => keptFields(start.base)))]

  const setScope = (on: boolean) => {
    const releases = on && scopeRelease !== undefined ? [scopeRelease] : []
    // Another scope is another entry in the model: show what that entry holds.
    const next = formFor(
      findings.map((finding) => triageStart(finding, releases)),
      releases,
    )
    setForm({ ...next.form, reason: form.reason })
    setResult(null)
  }

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault()
    if (lacking > 0) return
    setResult(null)
    setProgress([0, bodies.size])
    const run = await triageSequentially(
      [...bodies.keys()],
      `"r${String(revision)}"`,
      (findingId, ifMatch) => {
        const body = bodies.get(findingId)
        if (body === undefined) throw new Error(`no triage for ${findingId}`)
        return putTriage(productId, findingId, body, ifMatch)
      },
      (done, total) => {
        setProgress([done, total])
      },
    )
    setProgress(null)
    setResult(run)
    onDone(run)
  }

  return (
    <form className="findings-triage" onSubmit={(event) => void submit(event)}>
      {scopeRelease !== undefined && (
        <label className="inline findings-scope">
          <input
            type="checkbox"
            checked={form.releases.includes(scopeRelease)}
            onChange={(event) => {
              setScope(event.target.checked)
            }}
          />
          {t.onlyRelease(scopeRelease)}
        </label>
      )}
      <SaveNotes
        releases={form.releases}
        replaced={starts.filter((start) => start.base !== undefined).length}
        total={starts.length}
        overridden={overriddenCount(findings, form.releases)}
        kept={kept}
        mixed={mixed}
      />
      <VexFields form={form} statusMixed={mixedFields.has('status')} onChange={setForm} />
      <label>
        {t.detail}
        <textarea
          value={form.detail}
          onChange={(event) => {
            setForm(editField(form, 'detail', event.target.value))
          }}
        />
      </label>
      <IdPicker
        legend={t.controlsLabel}
        options={controls}
        value={form.controls}
        onChange={(next) => {
          setForm(editField(form, 'controls', next))
        }}
        addLabel={t.addId}
        addButton={t.add}
        rejectedText={t.notAnId}
      />
      <label>
        {t.reason}
        <input
          value={form.reason}
          onChange={(event) => {
            setForm({ ...form, reason: event.target.value })
          }}
        />
      </label>
      {lacking > 0 && (
        <p className="findings-problem">
          {bodies.size === 1 ? t.needsJustification : t.needsJustificationMany(lacking)}
        </p>
      )}
      <button type="submit" className="primary" disabled={lacking > 0 || progress !== null}>
        {progress === null ? t.saveTriage : t.saving(progress[0], progress[1])}
      </button>
      {result !== null && <TriageOutcome result={result} />}
    </form>
  )
}

const TriageOutcome = ({ result }: { readonly result: BulkTriageResult }) => {
  const t = useMessages(messages)
  const counts = countOutcomes(result.outcomes)
  const failed = result.outcomes.filter((outcome) => outcome.result === 'failed')
  return (
    <div role="status" className="findings-outcome">
      <p>{t.outcome(counts.saved, counts.failed, counts.notSent)}</p>
      {failed.length > 0 && (
        <>
          <p>{t.failedList}</p>
          <ul>
            {failed.map((outcome) => (
              <li key={outcome.findingId}>
                <code>{outcome.findingId}</code>
                <ErrorBox error={outcome.error} />
              </li>
            ))}
          </ul>
        </>
      )}
      {counts.notSent > 0 && <p className="muted">{t.notSentHint}</p>}
    </div>
  )
}
