import { useState } from 'react'
import { Link } from 'react-router'

import type { RegulatoryClock } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { clockBadge, type ClockBadge } from './clock-badge.js'
import { EvidenceForm } from './evidence-form.js'
import { messages } from './messages.js'

const badgeText = (t: (typeof messages)['en'], badge: ClockBadge): string => {
  switch (badge.say) {
    case 'dueToday':
      return t.dueToday
    case 'overdue':
    case 'daysLeft':
      return t[badge.say](badge.days)
    case 'met':
    case 'metLate':
    case 'withdrawn':
      return t[badge.say](badge.date)
  }
}

/** Days left, overdue, met or withdrawn, in the user's language and the state's colour. */
export const ClockBadgeText = ({ clock }: { readonly clock: RegulatoryClock }) => {
  const t = useMessages(messages)
  const badge = clockBadge(clock)
  return <Badge tone={badge.tone}>{badgeText(t, badge)}</Badge>
}

const ClockRow = ({
  clock,
  withEvidence,
}: {
  readonly clock: RegulatoryClock
  readonly withEvidence: boolean
}) => {
  const t = useMessages(messages)
  const { can } = useSession()
  const [recording, setRecording] = useState(false)
  const open = clock.state === 'open' || clock.state === 'missed'
  return (
    <li className="clock">
      <div className="clock-head">
        <ClockBadgeText clock={clock} />
        <strong className="clock-due">{clock.due}</strong>
        <span>{clock.title}</span>
      </div>
      <div className="clock-meta">
        <Link to={`/products/${encodeURIComponent(clock.productId)}/findings`}>
          {clock.productName ?? clock.productId}
        </Link>{' '}
        · {t.release} {clock.release} · <code>{clock.subject}</code> · {t.started(clock.startedOn)}
      </div>
      <div className="clock-source">
        {t.source}: {clock.source.document}, {clock.source.clause}
      </div>
      {clock.evidence !== null && (
        <div className="clock-evidence">
          {t.evidence}: {clock.evidence.note}{' '}
          {clock.evidence.url !== undefined && (
            <a href={clock.evidence.url} target="_blank" rel="noreferrer">
              {clock.evidence.url}
            </a>
          )}{' '}
          <span className="muted">
            ({t.recordedBy(clock.evidence.recordedBy, clock.evidence.recordedAt.slice(0, 10))})
          </span>
        </div>
      )}
      {withEvidence && open && can('finding:triage', clock.productId) && (
        <div className="clock-actions">
          {recording ? (
            <EvidenceForm
              clock={clock}
              onDone={() => {
                setRecording(false)
              }}
            />
          ) : (
            <button
              type="button"
              onClick={() => {
                setRecording(true)
              }}
            >
              {t.recordEvidence}
            </button>
          )}
        </div>
      )}
    </li>
  )
}

/** Clocks as a list, the earliest due first (the order the API gives). */
export const ClockList = ({
  clocks,
  withEvidence,
}: {
  readonly clocks: readonly RegulatoryClock[]
  readonly withEvidence: boolean
}) => {
  const t = useMessages(messages)
  if (clocks.length === 0) return <p className="muted">{t.none}</p>
  return (
    <ul className="clock-list">
      {clocks.map((clock) => (
        <ClockRow key={clock.id} clock={clock} withEvidence={withEvidence} />
      ))}
    </ul>
  )
}
