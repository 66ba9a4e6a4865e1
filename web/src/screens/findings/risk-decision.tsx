import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type SyntheticEvent } from 'react'
import { Link } from 'react-router'

import { productPath, query, request } from '../../api/client.js'
import type {
  ClockPage,
  Page,
  RiskDecision,
  RiskDecisionBody,
  RiskDecisionResult,
} from '../../api/types.js'
import { useMessages } from '../../i18n/messages.js'
import { ErrorBox } from '../../ui/query-state.js'
import { CLOCKS_KEY } from '../deadlines/clock-queries.js'
import { ClockBadgeText } from '../deadlines/clock-list.js'
import { messages } from './risk-decision-messages.js'

const decisionsKey = (productId: string, release: string, subject: string) =>
  ['decisions', productId, release, subject] as const

/**
 * The controlled/uncontrolled decision for one finding of one release, its clocks, and (for
 * those who may triage) the form that records a new one.
 */
export const RiskDecisionControl = ({
  productId,
  release,
  subject,
  mayDecide,
}: {
  readonly productId: string
  readonly release: string
  readonly subject: string
  readonly mayDecide: boolean
}) => {
  const t = useMessages(messages)
  const client = useQueryClient()
  const decisions = useQuery({
    queryKey: decisionsKey(productId, release, subject),
    queryFn: () =>
      request<Page<RiskDecision>>(
        productPath(productId, `/decisions${query({ release, subject })}`),
      ),
  })
  const clocks = useQuery({
    queryKey: [...CLOCKS_KEY, { productId, release, subject }],
    queryFn: () => request<ClockPage>(`/clocks${query({ productId, release, subject })}`),
  })
  const [decision, setDecision] = useState<RiskDecisionBody['decision']>('uncontrolled')
  const [rationale, setRationale] = useState('')
  const [learnedOn, setLearnedOn] = useState('')
  const save = useMutation({
    mutationFn: (body: RiskDecisionBody) =>
      request<RiskDecisionResult>(
        productPath(
          productId,
          `/releases/${encodeURIComponent(release)}/decisions/${encodeURIComponent(subject)}`,
        ),
        { method: 'PUT', body },
      ),
    onSuccess: async () => {
      setRationale('')
      await client.invalidateQueries({ queryKey: decisionsKey(productId, release, subject) })
      await client.invalidateQueries({ queryKey: CLOCKS_KEY })
    },
  })
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    save.mutate({
      decision,
      rationale: rationale.trim(),
      ...(learnedOn === '' ? {} : { learnedOn }),
    })
  }
  const current = decisions.data?.items[0]
  return (
    <section className="risk-decision" aria-labelledby="risk-decision-heading">
      <h3 id="risk-decision-heading">{t.heading}</h3>
      <p>
        {current === undefined
          ? t.none
          : t.current(
              current.decision === 'controlled' ? t.controlled : t.uncontrolled,
              current.decidedBy,
              current.decidedAt.slice(0, 10),
            )}
      </p>
      {current !== undefined && <p className="muted">{current.rationale}</p>}
      {(clocks.data?.items.length ?? 0) > 0 && (
        <>
          <h4>{t.clocks}</h4>
          <ul className="clock-list">
            {clocks.data?.items.map((clock) => (
              <li key={clock.id} className="clock">
                <ClockBadgeText clock={clock} /> <strong>{clock.due}</strong> {clock.title}{' '}
                <span className="muted">({clock.source.clause})</span>
              </li>
            ))}
          </ul>
          <Link to="/deadlines">{t.allDeadlines}</Link>
        </>
      )}
      {mayDecide && (
        <form className="evidence-form" onSubmit={submit}>
          <fieldset>
            {(['uncontrolled', 'controlled'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="risk-decision"
                  value={value}
                  checked={decision === value}
                  onChange={() => {
                    setDecision(value)
                  }}
                />{' '}
                {t[value]}
              </label>
            ))}
          </fieldset>
          <p className="muted">
            {decision === 'controlled' ? t.controlledHint : t.uncontrolledHint}
          </p>
          <label>
            {t.rationale}
            <textarea
              required
              maxLength={4000}
              value={rationale}
              onChange={(event) => {
                setRationale(event.target.value)
              }}
            />
          </label>
          <label>
            {t.learnedOn}
            <input
              type="date"
              value={learnedOn}
              onChange={(event) => {
                setLearnedOn(event.target.value)
              }}
            />
          </label>
          {save.error !== null && <ErrorBox error={save.error} />}
          {save.data !== undefined && <p role="status">{t.started(save.data.started.length)}</p>}
          <button type="submit" disabled={save.isPending || rationale.trim() === ''}>
            {t.record}
          </button>
        </form>
      )}
    </section>
  )
}
