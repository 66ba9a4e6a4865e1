import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type SyntheticEvent } from 'react'

import { productPath, request } from '../../api/client.js'
import { generatedFilesOf } from '../../api/job-output.js'
import { useJob } from '../../api/jobs.js'
import type { JobAccepted } from '../../api/types.js'
import { useLocale } from '../../i18n/locale.js'
import { termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { JobProgress } from '../../ui/job-progress.js'
import { ErrorBox } from '../../ui/query-state.js'
import {
  DELIVERABLE_KINDS,
  documentHref,
  DOCUMENT_FORMATS,
  DOCUMENT_LANGUAGES,
  generateBody,
  hasLanguage,
  isDataOnly,
  type DeliverableKind,
  type DocumentFormat,
  type GenerateForm as Form,
} from './deliverables.js'
import { messages } from './messages.js'

/** A queued generation: its progress, then links to the files it wrote. */
export const GenerateResult = ({
  productId,
  jobId,
}: {
  readonly productId: string
  readonly jobId: string
}) => {
  const t = useMessages(messages)
  const client = useQueryClient()
  const job = useJob(jobId)
  const state = job.data?.state
  useEffect(() => {
    if (state === 'completed') {
      void client.invalidateQueries({ queryKey: ['product', productId, 'documents'] })
    }
  }, [client, productId, state])
  const files = generatedFilesOf(job.data?.output)
  return (
    <div className="documents-result">
      <JobProgress label={t.job} job={job.data} error={job.error} />
      {state === 'completed' &&
        (files.length === 0 ? (
          <p className="muted">{t.noFiles}</p>
        ) : (
          <>
            <h3>{t.jobFiles}</h3>
            <ul className="documents-files">
              {files.map((file) => (
                <li key={file.id}>
                  <a
                    href={documentHref(productId, file.id)}
                    download={file.name}
                    title={t.download(file.name)}
                  >
                    {file.name}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ))}
    </div>
  )
}

const FormatChoices = ({
  form,
  onForm,
}: {
  readonly form: Form
  readonly onForm: (form: Form) => void
}) => {
  const t = useMessages(messages)
  const toggle = (format: DocumentFormat, on: boolean) => {
    onForm({
      ...form,
      formats: on ? [...form.formats, format] : form.formats.filter((f) => f !== format),
    })
  }
  return (
    <fieldset className="documents-formats">
      <legend>{t.formats}</legend>
      {DOCUMENT_FORMATS.map((format) => (
        <label key={format} className="inline">
          <input
            type="checkbox"
            checked={form.formats.includes(format)}
            onChange={(event) => {
              toggle(format, event.target.checked)
            }}
          />
          {termOf(t, 'format', format)}
        </label>
      ))}
      <p className="muted documents-hint">
        {isDataOnly(form.kind) ? t.dataOnlyHint : t.formatsHint}
      </p>
    </fieldset>
  )
}

/** Choose a deliverable, its formats, language, release and date; queue it and follow the job. */
export const GenerateForm = ({
  productId,
  releases,
  onQueued,
}: {
  /** Told the job's id once the server has queued it. */
  readonly onQueued: (jobId: string) => void
  readonly productId: string
  readonly releases: readonly string[]
}) => {
  const t = useMessages(messages)
  const { locale } = useLocale()
  const [form, setForm] = useState<Form>({
    kind: 'fda-premarket',
    formats: [],
    language: locale,
    release: '',
    date: '',
  })
  const generate = useMutation({
    mutationFn: (body: ReturnType<typeof generateBody>) =>
      request<JobAccepted>(productPath(productId, '/documents'), { method: 'POST', body }),
    onSuccess: ({ jobId }) => {
      onQueued(jobId)
    },
  })
  const submit = (event: SyntheticEvent) => {
    event.preventDefault()
    generate.mutate(generateBody(form))
  }
  const languageAvailable = hasLanguage(form.kind, 'ja')
  const language = hasLanguage(form.kind, form.language) ? form.language : 'en'
  return (
    <form
      className="card documents-generate"
      onSubmit={submit}
      aria-labelledby="documents-generate"
    >
      <h2 id="documents-generate">{t.generate}</h2>
      <p className="muted">{t.generateLead}</p>
      <label>
        {t.deliverable}
        <select
          value={form.kind}
          aria-describedby="documents-about"
          onChange={(event) => {
            setForm({ ...form, kind: event.target.value as DeliverableKind })
          }}
        >
          {DELIVERABLE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {termOf(t, 'kind', kind)}
            </option>
          ))}
        </select>
      </label>
      <p id="documents-about" className="muted documents-about">
        {termOf(t, 'about', form.kind)}
      </p>
      <FormatChoices form={form} onForm={setForm} />
      <fieldset>
        <legend>{t.language}</legend>
        {DOCUMENT_LANGUAGES.map((option) => (
          <label key={option} className="inline">
            <input
              type="radio"
              name="documents-language"
              value={option}
              checked={option === language}
              disabled={!hasLanguage(form.kind, option)}
              onChange={() => {
                setForm({ ...form, language: option })
              }}
            />
            {termOf(t, 'lang', option)}
          </label>
        ))}
        {!languageAvailable && <p className="muted documents-hint">{t.englishOnly}</p>}
      </fieldset>
      <div className="documents-pair">
        <label>
          {t.release}
          <select
            value={form.release}
            onChange={(event) => {
              setForm({ ...form, release: event.target.value })
            }}
          >
            <option value="">{t.latestRelease}</option>
            {releases.map((release) => (
              <option key={release} value={release}>
                {release}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.date}
          <input
            type="date"
            value={form.date}
            aria-describedby="documents-date-hint"
            onChange={(event) => {
              setForm({ ...form, date: event.target.value })
            }}
          />
          <span id="documents-date-hint" className="muted documents-hint">
            {t.dateHint}
          </span>
        </label>
      </div>
      <button type="submit" className="primary" disabled={generate.isPending}>
        {generate.isPending ? t.submitting : t.submit}
      </button>
      {generate.error !== null && <ErrorBox error={generate.error} />}
    </form>
  )
}
