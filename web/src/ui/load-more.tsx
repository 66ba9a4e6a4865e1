import { common } from '../i18n/common.js'
import { useMessages } from '../i18n/messages.js'

/** Below a list read page by page: how much is shown, and a button for the next page. */
export const LoadMore = ({
  summary,
  more,
  label,
  loading,
  onMore,
}: {
  readonly summary: string
  /** Whether there is a next page to ask for. */
  readonly more: boolean
  readonly label: string
  readonly loading: boolean
  readonly onMore: () => void
}) => {
  const c = useMessages(common)
  return (
    <p className="load-more">
      <span className="muted">{summary}</span>
      {more && (
        <button type="button" disabled={loading} onClick={onMore}>
          {loading ? c.loading : label}
        </button>
      )}
    </p>
  )
}
