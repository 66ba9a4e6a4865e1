import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

import { SMTPServer } from 'smtp-server'

/** One e-mail as the test SMTP server received it. */
export interface ReceivedEmail {
  readonly from: string
  readonly to: readonly string[]
  /** The user the client authenticated as, if it did. */
  readonly user: string | undefined
  readonly subject: string
  /** The body, quoted-printable decoded. */
  readonly text: string
  readonly raw: string
}

export interface SmtpReceiver {
  readonly port: number
  /** `smtp://user:password@127.0.0.1:port`, percent-encoded, for the notification settings. */
  readonly url: string
  readonly messages: ReceivedEmail[]
  readonly close: () => Promise<void>
}

const decodeQuotedPrintable = (text: string): string =>
  Buffer.from(
    text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8')

const parseEmail = (raw: string) => {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const header = (name: string): string =>
    new RegExp(`^${name}: (.*)$`, 'im').exec(head)?.[1]?.trim() ?? ''
  const quoted = /quoted-printable/i.test(header('Content-Transfer-Encoding'))
  return {
    subject: header('Subject'),
    text: (quoted ? decodeQuotedPrintable(body) : body).replace(/\r\n/g, '\n').trimEnd(),
  }
}

/**
 * A real SMTP server on loopback (plain, AUTH PLAIN/LOGIN allowed without TLS) that keeps every
 * message; with credentials it refuses any others.
 */
export const startSmtpReceiver = async (
  credentials: { readonly user: string; readonly pass: string } = {
    user: 'alerts@example.com',
    pass: 'p@ss word',
  },
): Promise<SmtpReceiver> => {
  const messages: ReceivedEmail[] = []
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username })
      } else {
        callback(new Error('invalid credentials'))
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        const from = session.envelope.mailFrom
        messages.push({
          from: from === false ? '' : from.address,
          to: session.envelope.rcptTo.map((address) => address.address),
          user: typeof session.user === 'string' ? session.user : undefined,
          ...parseEmail(raw),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.server.address() as AddressInfo
  return {
    port,
    url: `smtp://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.pass)}@127.0.0.1:${String(port)}`,
    messages,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      }),
  }
}

export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders
  readonly body: string
  readonly json: unknown
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks/<token>`. */
  readonly url: string
  readonly received: ReceivedWebhook[]
  /** The next requests get these statuses, in order; then 200. */
  readonly failNext: (...statuses: number[]) => void
  readonly close: () => Promise<void>
}

const parsed = (body: string): unknown => {
  try {
    return JSON.parse(body) as unknown
  } catch {
    return null
  }
}

/** An HTTP server on loopback that records every POST and answers 200 unless told otherwise. */
export const startWebhookReceiver = async (): Promise<WebhookReceiver> => {
  const received: ReceivedWebhook[] = []
  const statuses: number[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({ headers: request.headers, body, json: parsed(body) })
      const status = statuses.shift() ?? 200
      response.writeHead(status, { 'content-type': 'text/plain' })
      response.end(status === 200 ? 'ok' : 'receiver failed')
    })
  })
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${String(port)}/hooks/T0KEN-abcdef`,
    received,
    failNext: (...next) => {
      statuses.push(...next)
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}
