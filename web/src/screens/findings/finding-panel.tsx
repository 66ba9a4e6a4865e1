import type { ReactNode } from 'react'

import type { Finding } from '../../api/types.js'
import { common, termOf } from '../../i18n/common.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { SidePanel } from '../../ui/side-panel.js'
import { severityTone, vexTone } from './finding-columns.js'
import { epssPercent } from './finding-filters.js'
import { messages } from './messages.js'

/** Where a person reads the advisory: NVD for CVEs, the OSV database for the rest. */
const advisoryUrl = (id: string): string =>
  id.startsWith('CVE-')
    ? `https://nvd.nist.gov/vuln/detail/${encodeURIComponent(id)}`
    : `https://osv.dev/vulnerability/${encodeURIComponent(id)}`

/** One finding: the advisory's facts, and below them the triage form when the role allows. */
export const FindingPanel = ({
  finding,
  title,
  onClose,
  children,
}: {
  readonly finding: Finding
  readonly title: string
  readonly onClose: () => void
  readonly children: ReactNode
}) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const formatDate = useFormatDate()
  return (
    <SidePanel title={title} onClose={onClose}>
      <dl className="facts">
        <dt>{t.advisory}</dt>
        <dd>
          <a href={advisoryUrl(finding.vulnerability)} target="_blank" rel="noreferrer">
            {finding.vulnerability}
          </a>
        </dd>
        {finding.aliases.length > 0 && (
          <>
            <dt>{t.aliases}</dt>
            <dd>{finding.aliases.join(', ')}</dd>
          </>
        )}
        <dt>{t.component}</dt>
        <dd>
          <code>{finding.component}</code>
        </dd>
        <dt>{t.release}</dt>
        <dd>{finding.release}</dd>
        <dt>{t.cvssSeverity}</dt>
        <dd>
          {finding.severity === null ? (
            '—'
          ) : (
            <Badge tone={severityTone(finding.severity)}>{finding.severity.toLowerCase()}</Badge>
          )}{' '}
          {finding.cvssScore === null ? '' : finding.cvssScore.toFixed(1)}
        </dd>
        <dt>{t.kev}</dt>
        <dd>
          {finding.kev ? (
            <>
              <Badge tone="bad">{t.kevBadge}</Badge> {t.kevTitle}
            </>
          ) : (
            c.no
          )}
        </dd>
        <dt>{t.epss}</dt>
        <dd>{epssPercent(finding.epss)}</dd>
        <dt>{c.vexStatus}</dt>
        <dd>
          <Badge tone={vexTone(finding.vexStatus)}>{termOf(c, 'vex', finding.vexStatus)}</Badge>
        </dd>
        <dt>{t.firstSeen}</dt>
        <dd>{formatDate(finding.firstSeen)}</dd>
        <dt>{t.evaluatedAt}</dt>
        <dd>{formatDate(finding.evaluatedAt)}</dd>
      </dl>
      {finding.summary !== null && (
        <details className="findings-advisory">
          <summary>{t.advisorySummary}</summary>
          <p>{finding.summary}</p>
        </details>
      )}
      {children}
    </SidePanel>
  )
}
