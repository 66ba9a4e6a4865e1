import { useState, type SyntheticEvent } from 'react'

import { entryForScope } from '../../api/assessment-scopes.js'
import { useSaveAssessment, useThreats } from '../../api/threats.js'
import type { RiskEntry } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { ErrorBox, QueryState } from '../../ui/query-state.js'
import {
  acceptanceBody,
  acceptanceFormFor,
  acceptanceProblems,
  type AcceptanceForm as Form,
} from './acceptance-request.js'
import { messages } from './messages.js'

/**
 * Records the acceptance of a threat's residual risk in the model: the threat's assessment for
 * the risk's releases, PUT back as it is with `risk.acceptance` set.
 */
export const AcceptForm = ({
  productId,
  entry,
  release,
  today,
  onSaved,
}: {
  readonly productId: string
  readonly entry: RiskEntry
  readonly release: string | undefined
  readonly today: string
  readonly onSaved: (revision: number) => void
}) => {
  const t = useMessages(messages)
  const { session } = useSession()
  const threats = useThreats(productId, release)
  const [form, setForm] = useState<Form>(() =>
    acceptanceFormFor(entry, today, session.user.displayName),
  )
  const [shown, setShown] = useState(false)
  const save = useSaveAssessment(productId)
  const problems = acceptanceProblems(entry, form)
  const field = (name: keyof Form) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => {
      setForm({ ...form, [name]: event.target.value })
    },
  })

  return (
    <QueryState query={threats}>
      {(list) => {
        const threat = list.items.find((item) => item.id === entry.subject)
        const base =
          threat === undefined ? undefined : entryForScope(threat.assessments, entry.releases ?? [])
        const submit = (event: SyntheticEvent) => {
          event.preventDefault()
          setShown(true)
          const body = base === undefined ? undefined : acceptanceBody(base, form)
          if (problems.length > 0 || body === undefined) return
          save.mutate(
            { threatId: entry.subject, body, ifMatch: `"r${String(list.revision)}"` },
            {
              onSuccess: (saved) => {
                onSaved(saved.revision)
              },
            },
          )
        }
        return (
          <form className="risks-accept" onSubmit={submit} aria-label={t.acceptRisk}>
            <label>
              {t.rationale}
              <textarea required {...field('rationale')} />
            </label>
            <label>
              {t.approvedBy}
              <input required {...field('approvedBy')} />
            </label>
            <div className="risks-dates">
              <label>
                {t.acceptedOn}
                <input type="date" required {...field('date')} />
              </label>
              <label>
                {t.reReview}
                <input type="date" required {...field('reReview')} />
              </label>
            </div>
            <label>
              {t.benefitRisk}
              {entry.residual.acceptability === 'unacceptable' && (
                <span className="muted">{t.benefitRiskNeeded}</span>
              )}
              <textarea {...field('benefitRisk')} />
            </label>
            <label>
              {t.reason}
              <input {...field('reason')} />
            </label>
            {shown && problems.length > 0 && (
              <ul className="risks-problems" role="alert">
                {problems.map((problem) => (
                  <li key={problem}>{termOf(t, 'problem', problem)}</li>
                ))}
              </ul>
            )}
            {base === undefined && (
              <p role="alert" className="error-box">
                {t.noEntry}
              </p>
            )}
            {save.error !== null && <ErrorBox error={save.error} />}
            <button
              type="submit"
              className="primary"
              disabled={save.isPending || base === undefined}
            >
              {save.isPending ? t.saving : t.saveAcceptance}
            </button>
          </form>
        )
      }}
    </QueryState>
  )
}
