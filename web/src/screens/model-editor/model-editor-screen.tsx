import { useMessages } from '../../i18n/messages.js'
import { useProductId } from '../../layout/product-layout.js'
import { Page } from '../../ui/page.js'
import { QueryState } from '../../ui/query-state.js'
import { messages } from './messages.js'
import { ModelEditor } from './model-editor.js'
import { useArchitecture } from './use-architecture.js'

/**
 * The device model editor: the product's architecture (elements, data flows, trust boundaries)
 * as a data flow diagram and as lists, edited in forms and saved back to the model as one
 * revision.
 */
export const ModelEditorScreen = () => {
  const t = useMessages(messages)
  const productId = useProductId()
  const architecture = useArchitecture(productId)
  if (architecture.data === undefined) {
    return (
      <Page title={t.title}>
        <QueryState query={architecture}>{() => null}</QueryState>
      </Page>
    )
  }
  return (
    <ModelEditor
      key={productId}
      productId={productId}
      architecture={architecture.data.body}
      tag={architecture.data.etag}
      onReload={() => void architecture.refetch()}
    />
  )
}
