import type { IdOption } from '../../api/model-ids.js'
import type { Threat } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { useFormatDate } from '../../i18n/locale.js'
import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { Badge } from '../../ui/page.js'
import { SidePanel } from '../../ui/side-panel.js'
import { AssessmentForm } from './assessment-form.js'
import { messages } from './messages.js'
import { inStrideOrder, statusTone } from './threat-columns.js'

const numberOf = (id: string): string => id.replace(/^[A-Z]+-/, '')

const IdList = ({ ids, none }: { readonly ids: readonly string[]; readonly none: string }) =>
  ids.length === 0 ? (
    <p className="muted">{none}</p>
  ) : (
    <ul className="threats-ids">
      {ids.map((id) => (
        <li key={id}>
          <code>{id}</code>
        </li>
      ))}
    </ul>
  )

/** One threat: what it is, what the model links to it, its recorded decisions, and the form. */
export const ThreatPanel = ({
  productId,
  threat,
  releases,
  revision,
  today,
  controls,
  hazardousSituations,
  onClose,
}: {
  readonly productId: string
  readonly threat: Threat
  readonly releases: readonly string[]
  readonly revision: number
  readonly today: string
  readonly controls: readonly IdOption[]
  readonly hazardousSituations: readonly IdOption[]
  readonly onClose: () => void
}) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const { can } = useSession()
  const names = new Map(controls.map((control) => [control.id, control.name]))
  return (
    <SidePanel title={threat.title} onClose={onClose}>
      {threat.multiPatient && (
        <p className="threats-flag">
          <Badge tone="bad">{t.multiPatient}</Badge>
        </p>
      )}
      <dl className="facts">
        <dt>{t.id}</dt>
        <dd>
          <code>{threat.id}</code>
        </dd>
        <dt>{t.rule}</dt>
        <dd>{threat.rule ?? t.writtenByHand}</dd>
        <dt>{t.stride}</dt>
        <dd>
          {inStrideOrder(threat.stride)
            .map((category) => termOf(t, 'stride', category))
            .join(t.listSeparator)}
        </dd>
        <dt>{t.element}</dt>
        <dd>
          <code>{threat.element}</code>
        </dd>
        <dt>{t.status}</dt>
        <dd>
          <Badge tone={statusTone(threat.status)}>{termOf(t, 'status', threat.status)}</Badge>
        </dd>
        {threat.capec.length > 0 && (
          <>
            <dt>{t.capec}</dt>
            <dd className="threats-refs">
              {threat.capec.map((id) => (
                <a
                  key={id}
                  href={`https://capec.mitre.org/data/definitions/${numberOf(id)}.html`}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={t.openCapec(id)}
                >
                  {id}
                </a>
              ))}
            </dd>
          </>
        )}
        {threat.cwe.length > 0 && (
          <>
            <dt>{t.cwe}</dt>
            <dd className="threats-refs">
              {threat.cwe.map((id) => (
                <a
                  key={id}
                  href={`https://cwe.mitre.org/data/definitions/${numberOf(id)}.html`}
                  target="_blank"
                  rel="noreferrer"
                  aria-label={t.openCwe(id)}
                >
                  {id}
                </a>
              ))}
            </dd>
          </>
        )}
        {threat.rationale !== null && (
          <>
            <dt>{t.rationale}</dt>
            <dd>{threat.rationale}</dd>
          </>
        )}
      </dl>
      <h3>{t.detail}</h3>
      <p className="threats-detail">{threat.detail}</p>
      <h3>{t.hazardousSituations}</h3>
      <IdList ids={threat.hazardousSituations} none={t.noneLinked} />
      <h3>{t.controls}</h3>
      {threat.controls.length === 0 ? (
        <p className="muted">{t.noneLinked}</p>
      ) : (
        <ul className="threats-ids">
          {threat.controls.map((id) => (
            <li key={id}>
              <code>{id}</code> {names.get(id) ?? ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{t.assessments}</h3>
      {threat.assessments.length === 0 ? (
        <p className="muted">{t.noAssessments}</p>
      ) : (
        <ul className="threats-assessments">
          {threat.assessments.map((assessment) => (
            <li key={(assessment.releases ?? []).join(',')}>
              <Badge tone={statusTone(assessment.status)}>
                {termOf(t, 'status', assessment.status)}
              </Badge>{' '}
              {assessment.releases === undefined
                ? t.everyRelease
                : t.scopeReleases(assessment.releases.join(', '))}
              {assessment.risk !== undefined && (
                <>
                  {' '}
                  <Badge tone="info">{t.withRiskEvaluation}</Badge>
                </>
              )}
              {assessment.assessedBy !== undefined && (
                <span className="muted">
                  {' · '}
                  {t.assessedBy(assessment.assessedBy, formatDate(assessment.date))}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {can('threat:assess', productId) ? (
        <AssessmentForm
          key={threat.id}
          productId={productId}
          threat={threat}
          releases={releases}
          revision={revision}
          today={today}
          controls={controls}
          hazardousSituations={hazardousSituations}
        />
      ) : (
        <p className="muted">{t.readOnly}</p>
      )}
    </SidePanel>
  )
}
