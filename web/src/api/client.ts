/**
 * The app's one way to the server: JSON over fetch with the session cookie, the CSRF header on
 * every request that changes data, and the API's error shape turned into an `ApiError`.
 */

export interface ApiErrorDetail {
  readonly path: string
  readonly message: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

let csrfToken: string | undefined

/** Set from the sign-in answer or GET /api/session; sent as x-csrf-token. */
export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  readonly body?: unknown
  readonly headers?: Readonly<Record<string, string>>
  readonly signal?: AbortSignal
}

export interface ApiResponse<T> {
  readonly body: T
  readonly etag: string | null
}

const errorOf = async (response: Response): Promise<ApiError> => {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: ApiErrorDetail[] }
    }
    const error = body.error
    return new ApiError(
      response.status,
      error?.code ?? 'http-error',
      error?.message ?? response.statusText,
      error?.details ?? [],
    )
  } catch {
    return new ApiError(response.status, 'http-error', response.statusText)
  }
}

/** Calls the API and returns the JSON body with the ETag; throws ApiError on a non-2xx answer. */
export const requestWithTag = async <T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> => {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  if (method !== 'GET' && csrfToken !== undefined) headers['x-csrf-token'] = csrfToken
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  })
  if (!response.ok) throw await errorOf(response)
  const etag = response.headers.get('etag')
  if (response.status === 204) return { body: undefined as T, etag }
  const type = response.headers.get('content-type') ?? ''
  const body = (type.includes('json') ? await response.json() : await response.text()) as T
  return { body, etag }
}

export const request = async <T>(path: string, options: RequestOptions = {}): Promise<T> =>
  (await requestWithTag<T>(path, options)).body

/** A query string from the set values only. */
export const query = (values: Readonly<Record<string, string | number | boolean | undefined>>) => {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(name, String(value))
  }
  const text = params.toString()
  return text === '' ? '' : `?${text}`
}

export const productPath = (productId: string, rest = ''): string =>
  `/products/${encodeURIComponent(productId)}${rest}`
