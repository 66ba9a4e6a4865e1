import { useLifecycle } from '../../api/lifecycle.js'
import type { Lifecycle } from '../../api/types.js'
import { useFormatDate } from '../../i18n/locale.js'
import { useMessages } from '../../i18n/messages.js'
import { useProductId } from '../../layout/product-layout.js'
import { Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import { ComponentsTable, ReleasesTable, StageTransitionNotice } from './lifecycle-tables.js'
import { LifecycleTimeline } from './lifecycle-timeline.js'
import { messages } from './messages.js'
import './lifecycle.css'

const LifecycleView = ({ lifecycle }: { readonly lifecycle: Lifecycle }) => {
  const t = useMessages(messages)
  return (
    <>
      <section className="card" aria-labelledby="lifecycle-timeline">
        <h2 id="lifecycle-timeline">{t.timeline}</h2>
        <LifecycleTimeline lifecycle={lifecycle} />
      </section>
      <section aria-labelledby="lifecycle-releases">
        <h2 id="lifecycle-releases">{t.releases}</h2>
        <ReleasesTable releases={lifecycle.releases} />
        <StageTransitionNotice releases={lifecycle.releases} components={lifecycle.components} />
      </section>
      <section aria-labelledby="lifecycle-components">
        <h2 id="lifecycle-components">{t.components}</h2>
        <ComponentsTable components={lifecycle.components} />
      </section>
    </>
  )
}

/** IMDRF N70 lifecycle of a product: support phases, notices, and components' supplier support. */
export const LifecycleScreen = () => {
  const t = useMessages(messages)
  const formatDate = useFormatDate()
  const productId = useProductId()
  const lifecycle = useLifecycle(productId)
  return (
    <Page
      title={t.title}
      toolbar={
        lifecycle.data !== undefined && (
          <span className="muted">{t.asOf(formatDate(lifecycle.data.date))}</span>
        )
      }
    >
      <QueryState query={lifecycle}>{(data) => <LifecycleView lifecycle={data} />}</QueryState>
    </Page>
  )
}
