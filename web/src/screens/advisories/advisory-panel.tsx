import { Link } from 'react-router'

import { query } from '../../api/client.js'
import type { Advisory } from '../../api/types.js'
import { common, termOf } from '../../i18n/common.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { SidePanel } from '../../ui/side-panel.js'
import { epssPercent, groupAffected, severityText } from './advisory-view.js'
import { messages } from './messages.js'

const findingsLink = (productId: string, vulnerability: string): string =>
  `/products/${encodeURIComponent(productId)}/findings${query({ q: vulnerability })}`

/** One advisory: its scores and summary, and every product, release and component it is in. */
export const AdvisoryPanel = ({
  advisory,
  onClose,
}: {
  readonly advisory: Advisory
  readonly onClose: () => void
}) => {
  const t = useMessages(messages)
  const tc = useMessages(common)
  const formatDate = useFormatDate()
  return (
    <SidePanel title={advisory.vulnerability} onClose={onClose}>
      <p className="advisories-badges">
        {advisory.isNew && <Badge tone="info">{t.isNew}</Badge>}
        {advisory.kev && (
          <span title={t.kevTitle}>
            <Badge tone="bad">{t.kev}</Badge>
          </span>
        )}
      </p>
      <dl className="facts">
        <dt>{t.aliases}</dt>
        <dd>{advisory.aliases.length === 0 ? '—' : advisory.aliases.join(', ')}</dd>
        <dt title={t.severityTitle}>{t.severity}</dt>
        <dd>{severityText(advisory)}</dd>
        <dt title={t.epssTitle}>{t.epss}</dt>
        <dd>{epssPercent(advisory.epss)}</dd>
        <dt>{t.kev}</dt>
        <dd>{advisory.kev ? t.yes : t.no}</dd>
        <dt>{t.firstSeen}</dt>
        <dd>{formatDate(advisory.firstSeen)}</dd>
        <dt>{t.lastEvaluated}</dt>
        <dd>{formatDate(advisory.lastEvaluatedAt)}</dd>
      </dl>
      <h3>{t.whereFound}</h3>
      {groupAffected(advisory.affected).map((product) => (
        <section key={product.productId} className="advisories-product">
          <h4>
            <Link
              to={findingsLink(product.productId, advisory.vulnerability)}
              title={t.openFindings}
            >
              {product.productName}
            </Link>
          </h4>
          <ul>
            {product.releases.map((release) => (
              <li key={release.release}>
                <strong>
                  {tc.release} {release.release}
                </strong>
                :{' '}
                {release.components.map((component, index) => (
                  <span key={`${component.component} ${component.findingId}`}>
                    {index > 0 && ', '}
                    <code>{component.component}</code> ({termOf(tc, 'vex', component.vexStatus)})
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h3>{t.summary}</h3>
      <p className="advisories-summary">
        {advisory.summary ?? <span className="muted">{t.noSummary}</span>}
      </p>
    </SidePanel>
  )
}
