import type { Threat } from '../../api/types.js'
import { termOf } from '../../i18n/common.js'
import { Badge } from '../../ui/page.js'
import type { Column } from '../../ui/data-table.js'
import type { messages } from './messages.js'

type Texts = (typeof messages)['en']

/** The categories in STRIDE's own order, whatever order the rule listed them in. */
export const inStrideOrder = (categories: readonly string[]): readonly string[] =>
  [...categories].sort(
    (a, b) => Object.keys(STRIDE_LETTERS).indexOf(a) - Object.keys(STRIDE_LETTERS).indexOf(b),
  )

const STRIDE_LETTERS: Readonly<Record<string, string>> = {
  spoofing: 'S',
  tampering: 'T',
  repudiation: 'R',
  'information-disclosure': 'I',
  'denial-of-service': 'D',
  'elevation-of-privilege': 'E',
}

/** Open needs work; closed decisions are calm; the word always says which. */
export const statusTone = (status: string): 'bad' | 'good' | 'info' | 'neutral' =>
  status === 'open'
    ? 'bad'
    : status === 'mitigated'
      ? 'good'
      : status === 'accepted' || status === 'transferred'
        ? 'info'
        : 'neutral'

export const threatColumns = (t: Texts): readonly Column<Threat>[] => [
  {
    id: 'id',
    header: t.id,
    width: 'minmax(9rem, 1.2fr)',
    cell: (threat) => <code>{threat.id}</code>,
    text: (threat) => threat.id,
  },
  {
    id: 'title',
    header: t.title,
    width: 'minmax(12rem, 2fr)',
    cell: (threat) => threat.title,
    text: (threat) => threat.title,
  },
  {
    id: 'stride',
    header: t.stride,
    width: '5.5rem',
    cell: (threat) => (
      <>
        <span aria-hidden="true">
          {inStrideOrder(threat.stride)
            .map((category) => STRIDE_LETTERS[category] ?? category)
            .join(' ')}
        </span>
        <span className="visually-hidden">
          {inStrideOrder(threat.stride)
            .map((category) => termOf(t, 'stride', category))
            .join(t.listSeparator)}
        </span>
      </>
    ),
    text: (threat) =>
      threat.stride.map((category) => termOf(t, 'stride', category)).join(t.listSeparator),
  },
  {
    id: 'element',
    header: t.element,
    width: 'minmax(7rem, 1fr)',
    cell: (threat) => threat.element,
    text: (threat) => threat.element,
  },
  {
    id: 'status',
    header: t.status,
    width: '7.5rem',
    cell: (threat) => (
      <Badge tone={statusTone(threat.status)}>{termOf(t, 'status', threat.status)}</Badge>
    ),
    text: (threat) => termOf(t, 'status', threat.status),
  },
  {
    id: 'controls',
    header: t.controls,
    width: '5.5rem',
    cell: (threat) => String(threat.controls.length),
    text: (threat) => threat.controls.join(', '),
  },
]
