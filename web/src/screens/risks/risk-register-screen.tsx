import { useMemo, useState } from 'react'

import { useRiskRegister } from '../../api/risk-register.js'
import type { RiskRegisterPage } from '../../api/types.js'
import { useSession } from '../../app/session.js'
import { common, termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { useProduct, useProductId } from '../../layout/product-layout.js'
import { DataTable } from '../../ui/data-table.js'
import { Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import { ReleaseSelect } from '../../ui/release-select.js'
import { registerSignatureTarget } from './acceptance-request.js'
import { heatmapRows, outsideMatrix, type CellFilter } from './heatmap-cells.js'
import { messages } from './messages.js'
import { riskColumns } from './risk-columns.js'
import {
  filterRisks,
  NO_RISK_FILTERS,
  type ControlFilter,
  type RiskFilters,
} from './risk-filters.js'
import { RiskHeatmap } from './risk-heatmap.js'
import { RiskPanel } from './risk-panel.js'
import { SignDialog } from './sign-dialog.js'
import './risks.css'

const Figures = ({ register }: { readonly register: RiskRegisterPage }) => {
  const t = useMessages(messages)
  const { summary } = register
  const figures: readonly [string, number, boolean][] = [
    [t.evaluated, summary.evaluated, false],
    [t.unevaluated, summary.unevaluated, summary.unevaluated > 0],
    [t.uncontrolledCount, summary.uncontrolled, summary.uncontrolled > 0],
    [t.unacceptable, summary.unacceptable, summary.unacceptable > 0],
    [t.accepted, summary.accepted, false],
    [t.acceptanceLapsed, summary.acceptanceLapsed, summary.acceptanceLapsed > 0],
    [t.deadlinesMissed, summary.deadlinesMissed, summary.deadlinesMissed > 0],
  ]
  return (
    <dl className="risks-figures">
      {figures.map(([label, value, alarming]) => (
        <div key={label} className={`stat${alarming ? ' risks-alarm' : ''}`}>
          <dt>{label}</dt>
          <dd>
            <strong>{value}</strong>
          </dd>
        </div>
      ))}
    </dl>
  )
}

const Matrices = ({
  register,
  cell,
  onCell,
}: {
  readonly register: RiskRegisterPage
  readonly cell: CellFilter | null
  readonly onCell: (cell: CellFilter | null) => void
}) => {
  const t = useMessages(messages)
  const { matrix } = register
  if (matrix === undefined) return <p className="notice">{t.noMatrix}</p>
  const outside = Math.max(
    outsideMatrix(matrix, register.items, 'before'),
    outsideMatrix(matrix, register.items, 'residual'),
  )
  return (
    <div className="risks-matrices">
      <RiskHeatmap
        title={t.before}
        stage="before"
        rows={heatmapRows(matrix, register.items, 'before')}
        severities={matrix.severities}
        selected={cell}
        onSelect={onCell}
      />
      <RiskHeatmap
        title={t.after}
        stage="residual"
        rows={heatmapRows(matrix, register.items, 'residual')}
        severities={matrix.severities}
        selected={cell}
        onSelect={onCell}
      />
      <p className="muted risks-legend">
        {t.legend}
        {outside > 0 && (
          <>
            {' · '}
            {t.outside(outside)}
          </>
        )}
      </p>
    </div>
  )
}

const ListFilters = ({
  filters,
  onChange,
}: {
  readonly filters: RiskFilters
  readonly onChange: (filters: RiskFilters) => void
}) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const cell = filters.cell
  return (
    <div className="toolbar risks-filters">
      <label>
        {t.control}
        <select
          value={filters.control}
          onChange={(event) => {
            onChange({ ...filters, control: event.target.value as ControlFilter })
          }}
        >
          <option value="all">{t.allRisks}</option>
          <option value="controlled">{c.controlled}</option>
          <option value="uncontrolled">{c.uncontrolled}</option>
        </select>
      </label>
      <label>
        {t.search}
        <input
          type="search"
          value={filters.text}
          onChange={(event) => {
            onChange({ ...filters, text: event.target.value })
          }}
        />
      </label>
      {cell !== null && (
        <button
          type="button"
          onClick={() => {
            onChange({ ...filters, cell: null })
          }}
        >
          {t.filterCell(
            `${cell.stage === 'before' ? t.beforeShort : t.afterShort}: ${cell.exploitability} × ${cell.severity}`,
          )}{' '}
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{t.clearCell}</span>
        </button>
      )}
    </div>
  )
}

const Remarks = ({ register }: { readonly register: RiskRegisterPage }) => {
  const t = useMessages(messages)
  return (
    <>
      {register.unevaluated.length > 0 && (
        <details className="risks-remarks">
          <summary>{t.unevaluatedList(register.unevaluated.length)}</summary>
          <ul>
            {register.unevaluated.map((item) => (
              <li key={`${item.source}:${item.id}`}>
                {termOf(t, 'source', item.source)} <code>{item.id}</code> {item.title}{' '}
                <span className="muted">— {item.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {register.issues.length > 0 && (
        <details className="risks-remarks">
          <summary>{t.issuesList(register.issues.length)}</summary>
          <ul>
            {register.issues.map((issue) => (
              <li key={`${issue.path}:${issue.code}`}>
                <code>{issue.code}</code> {issue.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}

const NARROW_HIDDEN: ReadonlySet<string> = new Set(['source', 'before'])

const RegisterBody = ({
  productId,
  register,
  release,
}: {
  readonly productId: string
  readonly register: RiskRegisterPage
  readonly release: string | undefined
}) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const [filters, setFilters] = useState<RiskFilters>(NO_RISK_FILTERS)
  const [openId, setOpenId] = useState<string | null>(null)
  const shown = useMemo(() => filterRisks(register.items, filters), [register.items, filters])
  const columns = useMemo(() => riskColumns(t, c), [t, c])
  const open = register.items.find((entry) => entry.id === openId)
  return (
    <div className={open === undefined ? undefined : 'split risks-split'}>
      <div className="risks-main">
        <p className={register.policyIsExample ? 'notice risks-policy' : 'muted risks-policy'}>
          {t.policy(register.policy.title, register.policy.version)}
          {register.policyIsExample && <> {t.policyIsExample}</>}
        </p>
        <div className="risks-overview">
          <Figures register={register} />
          <Matrices
            register={register}
            cell={filters.cell}
            onCell={(cell) => {
              setFilters({ ...filters, cell })
            }}
          />
        </div>
        <Remarks register={register} />
        <ListFilters filters={filters} onChange={setFilters} />
        <DataTable
          label={t.riskList}
          rows={shown}
          // Beside the panel the list keeps the columns that decide; the panel has the rest.
          columns={
            open === undefined ? columns : columns.filter((column) => !NARROW_HIDDEN.has(column.id))
          }
          rowKey={(entry) => entry.id}
          onOpen={(entry) => {
            setOpenId(entry.id)
          }}
          activeKey={openId}
          height="calc(100vh - 12rem)"
        />
      </div>
      {open !== undefined && (
        <RiskPanel
          key={open.id}
          productId={productId}
          entry={open}
          release={release}
          revision={register.revision}
          today={register.date}
          onClose={() => {
            setOpenId(null)
          }}
        />
      )}
    </div>
  )
}

/** The security risk register: figures, the matrix before and after controls, each risk. */
export const RiskRegisterScreen = () => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const productId = useProductId()
  const product = useProduct(productId)
  const { can } = useSession()
  const [release, setRelease] = useState('')
  const chosen = release === '' ? undefined : release
  const register = useRiskRegister(productId, chosen)
  const [signing, setSigning] = useState(false)
  const [signedAt, setSignedAt] = useState<number | null>(null)
  return (
    <Page
      title={c.risks}
      toolbar={
        <>
          <ReleaseSelect product={product.data} value={release} onChange={setRelease} />
          {can('sign:risk-accepted', productId) && register.data !== undefined && (
            <button
              type="button"
              onClick={() => {
                setSigning(true)
              }}
            >
              {t.signRegister}
            </button>
          )}
        </>
      }
    >
      {signedAt !== null && (
        <p className="notice" role="status">
          {t.signed(signedAt)}
        </p>
      )}
      <QueryState query={register}>
        {(data) => (
          <>
            <RegisterBody productId={productId} register={data} release={chosen} />
            {signing && (
              <SignDialog
                productId={productId}
                target={registerSignatureTarget(chosen)}
                revision={data.revision}
                defaultReason={t.signRegister}
                onSigned={(signed) => {
                  setSignedAt(signed)
                  setSigning(false)
                }}
                onClose={() => {
                  setSigning(false)
                }}
              />
            )}
          </>
        )}
      </QueryState>
    </Page>
  )
}
