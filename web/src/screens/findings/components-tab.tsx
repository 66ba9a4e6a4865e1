import { useMemo } from 'react'

import { useLifecycle } from '../../api/lifecycle.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { DataTable } from '../../ui/data-table.js'
import { QueryState } from '../../ui/query-state.js'
import { componentColumns } from './finding-columns.js'
import { messages } from './messages.js'

/** The SBOM's components with their support data (FDA: level of support, end of support). */
export const ComponentsTab = ({ productId }: { readonly productId: string }) => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const lifecycle = useLifecycle(productId)
  const columns = useMemo(() => componentColumns(t, formatDate), [t, formatDate])
  return (
    <QueryState query={lifecycle}>
      {(data) => (
        <DataTable
          label={t.componentList}
          rows={data.components}
          columns={columns}
          rowKey={(component) => component.id}
          height="calc(100vh - 21rem)"
        />
      )}
    </QueryState>
  )
}
