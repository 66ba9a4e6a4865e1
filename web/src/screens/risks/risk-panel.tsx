import { useState } from 'react'

import type { RiskEntry } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { common, termOf } from '../../i18n/common.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { SidePanel } from '../../ui/side-panel.js'
import { AcceptForm } from './accept-form.js'
import { signatureTarget } from './acceptance-request.js'
import { messages } from './messages.js'
import { acceptabilityTone, ControlBadge, deadlineTone } from './risk-columns.js'
import { RiskSignatures } from './risk-signatures.js'

type Rating = RiskEntry['before']

/** The register's acceptability words as the matrix's letters. */
const ACCEPTABILITY_LETTERS: Readonly<Record<string, string>> = {
  acceptable: 'A',
  'acceptance-required': 'R',
  unacceptable: 'U',
}

const Basis = ({ rating }: { readonly rating: Rating }) => {
  const t = useMessages(messages)
  const basis = rating.exploitabilityBasis
  return (
    <span className="muted">
      {basis.kind === 'cvss' && basis.vector !== undefined
        ? t.basisCvss(basis.vector, String(basis.score ?? ''))
        : t.basisLevel}
      {' · '}
      {rating.severityBasis === 'stated' ? t.severityStated : t.severityHarms}
    </span>
  )
}

const Ratings = ({ entry }: { readonly entry: RiskEntry }) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const rows: readonly [string, Rating][] = [
    [t.before, entry.before],
    [t.after, entry.residual],
  ]
  return (
    <table className="risks-ratings">
      <tbody>
        {rows.map(([label, rating]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>
              <strong>{t.ratingLine(rating.exploitability, rating.severity)}</strong>{' '}
              <Badge tone={acceptabilityTone(rating.acceptability)}>
                {termOf(t, 'rating', ACCEPTABILITY_LETTERS[rating.acceptability] ?? '')}
              </Badge>{' '}
              <ControlBadge status={rating.controlStatus} c={c} />
              <br />
              <Basis rating={rating} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const Deadlines = ({ entry }: { readonly entry: RiskEntry }) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  if (entry.deadlines.length === 0) return <p className="muted">{t.noDeadlines}</p>
  return (
    <ul className="risks-deadlines">
      {entry.deadlines.map((deadline) => (
        <li key={deadline.id}>
          <span>{deadline.title}</span>{' '}
          <Badge tone={deadlineTone(deadline.state)}>{termOf(t, 'deadline', deadline.state)}</Badge>
          <br />
          <span className="muted">
            {t.deadlineDue(formatDate(deadline.due))} · {t.days(deadline.daysRemaining)} ·{' '}
            {deadline.source.document} {deadline.source.clause}
          </span>
        </li>
      ))}
    </ul>
  )
}

const Acceptance = ({ entry }: { readonly entry: RiskEntry }) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const acceptance = entry.acceptance
  if (acceptance === null) return <p className="muted">{t.acceptanceNone}</p>
  return (
    <dl className="facts">
      <dt>{t.acceptanceState}</dt>
      <dd>
        <Badge tone={acceptance.state === 'lapsed' ? 'bad' : 'info'}>
          {termOf(t, 'state', acceptance.state)}
        </Badge>
      </dd>
      <dt>{t.approvedBy}</dt>
      <dd>{acceptance.approvedBy}</dd>
      <dt>{t.acceptedOn}</dt>
      <dd>{formatDate(acceptance.date)}</dd>
      <dt>{t.reReview}</dt>
      <dd>{formatDate(acceptance.reReview)}</dd>
      <dt>{t.rationale}</dt>
      <dd>{acceptance.rationale}</dd>
      {acceptance.benefitRisk !== undefined && (
        <>
          <dt>{t.benefitRisk}</dt>
          <dd>{acceptance.benefitRisk}</dd>
        </>
      )}
    </dl>
  )
}

const Ids = ({ ids, none }: { readonly ids: readonly string[]; readonly none: string }) =>
  ids.length === 0 ? (
    <p className="muted">{none}</p>
  ) : (
    <ul className="risks-ids">
      {ids.map((id) => (
        <li key={id}>
          <code>{id}</code>
        </li>
      ))}
    </ul>
  )

/** One risk: its ratings, what controls it, the harms, the deadlines, its acceptance. */
export const RiskPanel = ({
  productId,
  entry,
  release,
  revision,
  today,
  onClose,
}: {
  readonly productId: string
  readonly entry: RiskEntry
  readonly release: string | undefined
  readonly revision: number
  readonly today: string
  readonly onClose: () => void
}) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const formatDate = useFormatDate()
  const { can } = useSession()
  const [accepting, setAccepting] = useState(false)
  const [savedAt, setSavedAt] = useState<number | null>(null)
  const mayAssess = can('threat:assess', productId)
  return (
    <SidePanel title={entry.title} onClose={onClose}>
      <dl className="facts">
        <dt>{t.id}</dt>
        <dd>
          <code>{entry.id}</code>
        </dd>
        <dt>{t.source}</dt>
        <dd>
          {termOf(t, 'source', entry.source)} <code>{entry.subject}</code>
        </dd>
        <dt>{t.status}</dt>
        <dd>
          {entry.source === 'finding'
            ? termOf(c, 'vex', entry.status)
            : termOf(t, 'threatStatus', entry.status)}
        </dd>
        <dt>{t.releases}</dt>
        <dd>{entry.releases === null ? t.everyRelease : entry.releases.join(', ')}</dd>
        {entry.identified !== null && (
          <>
            <dt>{t.identified}</dt>
            <dd>{formatDate(entry.identified)}</dd>
          </>
        )}
      </dl>
      <h3>{t.rating}</h3>
      <Ratings entry={entry} />
      <h3>{t.controls}</h3>
      {entry.controls.length === 0 ? (
        <p className="muted">{t.noneLinked}</p>
      ) : (
        <ul className="risks-ids">
          {entry.controls.map((control) => (
            <li key={control.id}>
              {control.name} <code>{control.id}</code>{' '}
              <span className="muted">{control.status}</span>
              {control.compensating && (
                <>
                  {' '}
                  <Badge tone="info">{t.compensating}</Badge>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.hazardousSituations}</h3>
      <Ids ids={entry.hazardousSituations} none={t.noneLinked} />
      <h3>{t.harms}</h3>
      <Ids ids={entry.harms} none={t.noneLinked} />
      <h3>{t.deadlines}</h3>
      <Deadlines entry={entry} />
      {entry.rationale !== '' && (
        <>
          <h3>{t.rationale}</h3>
          <p className="risks-rationale">{entry.rationale}</p>
        </>
      )}
      <h3>{t.acceptance}</h3>
      <Acceptance entry={entry} />
      {savedAt !== null && (
        <p className="notice" role="status">
          {t.savedAcceptance(savedAt)}
        </p>
      )}
      {entry.source === 'finding' ? (
        <p className="muted">{t.findingAcceptance}</p>
      ) : mayAssess ? (
        <>
          <button
            type="button"
            aria-expanded={accepting}
            onClick={() => {
              setAccepting(!accepting)
            }}
          >
            {t.acceptRisk}
          </button>
          {accepting && (
            <AcceptForm
              productId={productId}
              entry={entry}
              release={release}
              today={today}
              onSaved={(saved) => {
                setAccepting(false)
                setSavedAt(saved)
              }}
            />
          )}
        </>
      ) : (
        !can('sign:risk-accepted', productId) && <p className="muted">{t.mayNotAccept}</p>
      )}
      <RiskSignatures
        productId={productId}
        entry={entry}
        target={signatureTarget(entry, release)}
        revision={revision}
      />
    </SidePanel>
  )
}
