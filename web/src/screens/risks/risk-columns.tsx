import type { RiskEntry } from '../../api/types.js'
import { termOf } from '../../i18n/common.js'
import type { common } from '../../i18n/common.js'
import type { Column } from '../../ui/data-table.js'
import { Badge } from '../../ui/page.js'
import type { messages } from './messages.js'
import { nextDeadline } from './risk-filters.js'

type Texts = (typeof messages)['en']
type Common = (typeof common)['en']
type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info'

export const acceptabilityTone = (acceptability: string): Tone =>
  acceptability === 'acceptable' ? 'good' : acceptability === 'unacceptable' ? 'bad' : 'warn'

export const deadlineTone = (state: string): Tone =>
  state === 'missed'
    ? 'bad'
    : state === 'due-today' || state === 'due-soon'
      ? 'warn'
      : state.startsWith('met')
        ? 'good'
        : 'neutral'

export const ControlBadge = ({ status, c }: { readonly status: string; readonly c: Common }) =>
  status === 'controlled' ? (
    <Badge tone="good">{c.controlled}</Badge>
  ) : (
    <Badge tone="bad">{c.uncontrolled}</Badge>
  )

const ratingText = (rating: RiskEntry['before']) => `${rating.exploitability} × ${rating.severity}`

export const riskColumns = (t: Texts, c: Common): readonly Column<RiskEntry>[] => [
  {
    id: 'title',
    header: t.risk,
    width: 'minmax(11rem, 2fr)',
    cell: (entry) => entry.title,
    text: (entry) => `${entry.title} (${entry.id})`,
  },
  {
    id: 'source',
    header: t.source,
    width: '5rem',
    cell: (entry) => termOf(t, 'source', entry.source),
    text: (entry) => entry.subject,
  },
  {
    id: 'before',
    header: t.beforeShort,
    width: 'minmax(6rem, 0.8fr)',
    cell: (entry) => ratingText(entry.before),
    text: (entry) => ratingText(entry.before),
  },
  {
    id: 'after',
    header: t.afterShort,
    width: 'minmax(6rem, 0.8fr)',
    cell: (entry) => (
      <Badge tone={acceptabilityTone(entry.residual.acceptability)}>
        {ratingText(entry.residual)}
      </Badge>
    ),
    text: (entry) => `${ratingText(entry.residual)}: ${entry.residual.acceptability}`,
  },
  {
    id: 'control',
    header: t.control,
    width: '10.5rem',
    cell: (entry) => <ControlBadge status={entry.controlStatus} c={c} />,
    text: (entry) => (entry.controlStatus === 'controlled' ? c.controlled : c.uncontrolled),
  },
  {
    id: 'acceptable',
    header: t.acceptable,
    width: '6.5rem',
    cell: (entry) =>
      entry.acceptable ? <Badge tone="good">{c.yes}</Badge> : <Badge tone="bad">{c.no}</Badge>,
    text: (entry) => (entry.acceptable ? c.yes : c.no),
  },
  {
    id: 'acceptance',
    header: t.acceptance,
    width: '6.5rem',
    cell: (entry) =>
      entry.acceptance === null ? (
        '—'
      ) : (
        <Badge tone={entry.acceptance.state === 'lapsed' ? 'bad' : 'info'}>
          {termOf(t, 'state', entry.acceptance.state)}
        </Badge>
      ),
    text: (entry) => entry.acceptance?.reReview ?? '',
  },
  {
    id: 'deadline',
    header: t.nextDeadline,
    width: '8rem',
    cell: (entry) => {
      const next = nextDeadline(entry)
      return next === undefined ? (
        '—'
      ) : (
        <Badge tone={deadlineTone(next.state)}>{t.days(next.daysRemaining)}</Badge>
      )
    },
    text: (entry) => {
      const next = nextDeadline(entry)
      return next === undefined ? '' : `${next.title}: ${next.due}`
    },
  },
]
