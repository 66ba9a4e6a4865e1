import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'

import { productPath, query, request } from '../../api/client.js'
import type { GeneratedDocument, Page as ListPage } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { termOf } from '../../i18n/common.js'
import { useFormatDateTime } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { useProduct, useProductId } from '../../layout/product-layout.js'
import { DataTable, type Column } from '../../ui/data-table.js'
import { Badge, Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import {
  DELIVERABLE_KINDS,
  documentHref,
  formatSize,
  isOutdated,
  type DeliverableKind,
} from './deliverables.js'
import { GenerateForm, GenerateResult } from './generate-form.js'
import { messages } from './messages.js'

// The route's largest page: a product's files rarely run past it; if they do, the newest show.
const LIMIT = 500

const useColumns = (
  productId: string,
  revision: number | undefined,
): Column<GeneratedDocument>[] => {
  const t = useMessages(messages)
  const formatDateTime = useFormatDateTime()
  return [
    {
      id: 'file',
      header: t.file,
      cell: (d) => (
        <a href={documentHref(productId, d.id)} download={d.name} aria-label={t.download(d.name)}>
          {d.name}
        </a>
      ),
      text: (d) => d.name,
      width: 'minmax(11rem, 2.4fr)',
    },
    {
      id: 'kind',
      header: t.deliverable,
      cell: (d) => `${termOf(t, 'kind', d.kind)} · ${termOf(t, 'lang', d.language)}`,
      text: (d) => `${termOf(t, 'kind', d.kind)} · ${termOf(t, 'lang', d.language)}`,
      width: 'minmax(7rem, 1.8fr)',
    },
    {
      id: 'release',
      header: t.release,
      cell: (d) => d.release ?? '—',
      text: (d) => d.release ?? '',
      width: '5rem',
    },
    {
      id: 'revision',
      header: t.revisionShort,
      cell: (d) => (
        <>
          r{d.modelRevision}{' '}
          {revision !== undefined && isOutdated(d, revision) && (
            <span title={t.outdatedTitle}>
              <Badge tone="warn">{t.outdated}</Badge>
            </span>
          )}
        </>
      ),
      text: () => t.revision,
      width: '9rem',
    },
    { id: 'size', header: t.size, cell: (d) => formatSize(d.size), width: '4.5rem' },
    {
      id: 'created',
      header: t.createdAt,
      cell: (d) => `${formatDateTime(d.createdAt)} · ${d.createdBy}`,
      text: (d) => `${formatDateTime(d.createdAt)} · ${d.createdBy}`,
      width: 'minmax(12rem, 1.7fr)',
    },
  ]
}

const GeneratedList = ({
  productId,
  revision,
}: {
  readonly productId: string
  readonly revision: number | undefined
}) => {
  const t = useMessages(messages)
  const [kind, setKind] = useState<DeliverableKind | ''>('')
  const documents = useQuery({
    queryKey: ['product', productId, 'documents', kind],
    queryFn: () =>
      request<ListPage<GeneratedDocument>>(
        productPath(
          productId,
          `/documents${query({ kind: kind === '' ? undefined : kind, limit: LIMIT })}`,
        ),
      ),
  })
  const columns = useColumns(productId, revision)
  return (
    <section className="documents-list" aria-labelledby="documents-generated">
      <div className="documents-list-head">
        <h2 id="documents-generated">{t.generated}</h2>
        <label>
          {t.filterByDeliverable}
          <select
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as DeliverableKind | '')
            }}
          >
            <option value="">{t.allDeliverables}</option>
            {DELIVERABLE_KINDS.map((option) => (
              <option key={option} value={option}>
                {termOf(t, 'kind', option)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{t.generatedLead}</p>
      <QueryState query={documents}>
        {(page) =>
          page.total === 0 && kind === '' ? (
            <p className="notice">{t.none}</p>
          ) : (
            <>
              <DataTable
                label={t.generated}
                rows={page.items}
                columns={columns}
                rowKey={(d) => d.id}
                height="calc(100vh - 22rem)"
              />
              {page.total > page.items.length && (
                <p className="muted">{t.moreThanShown(page.items.length, page.total)}</p>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  )
}

/** A product's regulatory deliverables: those generated so far, and a form to generate more. */
export const DocumentsScreen = () => {
  const t = useMessages(messages)
  const productId = useProductId()
  const product = useProduct(productId)
  const { can } = useSession()
  const mayGenerate = can('document:generate', productId)
  const [jobId, setJobId] = useState<string | null>(null)
  return (
    <Page title={t.title}>
      <div className="split documents-layout">
        <div className="documents-main">
          {jobId !== null && (
            <section className="card" aria-label={t.job}>
              <GenerateResult key={jobId} productId={productId} jobId={jobId} />
            </section>
          )}
          <GeneratedList productId={productId} revision={product.data?.revision} />
        </div>
        {mayGenerate ? (
          <GenerateForm
            onQueued={setJobId}
            productId={productId}
            releases={product.data?.releases.map((release) => release.version) ?? []}
          />
        ) : (
          <p className="muted">{t.cannotGenerate}</p>
        )}
      </div>
    </Page>
  )
}
