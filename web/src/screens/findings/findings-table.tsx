import { useMemo } from 'react'

import type { Finding } from '../../api/types.js'
import { common } from '../../i18n/common.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable } from '../../ui/data-table.js'
import { findingColumns } from './finding-columns.js'
import { findingRowKey } from './finding-filters.js'
import { messages } from './messages.js'

/** The findings, virtualized; with checkboxes for bulk triage when the role may triage. */
export const FindingsTable = ({
  rows,
  selectable,
  selected,
  onSelect,
  openKey,
  onOpen,
}: {
  readonly rows: readonly Finding[]
  readonly selectable: boolean
  readonly selected: ReadonlySet<string>
  readonly onSelect: (selected: ReadonlySet<string>) => void
  readonly openKey: string | null
  readonly onOpen: (key: string) => void
}) => {
  const t = useMessages(messages)
  const c = useMessages(common)
  const columns = useMemo(() => findingColumns(t, c), [t, c])
  const toggle = (keys: readonly string[], on: boolean) => {
    const next = new Set(selected)
    for (const key of keys) {
      if (on) next.add(key)
      else next.delete(key)
    }
    onSelect(next)
  }
  return (
    <DataTable
      label={t.findingList}
      rows={rows}
      columns={columns}
      rowKey={findingRowKey}
      onOpen={(finding) => {
        onOpen(findingRowKey(finding))
      }}
      activeKey={openKey}
      height="calc(100vh - 26rem)"
      {...(selectable ? { selected, onToggle: toggle } : {})}
    />
  )
}
