import { useMemo, useState } from 'react'

import { useControlOptions, useThreats } from '../../api/threats.js'
import type { Product, ThreatList } from '../../api/types.js'
import { common, termOf } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { useProduct, useProductId } from '../../layout/product-layout.js'
import { DataTable } from '../../ui/data-table.js'
import { Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import { ReleaseSelect } from '../../ui/release-select.js'
import { STRIDE, THREAT_STATUSES } from '../../../../src/core/model/vocabulary.js'
import { SearchField } from '../../ui/search-field.js'
import { messages } from './messages.js'
import { ThreatPanel } from './threat-panel.js'
import { threatColumns } from './threat-columns.js'
import {
  countByStatus,
  elementsOf,
  filterThreats,
  knownHazardousSituations,
  NO_THREAT_FILTERS,
  type ThreatFilters,
} from './threat-filters.js'
import './threats.css'

const Filters = ({
  list,
  filters,
  onChange,
}: {
  readonly list: ThreatList
  readonly filters: ThreatFilters
  readonly onChange: (filters: ThreatFilters) => void
}) => {
  const t = useMessages(messages)
  const elements = useMemo(() => elementsOf(list.items), [list.items])
  return (
    <div className="toolbar threats-filters">
      <label>
        {t.status}
        <select
          value={filters.status}
          onChange={(event) => {
            onChange({ ...filters, status: event.target.value })
          }}
        >
          <option value="">{t.anyStatus}</option>
          {THREAT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {termOf(t, 'status', status)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.category}
        <select
          value={filters.category}
          onChange={(event) => {
            onChange({ ...filters, category: event.target.value })
          }}
        >
          <option value="">{t.anyCategory}</option>
          {STRIDE.map((category) => (
            <option key={category} value={category}>
              {termOf(t, 'stride', category)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.element}
        <select
          className="threats-element"
          value={filters.element}
          onChange={(event) => {
            onChange({ ...filters, element: event.target.value })
          }}
        >
          <option value="">{t.anyElement}</option>
          {elements.map((element) => (
            <option key={element} value={element}>
              {element}
            </option>
          ))}
        </select>
      </label>
      <SearchField
        label={t.searchThreats}
        value={filters.text}
        placeholder={t.searchPlaceholder}
        onChange={(text) => {
          onChange({ ...filters, text: text })
        }}
      />
    </div>
  )
}

const ThreatsBody = ({
  productId,
  product,
  list,
}: {
  readonly productId: string
  readonly product: Product | undefined
  readonly list: ThreatList
}) => {
  const t = useMessages(messages)
  const [filters, setFilters] = useState<ThreatFilters>(NO_THREAT_FILTERS)
  const [openId, setOpenId] = useState<string | null>(null)
  const controls = useControlOptions(productId)
  const shown = useMemo(() => filterThreats(list.items, filters), [list.items, filters])
  const hazards = useMemo(() => knownHazardousSituations(list.items), [list.items])
  const open = list.items.find((threat) => threat.id === openId)
  const columns = useMemo(() => threatColumns(t), [t])
  return (
    <>
      <Filters list={list} filters={filters} onChange={setFilters} />
      <p className="muted threats-summary">
        {t.summary(shown.length, list.items.length, countByStatus(list.items).get('open') ?? 0)}
      </p>
      <div className={open === undefined ? undefined : 'split threats-split'}>
        <DataTable
          label={t.threatList}
          rows={shown}
          columns={columns}
          rowKey={(threat) => threat.id}
          onOpen={(threat) => {
            setOpenId(threat.id)
          }}
          activeKey={openId}
          height="calc(100vh - 23rem)"
        />
        {open !== undefined && (
          <ThreatPanel
            key={open.id}
            productId={productId}
            threat={open}
            releases={(product?.releases ?? []).map((release) => release.version)}
            revision={list.revision}
            today={list.date}
            controls={controls.data ?? []}
            hazardousSituations={hazards}
            onClose={() => {
              setOpenId(null)
            }}
          />
        )}
      </div>
    </>
  )
}

/** The model's threats, filtered, with an assessment panel for the one opened. */
export const ThreatsScreen = () => {
  const c = useMessages(common)
  const productId = useProductId()
  const product = useProduct(productId)
  const [release, setRelease] = useState('')
  const threats = useThreats(productId, release === '' ? undefined : release)
  return (
    <Page
      title={c.threats}
      toolbar={<ReleaseSelect product={product.data} value={release} onChange={setRelease} />}
    >
      <QueryState query={threats}>
        {(list) => <ThreatsBody productId={productId} product={product.data} list={list} />}
      </QueryState>
    </Page>
  )
}
