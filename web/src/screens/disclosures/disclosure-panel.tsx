import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type SyntheticEvent } from 'react'

import { request } from '../../api/client.js'
import { useFormatDateTime } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { ErrorBox, QueryState } from '../../ui/query-state.js'
import { SidePanel } from '../../ui/side-panel.js'
import { messages } from './messages.js'
import type { DisclosureDetail, DisclosureReport } from './types.js'

type Messages = typeof messages.en

export const stateLabel = (t: Messages, state: string): string =>
  (t as unknown as Record<string, string>)[`state_${state}`] ?? state

const reportPath = (id: string, rest = ''): string =>
  `/disclosures/${encodeURIComponent(id)}${rest}`

const useRefresh = () => {
  const client = useQueryClient()
  return () => client.invalidateQueries({ queryKey: ['disclosures'] })
}

const Actions = ({ report }: { readonly report: DisclosureDetail }) => {
  const t = useMessages(messages)
  const refresh = useRefresh()
  const [note, setNote] = useState('')
  const [duplicateOf, setDuplicateOf] = useState('')
  const move = useMutation({
    mutationFn: (state: string) =>
      request(reportPath(report.id, '/transitions'), {
        method: 'POST',
        body: {
          state,
          ...(note === '' ? {} : { note }),
          ...(state === 'duplicate' ? { duplicateOf } : {}),
        },
      }),
    onSuccess: async () => {
      setNote('')
      await refresh()
    },
  })
  const addNote = useMutation({
    mutationFn: () => request(reportPath(report.id, '/notes'), { method: 'POST', body: { note } }),
    onSuccess: async () => {
      setNote('')
      await refresh()
    },
  })
  return (
    <section>
      <label>
        {t.note}
        <textarea
          rows={2}
          maxLength={4000}
          value={note}
          onChange={(e) => {
            setNote(e.target.value)
          }}
        />
      </label>
      {report.nextStates.includes('duplicate') && (
        <label>
          {t.duplicateOf}
          <input
            value={duplicateOf}
            onChange={(e) => {
              setDuplicateOf(e.target.value)
            }}
          />
        </label>
      )}
      <div className="disclosure-actions" role="group" aria-label={t.moveTo}>
        {report.nextStates.map((state) => (
          <button
            key={state}
            type="button"
            disabled={move.isPending}
            onClick={() => {
              move.mutate(state)
            }}
          >
            {t.moveTo}: {stateLabel(t, state)}
          </button>
        ))}
        <button
          type="button"
          disabled={note === '' || addNote.isPending}
          onClick={() => {
            addNote.mutate()
          }}
        >
          {t.addNote}
        </button>
      </div>
      {move.error !== null && <ErrorBox error={move.error} />}
      {addNote.error !== null && <ErrorBox error={addNote.error} />}
    </section>
  )
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim())

const Assessment = ({ report }: { readonly report: DisclosureReport }) => {
  const t = useMessages(messages)
  const refresh = useRefresh()
  const [fields, setFields] = useState({
    productId: report.productId ?? '',
    affected: report.affectedReleases.join(', '),
    fixedIn: report.fixedIn ?? '',
    cvssVector: report.cvssVector ?? '',
    cveId: report.cveId ?? '',
    cweId: report.cwe?.id ?? '',
    cweName: report.cwe?.name ?? '',
    remediation: report.remediation ?? '',
    publicDisclosureDate: report.publicDisclosureDate ?? '',
  })
  const save = useMutation({
    mutationFn: () =>
      request(reportPath(report.id), {
        method: 'PATCH',
        body: {
          productId: orNull(fields.productId),
          affectedReleases: fields.affected
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item !== ''),
          fixedIn: orNull(fields.fixedIn),
          cvssVector: orNull(fields.cvssVector),
          cveId: orNull(fields.cveId),
          cwe:
            fields.cweId.trim() === ''
              ? null
              : { id: fields.cweId.trim(), name: fields.cweName.trim() },
          remediation: orNull(fields.remediation),
          publicDisclosureDate: orNull(fields.publicDisclosureDate),
        },
      }),
    onSuccess: refresh,
  })
  const field = (key: keyof typeof fields, label: string, type = 'text') => (
    <label>
      {label}
      <input
        type={type}
        value={fields[key]}
        onChange={(event) => {
          setFields((current) => ({ ...current, [key]: event.target.value }))
        }}
      />
    </label>
  )
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    save.mutate()
  }
  return (
    <form className="disclosure-assessment" onSubmit={submit} aria-label={t.assessment}>
      <h3>{t.assessment}</h3>
      {field('productId', t.productId)}
      {field('affected', t.affected)}
      {field('fixedIn', t.fixedIn)}
      {field('cvssVector', t.cvss)}
      {field('cveId', t.cve)}
      {field('cweId', t.cweId)}
      {field('cweName', t.cweName)}
      {field('remediation', t.remediation)}
      {field('publicDisclosureDate', t.publicDate, 'date')}
      {save.error !== null && <ErrorBox error={save.error} />}
      <button
        type="submit"
        className="primary"
        disabled={save.isPending || report.state === 'closed'}
      >
        {t.assessment}
      </button>
    </form>
  )
}

const Drafts = ({ report }: { readonly report: DisclosureReport }) => {
  const t = useMessages(messages)
  const base = `/api${reportPath(report.id)}`
  if (report.draftGaps.length > 0) {
    return (
      <p>
        {t.notReady} {report.draftGaps.join('; ')}
      </p>
    )
  }
  return (
    <ul>
      <li>
        <a href={`${base}/csaf`} download>
          {t.csaf}
        </a>
      </li>
      <li>
        <a href={`${base}/notice?lang=en`} download>
          {t.noticeEn}
        </a>
      </li>
      <li>
        <a href={`${base}/notice?lang=ja`} download>
          {t.noticeJa}
        </a>
      </li>
    </ul>
  )
}

/** One report: what the finder sent, the decisions, the actions and the timeline. */
export const DisclosurePanel = ({
  id,
  onClose,
}: {
  readonly id: string
  readonly onClose: () => void
}) => {
  const t = useMessages(messages)
  const formatDateTime = useFormatDateTime()
  const detail = useQuery({
    queryKey: ['disclosures', 'detail', id],
    queryFn: () => request<DisclosureDetail>(reportPath(id)),
  })
  return (
    <SidePanel title={detail.data?.title ?? id} onClose={onClose}>
      <QueryState query={detail}>
        {(report) => (
          <>
            <dl>
              <dt>{t.state}</dt>
              <dd>{stateLabel(t, report.state)}</dd>
              <dt>{t.productGiven}</dt>
              <dd>{report.productText}</dd>
              <dt>{t.reporter}</dt>
              <dd>
                {[report.reporterName, report.reporterEmail].filter((x) => x !== null).join(' ') ||
                  t.anonymous}
                {report.creditReporter ? ` (${t.credit})` : ''}
              </dd>
              <dt>{t.acknowledgeDue}</dt>
              <dd>
                {report.acknowledgeDue}
                {report.acknowledgementOverdue ? ` — ${t.overdue}` : ''}
              </dd>
            </dl>
            <h3>{t.description}</h3>
            <p className="pre-wrap">{report.description}</p>
            <Actions report={report} />
            <Assessment key={report.updatedAt} report={report} />
            <h3>{t.drafts}</h3>
            <Drafts report={report} />
            <h3>{t.timeline}</h3>
            <ol className="disclosure-timeline">
              {report.events.map((event) => (
                <li key={event.seq}>
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time> {event.actor}:{' '}
                  {event.note}
                </li>
              ))}
            </ol>
          </>
        )}
      </QueryState>
    </SidePanel>
  )
}
