import { useQueries, useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'

import { productPath, query, request } from '../../api/client.js'
import type { ApprovalPage, Portfolio, PortfolioProduct } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { termOf } from '../../i18n/common.js'
import { useFormatDateTime } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable, type Column } from '../../ui/data-table.js'
import { Badge, Page } from '../../ui/page.js'
import { ErrorBox, QueryState } from '../../ui/query-state.js'
import { PORTFOLIO_KEY } from '../portfolio/index.js'
import {
  allSignatures,
  awaitingSignatures,
  SIGNATURE_MEANINGS,
  type AwaitingSignature,
  type ProductSignatures,
  type SignatureRow,
} from './awaiting.js'
import { messages } from './messages.js'
import { SignDialog } from './sign-dialog.js'
import { useSubjectLabel } from './subject-label.js'
import './approvals.css'

// The route's largest page; a product with more signatures shows its newest ones.
const LIMIT = 500

const itemKey = (item: AwaitingSignature) => `${item.productId} ${item.subject} ${item.meaning}`

/** Each product's signatures, fetched side by side; the list fills in as they arrive. */
const useProductSignatures = (products: readonly PortfolioProduct[]) =>
  useQueries({
    queries: products.map((product) => ({
      queryKey: ['product', product.id, 'approvals'],
      queryFn: () =>
        request<ApprovalPage>(productPath(product.id, `/approvals${query({ limit: LIMIT })}`)),
    })),
    combine: (results) => ({
      loaded: results.flatMap((result, index): ProductSignatures[] => {
        const product = products[index]
        return product === undefined || result.data === undefined
          ? []
          : [{ product, revision: result.data.modelRevision, approvals: result.data.items }]
      }),
      failed: results.filter((result) => result.error !== null).map((result) => result.error),
    }),
  })

const useAwaitingColumns = (
  onSign: (item: AwaitingSignature) => void,
): Column<AwaitingSignature>[] => {
  const t = useMessages(messages)
  const subjectLabel = useSubjectLabel()
  const hint = (item: AwaitingSignature) =>
    [
      item.resign ? t.signAgain : '',
      item.signedByOthers.length > 0 ? t.alsoSigned(item.signedByOthers.join(', ')) : '',
    ]
      .filter((text) => text !== '')
      .join(' · ')
  return [
    {
      id: 'product',
      header: t.product,
      cell: (i) => i.productName,
      text: (i) => i.productName,
      width: 'minmax(8rem, 1.6fr)',
    },
    {
      id: 'subject',
      header: t.subject,
      cell: (i) => subjectLabel(i.subject),
      text: (i) => subjectLabel(i.subject),
      width: 'minmax(8rem, 1.3fr)',
    },
    {
      id: 'meaning',
      header: t.meaning,
      cell: (i) => <Badge tone="info">{t[`meaning_${i.meaning}`]}</Badge>,
      width: '9rem',
    },
    { id: 'revision', header: t.revision, cell: (i) => `r${String(i.revision)}`, width: '5rem' },
    {
      id: 'hint',
      header: '',
      cell: (i) => <span className="muted">{hint(i)}</span>,
      text: hint,
      width: 'minmax(6rem, 1.6fr)',
    },
    {
      id: 'sign',
      header: '',
      cell: (i) => (
        <button
          type="button"
          className="primary approvals-sign"
          aria-label={t.signItem(t[`meaning_${i.meaning}`], subjectLabel(i.subject))}
          onClick={(event) => {
            event.stopPropagation()
            onSign(i)
          }}
        >
          {t.sign}
        </button>
      ),
      width: '5.5rem',
    },
  ]
}

const useSignedColumns = (): Column<SignatureRow>[] => {
  const t = useMessages(messages)
  const subjectLabel = useSubjectLabel()
  const formatDateTime = useFormatDateTime()
  const meaningOf = (row: SignatureRow) => termOf(t, 'meaning', row.meaning)
  return [
    {
      id: 'when',
      header: t.signedAt,
      cell: (r) => formatDateTime(r.signedAt),
      text: (r) => r.signedAt,
      width: '10rem',
    },
    {
      id: 'product',
      header: t.product,
      cell: (r) => (
        <Link to={`/products/${encodeURIComponent(r.productId)}/model`}>{r.productName}</Link>
      ),
      text: (r) => r.productName,
      width: 'minmax(7rem, 1.4fr)',
    },
    {
      id: 'subject',
      header: t.subject,
      cell: (r) => subjectLabel(r.subject),
      text: (r) => r.subject,
      width: 'minmax(7rem, 1.3fr)',
    },
    { id: 'meaning', header: t.meaning, cell: meaningOf, width: '8rem' },
    {
      id: 'signer',
      header: t.signer,
      cell: (r) => r.signer.name,
      text: (r) => r.signer.name,
      width: 'minmax(6rem, 1fr)',
    },
    {
      id: 'revision',
      header: t.revision,
      cell: (r) => (
        <>
          r{r.modelRevision}{' '}
          {r.superseded ? (
            <span title={t.supersededTitle}>
              <Badge tone="warn">{t.superseded}</Badge>
            </span>
          ) : (
            <Badge tone="good">{t.current}</Badge>
          )}
        </>
      ),
      width: '9.5rem',
    },
    {
      id: 'reason',
      header: t.reason,
      cell: (r) => r.reason ?? '',
      text: (r) => r.reason ?? '',
      width: 'minmax(8rem, 2fr)',
    },
  ]
}

const Inbox = ({ products }: { readonly products: readonly PortfolioProduct[] }) => {
  const t = useMessages(messages)
  const subjectLabel = useSubjectLabel()
  const { session, can } = useSession()
  const signatures = useProductSignatures(products)
  const [signing, setSigning] = useState<AwaitingSignature | null>(null)
  const [signed, setSigned] = useState<string | null>(null)
  const [productFilter, setProductFilter] = useState('')
  const shown = useMemo(
    () =>
      signatures.loaded.filter(
        (entry) => productFilter === '' || entry.product.id === productFilter,
      ),
    [signatures.loaded, productFilter],
  )
  const awaiting = useMemo(
    () =>
      shown.flatMap((entry) =>
        awaitingSignatures(entry, session.user.id, (meaning) =>
          can(`sign:${meaning}`, entry.product.id),
        ),
      ),
    [shown, session.user.id, can],
  )
  const rows = useMemo(() => allSignatures(shown), [shown])
  const mayAnySign = products.some((product) =>
    SIGNATURE_MEANINGS.some((meaning) => can(`sign:${meaning}`, product.id)),
  )
  const awaitingColumns = useAwaitingColumns(setSigning)
  const signedColumns = useSignedColumns()
  const signingReleases =
    products.find((product) => product.id === signing?.productId)?.releases.map((r) => r.version) ??
    []
  return (
    <>
      {signatures.loaded.length < products.length && signatures.failed.length === 0 && (
        <p className="muted" role="status">
          {t.loadingProducts(signatures.loaded.length, products.length)}
        </p>
      )}
      {signatures.failed.length > 0 && (
        <>
          <p className="error-box">{t.failedProducts(signatures.failed.length)}</p>
          <ErrorBox error={signatures.failed[0]} />
        </>
      )}
      {products.length > 1 && (
        <label className="approvals-filter">
          {t.product}
          <select
            value={productFilter}
            onChange={(event) => {
              setProductFilter(event.target.value)
            }}
          >
            <option value="">{t.allProducts}</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {signed !== null && (
        <p className="notice approvals-signed" role="status">
          {signed}
        </p>
      )}
      <section aria-labelledby="approvals-awaiting" className="approvals-section">
        <h2 id="approvals-awaiting">{t.awaiting}</h2>
        {!mayAnySign ? (
          <p className="muted">{t.cannotSign}</p>
        ) : (
          <>
            <p className="muted">{t.awaitingLead}</p>
            {awaiting.length === 0 && signatures.loaded.length === products.length ? (
              <p className="notice">{t.awaitingNone}</p>
            ) : (
              <DataTable
                label={t.awaiting}
                rows={awaiting}
                columns={awaitingColumns}
                rowKey={itemKey}
                onOpen={setSigning}
                height="18rem"
              />
            )}
          </>
        )}
      </section>
      <section aria-labelledby="approvals-signed" className="approvals-section">
        <h2 id="approvals-signed">{t.signed}</h2>
        <p className="muted">{t.signedLead}</p>
        {rows.length === 0 ? (
          <p className="muted">{t.signedNone}</p>
        ) : (
          <DataTable
            label={t.signed}
            rows={rows}
            columns={signedColumns}
            rowKey={(r) => r.id}
            height="22rem"
          />
        )}
      </section>
      {signing !== null && (
        <SignDialog
          key={itemKey(signing)}
          item={signing}
          releases={signingReleases}
          onClose={() => {
            setSigning(null)
          }}
          onSigned={(item) => {
            setSigning(null)
            setSigned(
              t.signedOk(
                t[`meaning_${item.meaning}`],
                subjectLabel(item.subject),
                item.productName,
              ),
            )
          }}
        />
      )}
    </>
  )
}

/** What the user has signed and what awaits their signature, across the products they can read. */
export const ApprovalsScreen = () => {
  const t = useMessages(messages)
  const portfolio = useQuery({
    queryKey: PORTFOLIO_KEY,
    queryFn: () => request<Portfolio>('/portfolio'),
  })
  return (
    <Page title={t.title}>
      <QueryState query={portfolio}>
        {(data) =>
          data.products.length === 0 ? (
            <p className="notice">{t.noProducts}</p>
          ) : (
            <Inbox products={data.products} />
          )
        }
      </QueryState>
    </Page>
  )
}
