import type { FindingAssessment } from '../../api/types.js'
import { common, termOf } from '../../i18n/common.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { vexTone } from './finding-columns.js'
import { messages } from './messages.js'

/** The finding's triage entries in the model, one per release scope, as they are now. */
export const TriageEntries = ({ entries }: { readonly entries: readonly FindingAssessment[] }) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const formatDate = useFormatDate()
  return (
    <>
      <h3>{t.recordedTriage}</h3>
      {entries.length === 0 ? (
        <p className="muted">{t.noTriage}</p>
      ) : (
        <ul className="findings-entries">
          {entries.map((entry) => (
            <li key={(entry.releases ?? []).join(',')}>
              <Badge tone={vexTone(entry.status)}>{termOf(c, 'vex', entry.status)}</Badge>{' '}
              {entry.releases === undefined || entry.releases.length === 0
                ? t.everyRelease
                : t.scopeReleases(entry.releases.join(', '))}
              {entry.risk !== undefined && (
                <>
                  {' '}
                  <Badge tone="info">{t.withRiskEvaluation}</Badge>
                </>
              )}
              {entry.assessedBy !== undefined && (
                <span className="muted">
                  {' · '}
                  {t.assessedBy(
                    entry.assessedBy,
                    entry.date === undefined ? '' : formatDate(entry.date),
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
