import { useState } from 'react'

import {
  useProductMetrics,
  type MetricsBucket,
  type MetricsQuery,
  type ProductMetrics,
} from '../../api/metrics.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { useProductId } from '../../layout/product-layout.js'
import { Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import { MetricsChart } from './metrics-chart.js'
import { messages } from './messages.js'
import './metrics.css'

const BUCKETS: readonly MetricsBucket[] = ['month', 'quarter', 'year']

type Figures = ProductMetrics['total']

const MetricsTable = ({ data }: { readonly data: ProductMetrics }) => {
  const t = useMessages(messages)
  const shown = (value: number | null): string => (value === null ? t.none : String(value))
  const row = (label: string, figures: Figures, total = false) => (
    <tr key={label} className={total ? 'metrics-total' : undefined}>
      <th scope="row">{label}</th>
      <td>{figures.identified}</td>
      <td>{figures.patched}</td>
      <td>{shown(figures.percentPatched)}</td>
      <td>{shown(figures.meanDaysToPatch)}</td>
      <td>{shown(figures.meanDaysToDeploy)}</td>
      <td>{figures.deploymentsPending}</td>
    </tr>
  )
  return (
    <table className="data-table metrics-table">
      <thead>
        <tr>
          <th scope="col">{t.periodColumn}</th>
          <th scope="col">{t.identified}</th>
          <th scope="col">{t.patched}</th>
          <th scope="col">{t.percentPatched}</th>
          <th scope="col">{t.meanDaysToPatch}</th>
          <th scope="col">{t.meanDaysToDeploy}</th>
          <th scope="col">{t.deploymentsPending}</th>
        </tr>
      </thead>
      <tbody>
        {data.periods.map((period) => row(period.label, period.metrics))}
        {row(t.summary, data.total, true)}
      </tbody>
    </table>
  )
}

/** FDA metrics of a product per period, as a chart and a table. */
export const MetricsScreen = () => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const productId = useProductId()
  const [asked, setAsked] = useState<MetricsQuery>({ bucket: 'quarter', from: '', to: '' })
  const metrics = useProductMetrics(productId, asked)
  return (
    <Page
      title={t.title}
      toolbar={
        <form
          className="metrics-controls"
          onSubmit={(event) => {
            event.preventDefault()
          }}
        >
          <label>
            {t.bucket}{' '}
            <select
              value={asked.bucket}
              onChange={(event) => {
                setAsked({ ...asked, bucket: event.target.value as MetricsBucket })
              }}
            >
              {BUCKETS.map((bucket) => (
                <option key={bucket} value={bucket}>
                  {t[`bucket_${bucket}`]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.from}{' '}
            <input
              type="date"
              value={asked.from}
              onChange={(event) => {
                setAsked({ ...asked, from: event.target.value })
              }}
            />
          </label>
          <label>
            {t.to}{' '}
            <input
              type="date"
              value={asked.to}
              onChange={(event) => {
                setAsked({ ...asked, to: event.target.value })
              }}
            />
          </label>
          {metrics.data !== undefined && (
            <span className="muted">{t.asOf(formatDate(metrics.data.asOf))}</span>
          )}
        </form>
      }
    >
      <p className="muted">{t.lead}</p>
      <QueryState query={metrics}>
        {(data) => (
          <>
            {!data.installedBase && <p className="notice">{t.noInstalledBase}</p>}
            <section className="card" aria-labelledby="metrics-chart">
              <h2 id="metrics-chart">{t.chart}</h2>
              <MetricsChart periods={data.periods} />
            </section>
            <section aria-labelledby="metrics-table">
              <h2 id="metrics-table">{t.table}</h2>
              <MetricsTable data={data} />
            </section>
          </>
        )}
      </QueryState>
    </Page>
  )
}
