import { useState, type SyntheticEvent } from 'react'

import type { IdOption } from '../../api/model-ids.js'
import { useSaveAssessment } from '../../api/threats.js'
import type { Threat } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { useMessages } from '../../i18n/messages.js'
import { IdPicker } from '../../ui/id-picker.js'
import { ErrorBox } from '../../ui/query-state.js'
import { THREAT_STATUSES } from '../../../../src/core/model/vocabulary.js'
import { termOf } from '../../i18n/common.js'
import {
  assessmentBody,
  assessmentFor,
  formFor,
  type AssessmentForm as Form,
  type ThreatStatus,
} from './assessment-request.js'
import { messages } from './messages.js'

const isStatus = (value: string): value is ThreatStatus =>
  (THREAT_STATUSES as readonly string[]).includes(value)

/** The decision on one threat for one release scope, written into the model. */
export const AssessmentForm = ({
  productId,
  threat,
  releases,
  revision,
  today,
  controls,
  hazardousSituations,
}: {
  readonly productId: string
  readonly threat: Threat
  /** The product's release versions, for the scope. */
  readonly releases: readonly string[]
  readonly revision: number
  readonly today: string
  readonly controls: readonly IdOption[]
  readonly hazardousSituations: readonly IdOption[]
}) => {
  const t = useMessages(messages)
  const { session } = useSession()
  const [form, setForm] = useState<Form>(() => formFor(threat, []))
  const [missingRationale, setMissingRationale] = useState(false)
  const save = useSaveAssessment(productId)
  const base = assessmentFor(threat, form.releases)

  const setScope = (release: string, on: boolean) => {
    const scope = on ? [...form.releases, release] : form.releases.filter((r) => r !== release)
    // Another scope is another entry in the model: show what that entry holds.
    setForm({
      ...formFor(
        threat,
        releases.filter((r) => scope.includes(r)),
      ),
      reason: form.reason,
    })
    save.reset()
  }

  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    if (form.rationale.trim() === '') {
      setMissingRationale(true)
      return
    }
    setMissingRationale(false)
    save.mutate({
      threatId: threat.id,
      body: assessmentBody(base, form, { assessedBy: session.user.displayName, today }),
      ifMatch: `"r${String(revision)}"`,
    })
  }

  return (
    <form className="threats-form" onSubmit={submit} aria-label={t.assess}>
      <h3>{t.assess}</h3>
      {releases.length > 0 && (
        <fieldset>
          <legend>{t.releaseScope}</legend>
          <p className="muted id-picker-hint">{t.releaseScopeHint}</p>
          <div className="threats-scope">
            {releases.map((release) => (
              <label className="inline" key={release}>
                <input
                  type="checkbox"
                  checked={form.releases.includes(release)}
                  onChange={(event) => {
                    setScope(release, event.target.checked)
                  }}
                />
                {release}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <p className="muted">
        {base === undefined ? t.adds : t.replaces} {base?.risk !== undefined && t.keepsRisk}
      </p>
      <label>
        {t.status}
        <select
          value={form.status}
          onChange={(event) => {
            if (isStatus(event.target.value)) setForm({ ...form, status: event.target.value })
          }}
        >
          {THREAT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {termOf(t, 'status', status)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.rationale}
        <textarea
          value={form.rationale}
          required
          aria-invalid={missingRationale}
          onChange={(event) => {
            setForm({ ...form, rationale: event.target.value })
          }}
        />
      </label>
      {missingRationale && (
        <p className="threats-problem" role="alert">
          {t.rationaleRequired}
        </p>
      )}
      <IdPicker
        legend={t.controls}
        hint={t.controlsHint}
        options={controls}
        value={form.controls}
        onChange={(next) => {
          setForm({ ...form, controls: next })
        }}
        addLabel={t.addId}
        addButton={t.add}
        rejectedText={t.notAnId}
      />
      <IdPicker
        legend={t.hazardousSituations}
        hint={t.hazardsHint}
        options={hazardousSituations}
        value={form.hazardousSituations}
        onChange={(next) => {
          setForm({ ...form, hazardousSituations: next })
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
      {save.error !== null && <ErrorBox error={save.error} />}
      {save.data !== undefined && (
        <p className="notice" role="status">
          {t.saved(save.data.revision)}
        </p>
      )}
      <button type="submit" className="primary" disabled={save.isPending}>
        {save.isPending ? t.saving : t.saveAssessment}
      </button>
    </form>
  )
}
