import type { ReactNode } from 'react'

import { ApiError } from '../api/client.js'
import { common } from '../i18n/common.js'
import { useMessages } from '../i18n/messages.js'

/** What a failed request says to a person: the API's message and where, never a stack. */
export const ErrorBox = ({
  error,
  onRetry,
}: {
  readonly error: unknown
  readonly onRetry?: () => void
}) => {
  const t = useMessages(common)
  const apiError = error instanceof ApiError ? error : undefined
  const message =
    apiError?.code === 'stale-revision'
      ? t.staleRevision
      : apiError?.status === 403
        ? t.forbidden
        : error instanceof Error
          ? error.message
          : String(error)
  return (
    <div role="alert" className="error-box">
      <p>{message}</p>
      {apiError !== undefined && apiError.details.length > 0 && (
        <ul>
          {apiError.details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              <code>{detail.path}</code> {detail.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry !== undefined && (
        <button type="button" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  )
}

interface QueryLike<T> {
  readonly data: T | undefined
  readonly error: unknown
  readonly isPending: boolean
  readonly refetch: () => unknown
}

/** Renders the data once it is there, a loading line before, and the error if it failed. */
export const QueryState = <T,>({
  query,
  children,
}: {
  readonly query: QueryLike<T>
  readonly children: (data: T) => ReactNode
}) => {
  if (query.data !== undefined) return <>{children(query.data)}</>
  if (query.error !== null && query.error !== undefined) {
    return <ErrorBox error={query.error} onRetry={() => void query.refetch()} />
  }
  return <Loading />
}

/** The line shown while something loads, announced politely to screen readers. */
export const Loading = () => {
  const t = useMessages(common)
  return (
    <p className="loading" role="status">
      {t.loading}
    </p>
  )
}
