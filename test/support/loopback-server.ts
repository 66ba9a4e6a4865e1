import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'

/** One answer of the server, or a fault injected in its place. */
export interface LoopbackAnswer {
  readonly status?: number
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string | Uint8Array
  /** Send the headers and this many body bytes, then cut the connection. */
  readonly cutAfterBytes?: number
  /** Wait this long before answering (a stalled server; the client's timeout fires first). */
  readonly delayMs?: number
  /** Send no Content-Length (a chunked body whose size is known only at its end). */
  readonly chunked?: boolean
}

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
}

export type LoopbackHandler = (request: RecordedRequest) => LoopbackAnswer | undefined

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string
  /** Serves the files under `folder` at `prefix` (ETag and Last-Modified; 304 when unchanged). */
  readonly mount: (prefix: string, folder: string) => void
  /** Serves fixed content at one path, before any mount. */
  readonly put: (
    pathname: string,
    body: string | Uint8Array,
    headers?: Record<string, string>,
  ) => void
  /** Answers one path with code (NVD's query-driven pages). */
  readonly handle: (pathname: string, handler: LoopbackHandler) => void
  /**
   * The next requests to `pathname` get these answers, in order; then normal serving resumes.
   * An answer without status and body only delays or cuts the normal one.
   */
  readonly fault: (pathname: string, ...answers: LoopbackAnswer[]) => void
  readonly requests: RecordedRequest[]
  /** Requests to one path. */
  readonly requestsTo: (pathname: string) => RecordedRequest[]
  /** Stops listening, cuts every open connection and clears pending delays. */
  readonly close: () => Promise<void>
}

const etagOf = (body: Uint8Array | string): string =>
  `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`

/**
 * A node:http server on 127.0.0.1 for feed tests: real fixture files in their upstream
 * layout, plus programmable faults (429 with Retry-After, 5xx, stalls, cut connections,
 * replaced bodies). Never reaches the internet.
 */
export const startLoopbackServer = async (): Promise<LoopbackServer> => {
  const mounts: { prefix: string; folder: string }[] = []
  const fixed = new Map<string, { body: Uint8Array; headers: Record<string, string> }>()
  const handlers = new Map<string, LoopbackHandler>()
  const faults = new Map<string, LoopbackAnswer[]>()
  const requests: RecordedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<Socket>()

  const answerFor = (request: RecordedRequest): LoopbackAnswer => {
    const fault = faults.get(request.path)?.shift()
    if (fault === undefined) return normalAnswer(request)
    // A fault with no status and no body delays or cuts the normal answer.
    if (fault.status === undefined && fault.body === undefined) {
      return { ...normalAnswer(request), ...fault }
    }
    return fault
  }

  const normalAnswer = (request: RecordedRequest): LoopbackAnswer => {
    const handler = handlers.get(request.path)
    const handled = handler?.(request)
    if (handled !== undefined) return handled
    const put = fixed.get(request.path)
    if (put !== undefined) return conditional(request, put.body, put.headers, etagOf(put.body))
    return fromMounts(request)
  }

  const fromMounts = (request: RecordedRequest): LoopbackAnswer => {
    for (const { prefix, folder } of mounts) {
      if (!request.path.startsWith(prefix)) continue
      const file = path.join(folder, ...request.path.slice(prefix.length).split('/'))
      if (!file.startsWith(folder + path.sep)) return { status: 403 }
      try {
        const info = statSync(file)
        if (!info.isFile()) continue
        const etag = `"${String(info.size)}-${String(Math.trunc(info.mtimeMs))}"`
        const lastModified = info.mtime.toUTCString()
        return conditional(request, readFileSync(file), { 'last-modified': lastModified }, etag)
      } catch {
        continue
      }
    }
    return { status: 404, body: 'not found' }
  }

  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1')
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: decodeURIComponent(url.pathname),
      query: url.searchParams,
      headers: incoming.headers,
    }
    requests.push(request)
    const answer = answerFor(request)
    const send = () => {
      respond(response, answer)
    }
    if (answer.delayMs === undefined) send()
    else {
      const timer = setTimeout(() => {
        timers.delete(timer)
        send()
      }, answer.delayMs)
      timers.add(timer)
    }
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${String(port)}`,
    mount: (prefix, folder) => {
      mounts.push({ prefix, folder: path.resolve(folder) })
    },
    put: (pathname, body, headers = {}) => {
      fixed.set(pathname, { body: typeof body === 'string' ? Buffer.from(body) : body, headers })
    },
    handle: (pathname, handler) => {
      handlers.set(pathname, handler)
    },
    fault: (pathname, ...answers) => {
      faults.set(pathname, [...(faults.get(pathname) ?? []), ...answers])
    },
    requests,
    requestsTo: (pathname) => requests.filter((request) => request.path === pathname),
    close: async () => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      for (const socket of sockets) socket.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      })
    },
  }
}

const conditional = (
  request: RecordedRequest,
  body: Uint8Array,
  headers: Record<string, string>,
  etag: string,
): LoopbackAnswer => {
  const all = { etag, ...headers }
  if (request.headers['if-none-match'] === etag) return { status: 304, headers: all }
  return { status: 200, headers: all, body }
}

const respond = (response: ServerResponse, answer: LoopbackAnswer): void => {
  const body =
    typeof answer.body === 'string' ? Buffer.from(answer.body) : (answer.body ?? Buffer.alloc(0))
  response.writeHead(answer.status ?? 200, {
    ...(answer.status === 304 || answer.chunked === true
      ? {}
      : { 'content-length': String(body.byteLength) }),
    ...answer.headers,
  })
  if (answer.cutAfterBytes === undefined) {
    response.end(answer.status === 304 ? undefined : body)
    return
  }
  response.write(body.subarray(0, answer.cutAfterBytes), () => {
    response.socket?.destroy()
  })
}
