import type { Lifecycle } from '../../api/types.js'
import { common, termOf } from '../../i18n/common.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable, type Column } from '../../ui/data-table.js'
import { Badge } from '../../ui/page.js'
import { messages } from './messages.js'
import { componentTone, noticeTone, phaseTone } from './tones.js'

type LifecycleRelease = Lifecycle['releases'][number]
type LifecycleComponent = Lifecycle['components'][number]

const NoticeCell = ({ release }: { readonly release: LifecycleRelease }) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  if (release.endOfSupportNoticeDue === null || release.noticeState === null) {
    return <span className="muted">{t.noNotice}</span>
  }
  return (
    <>
      {formatDate(release.endOfSupportNoticeDue)}{' '}
      <Badge tone={noticeTone(release.noticeState)}>
        {termOf(t, 'notice', release.noticeState)}
      </Badge>
    </>
  )
}

/** Each release's support phase, its milestones, the N70 notice and its unsupported components. */
export const ReleasesTable = ({ releases }: { readonly releases: readonly LifecycleRelease[] }) => {
  const t = useMessages(messages)
  const tc = useMessages(common)
  const formatDate = useFormatDate()
  const columns: Column<LifecycleRelease>[] = [
    {
      id: 'version',
      header: t.version,
      cell: (r) => r.version,
      text: (r) => r.version,
      width: '1fr',
    },
    {
      id: 'phase',
      header: tc.supportPhase,
      cell: (r) => (
        <>
          <Badge tone={phaseTone(r.supportPhase)}>{termOf(tc, 'phase', r.supportPhase)}</Badge>
          {r.phaseSource === 'declared' && (
            <span className="muted" title={t.declaredTitle}>
              {' '}
              ({t.declared})
            </span>
          )}
        </>
      ),
      width: '1.4fr',
    },
    { id: 'released', header: t.released, cell: (r) => formatDate(r.releasedAt), width: '1fr' },
    { id: 'eol', header: tc.endOfLife, cell: (r) => formatDate(r.endOfLife), width: '1fr' },
    { id: 'eos', header: tc.endOfSupport, cell: (r) => formatDate(r.endOfSupport), width: '1fr' },
    {
      id: 'notice',
      header: t.notice,
      cell: (r) => <NoticeCell release={r} />,
      text: (r) => (r.noticeState === null ? t.noNotice : termOf(t, 'notice', r.noticeState)),
      width: '1.6fr',
    },
    {
      id: 'unsupported',
      header: t.unsupportedComponents,
      cell: (r) =>
        r.unsupportedComponents.length === 0 ? (
          <span className="muted">{t.unsupportedCount(0)}</span>
        ) : (
          <Badge tone="bad">{t.unsupportedCount(r.unsupportedComponents.length)}</Badge>
        ),
      text: (r) => r.unsupportedComponents.map((c) => c.id).join(', '),
      width: '1.6fr',
    },
    {
      // Who the end-of-support notice must still reach, from the imported installed base.
      id: 'installed',
      header: t.inService,
      cell: (r) =>
        r.installedBase === null ? (
          <span className="muted">{t.noInstalledBase}</span>
        ) : (
          t.inServiceCount(r.installedBase.customers, r.installedBase.sites, r.installedBase.units)
        ),
      width: '1.6fr',
    },
  ]
  return (
    <DataTable
      label={t.releases}
      rows={releases}
      columns={columns}
      rowKey={(r) => r.version}
      height="16rem"
    />
  )
}

/** Releases shipping components past their supplier's end of support: N70 asks for an assessment. */
export const StageTransitionNotice = ({
  releases,
  components,
}: {
  readonly releases: readonly LifecycleRelease[]
  readonly components: readonly LifecycleComponent[]
}) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const affected = releases.filter((release) => release.unsupportedComponents.length > 0)
  if (affected.length === 0) return null
  const names = new Map(components.map((c) => [c.id, `${c.name} ${c.version}`]))
  return (
    <div className="lifecycle-assessment" role="note">
      <h3>{t.assessmentNeeded}</h3>
      <p>{t.assessmentLead}</p>
      <ul>
        {affected.map((release) => {
          const atRelease = release.unsupportedComponents.filter((c) => c.unsupportedAtRelease)
          return (
            <li key={release.version}>
              <strong>{release.version}</strong> —{' '}
              {t.unsupportedCount(release.unsupportedComponents.length)}
              {atRelease.length > 0 && ` (${t.shippedUnsupportedCount(atRelease.length)})`}:{' '}
              {release.unsupportedComponents.map((component, index) => (
                <span
                  key={component.id}
                  title={`${component.id}: ${t.endedOn(formatDate(component.endOfSupport))}${component.unsupportedAtRelease ? `; ${t.shippedUnsupported}` : ''}`}
                >
                  {index > 0 && ', '}
                  {names.get(component.id) ?? component.id}
                </span>
              ))}
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/** Each component with its supplier's end of support and what state that leaves it in. */
export const ComponentsTable = ({
  components,
}: {
  readonly components: readonly LifecycleComponent[]
}) => {
  const t = useMessages(messages)
  const tc = useMessages(common)
  const formatDate = useFormatDate()
  const columns: Column<LifecycleComponent>[] = [
    {
      id: 'component',
      header: t.component,
      cell: (c) => `${c.name} ${c.version}`,
      text: (c) => `${c.name} ${c.version} (${c.id})`,
      width: '2fr',
    },
    {
      id: 'supplier',
      header: t.supplier,
      cell: (c) => c.supplier ?? '—',
      text: (c) => c.supplier ?? '',
      width: '1.4fr',
    },
    {
      id: 'kind',
      header: t.kind,
      cell: (c) => termOf(t, 'kind', c.kind),
      text: (c) => termOf(t, 'kind', c.kind),
      width: '1fr',
    },
    {
      id: 'level',
      header: t.supportLevel,
      cell: (c) => termOf(t, 'level', c.supportLevel),
      text: (c) => termOf(t, 'level', c.supportLevel),
      width: '1.2fr',
    },
    { id: 'eos', header: tc.endOfSupport, cell: (c) => formatDate(c.endOfSupport), width: '1fr' },
    {
      id: 'state',
      header: t.state,
      cell: (c) => <Badge tone={componentTone(c.state)}>{termOf(t, 'state', c.state)}</Badge>,
      width: '1.2fr',
    },
    {
      id: 'releases',
      header: t.inReleases,
      cell: (c) => c.releases.join(', '),
      text: (c) => c.releases.join(', '),
      width: '1fr',
    },
  ]
  return (
    <DataTable
      label={t.components}
      rows={components}
      columns={columns}
      rowKey={(c) => c.id}
      height="24rem"
    />
  )
}
