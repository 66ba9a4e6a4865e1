import { request as httpRequest } from 'node:http'

/** A browser session: the session cookie and the CSRF token to echo on writes. */
export interface Session {
  readonly cookie: string
  readonly csrfToken: string
}

export interface ApiAnswer {
  readonly status: number
  readonly headers: Headers
  readonly body: unknown
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** One request to a running server, as a browser would send it with the session. */
export const call = async (
  base: string,
  method: string,
  path: string,
  options: {
    readonly session?: Session
    readonly body?: unknown
    readonly headers?: Readonly<Record<string, string>>
  } = {},
): Promise<ApiAnswer> => {
  const { session, body } = options
  const headers: Record<string, string> = { ...options.headers }
  if (session !== undefined) {
    headers['cookie'] = session.cookie
    if (UNSAFE.has(method)) headers['x-csrf-token'] = session.csrfToken
  }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? null : (JSON.parse(text) as unknown),
  }
}

/** Signs in with a password; fails the test with the server's answer if that does not work. */
export const signIn = async (base: string, username: string, password: string) => {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = (await response.json()) as { csrfToken?: string; user?: { username: string } }
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('medcyber_session='))
  if (response.status !== 200 || cookie === undefined || body.csrfToken === undefined) {
    throw new Error(
      `sign-in as ${username} failed: ${String(response.status)} ${JSON.stringify(body)}`,
    )
  }
  return {
    session: { cookie, csrfToken: body.csrfToken } satisfies Session,
    setCookie: response.headers.getSetCookie(),
    user: body.user,
  }
}

/** What became of a request whose server may be killed while it runs. */
export type InterruptibleAnswer =
  | { readonly kind: 'answered'; readonly status: number; readonly body: string }
  | {
      readonly kind: 'connection-lost'
      readonly error: string
      /** The whole body had been handed to the connection before it broke. */
      readonly bodySent: boolean
    }

/**
 * Sends a large JSON body with `node:http`, which tells when the body has been written
 * (`onBodySent`), so a test can kill the server after the upload and before the answer.
 */
export const sendInterruptible = (
  base: string,
  method: string,
  path: string,
  options: {
    readonly session: Session
    readonly headers: Readonly<Record<string, string>>
    readonly json: string
    readonly onBodySent: () => void
  },
): Promise<InterruptibleAnswer> =>
  new Promise((resolve) => {
    let bodySent = false
    const outgoing = httpRequest(`${base}${path}`, {
      method,
      headers: {
        ...options.headers,
        cookie: options.session.cookie,
        'x-csrf-token': options.session.csrfToken,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(options.json)),
      },
    })
    outgoing.on('finish', () => {
      bodySent = true
      options.onBodySent()
    })
    outgoing.on('response', (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        resolve({ kind: 'answered', status: response.statusCode ?? 0, body: text })
      })
      response.on('error', (error) => {
        resolve({ kind: 'connection-lost', error: error.message, bodySent })
      })
    })
    outgoing.on('error', (error) => {
      resolve({ kind: 'connection-lost', error: error.message, bodySent })
    })
    outgoing.end(options.json)
  })
