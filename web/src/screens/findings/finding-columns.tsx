import type { Finding, LifecycleComponent } from '../../api/types.js'
import { termOf } from '../../i18n/common.js'
import type { common } from '../../i18n/common.js'
import type { Column } from '../../ui/data-table.js'
import { Badge } from '../../ui/page.js'
import { epssPercent } from './finding-filters.js'
import type { messages } from './messages.js'

type Texts = (typeof messages)['en']
type Common = (typeof common)['en']
type Tone = 'neutral' | 'good' | 'warn' | 'bad' | 'info'

export const severityTone = (severity: string | null): Tone => {
  const value = (severity ?? '').toLowerCase()
  if (value === 'critical' || value === 'high') return 'bad'
  if (value === 'medium' || value === 'moderate') return 'warn'
  return 'neutral'
}

export const vexTone = (status: string): Tone =>
  status === 'affected'
    ? 'bad'
    : status === 'untriaged' || status === 'under_investigation'
      ? 'warn'
      : 'good'

export const findingColumns = (t: Texts, c: Common): readonly Column<Finding>[] => [
  {
    id: 'vulnerability',
    header: t.vulnerability,
    width: 'minmax(9rem, 1.2fr)',
    cell: (finding) => <code>{finding.vulnerability}</code>,
    text: (finding) => [finding.vulnerability, ...finding.aliases].join(', '),
  },
  {
    id: 'component',
    header: t.component,
    width: 'minmax(8rem, 1.2fr)',
    cell: (finding) => finding.component,
    text: (finding) => finding.component,
  },
  {
    id: 'release',
    header: t.release,
    width: '5rem',
    cell: (finding) => finding.release,
    text: (finding) => finding.release,
  },
  {
    id: 'severity',
    header: t.cvssSeverity,
    width: '8.5rem',
    cell: (finding) =>
      finding.severity === null ? (
        '—'
      ) : (
        <Badge tone={severityTone(finding.severity)}>{finding.severity.toLowerCase()}</Badge>
      ),
    text: (finding) => finding.severity ?? '',
  },
  {
    id: 'cvss',
    header: t.cvss,
    width: '3.5rem',
    cell: (finding) => (finding.cvssScore === null ? '—' : finding.cvssScore.toFixed(1)),
  },
  {
    id: 'kev',
    header: t.kev,
    width: '3.5rem',
    cell: (finding) =>
      finding.kev ? (
        <span title={t.kevTitle}>
          <Badge tone="bad">{t.kevBadge}</Badge>
        </span>
      ) : (
        ''
      ),
    text: (finding) => (finding.kev ? t.kevTitle : ''),
  },
  {
    id: 'epss',
    header: t.epss,
    width: '4rem',
    cell: (finding) => epssPercent(finding.epss),
  },
  {
    id: 'vex',
    header: c.vexStatus,
    width: '9rem',
    cell: (finding) => (
      <Badge tone={vexTone(finding.vexStatus)}>{termOf(c, 'vex', finding.vexStatus)}</Badge>
    ),
    text: (finding) => termOf(c, 'vex', finding.vexStatus),
  },
]

const stateTone = (state: string): Tone =>
  state === 'ended'
    ? 'bad'
    : state === 'ends-within-a-year'
      ? 'warn'
      : state === 'supported'
        ? 'good'
        : 'neutral'

export const componentColumns = (
  t: Texts,
  formatDate: (value: string | null) => string,
): readonly Column<LifecycleComponent>[] => [
  {
    id: 'name',
    header: t.name,
    width: 'minmax(9rem, 1.5fr)',
    cell: (component) => component.name,
    text: (component) => `${component.name} (${component.id})`,
  },
  {
    id: 'version',
    header: t.version,
    width: 'minmax(5rem, 0.6fr)',
    cell: (component) => component.version,
    text: (component) => component.version,
  },
  {
    id: 'supplier',
    header: t.supplier,
    width: 'minmax(7rem, 1fr)',
    cell: (component) => component.supplier ?? '—',
    text: (component) => component.supplier ?? '',
  },
  {
    id: 'kind',
    header: t.kind,
    width: '8rem',
    cell: (component) => component.kind,
    text: (component) => component.kind,
  },
  {
    id: 'support',
    header: t.supportLevel,
    width: '11rem',
    cell: (component) => termOf(t, 'support', component.supportLevel),
    text: (component) => termOf(t, 'support', component.supportLevel),
  },
  {
    id: 'end',
    header: t.endOfSupport,
    width: '8.5rem',
    cell: (component) => formatDate(component.endOfSupport),
    text: (component) => component.endOfSupport ?? '',
  },
  {
    id: 'releases',
    header: t.releases,
    width: 'minmax(5rem, 0.6fr)',
    cell: (component) => component.releases.join(', '),
    text: (component) => component.releases.join(', '),
  },
  {
    id: 'state',
    header: t.state,
    width: '10rem',
    cell: (component) => (
      <Badge tone={stateTone(component.state)}>{termOf(t, 'state', component.state)}</Badge>
    ),
    text: (component) => termOf(t, 'state', component.state),
  },
]
