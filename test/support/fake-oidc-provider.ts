import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

import { exportJWK, generateKeyPair, SignJWT } from 'jose'

/** The person who "signs in" at the provider: the ID token's claims besides the protocol ones. */
export interface FakeIdentity {
  readonly sub: string
  readonly preferred_username?: string
  readonly email?: string
  readonly name?: string
}

export interface FakeOidcProvider {
  /** `http://127.0.0.1:<port>/idp`: with a path, so the issuer has no trailing-slash ambiguity. */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  /** Who the next authorization request signs in as. */
  readonly signInAs: (identity: FakeIdentity) => void
  /** The next ID token gets a changed claim after it was signed, so its signature is wrong. */
  readonly tamperNextIdToken: () => void
  /** The query of every authorization request, in order. */
  readonly authorizationRequests: URLSearchParams[]
  /** Every token request and whether it was accepted. */
  readonly tokenRequests: { readonly body: URLSearchParams; readonly accepted: boolean }[]
  readonly close: () => Promise<void>
}

interface IssuedCode {
  readonly identity: FakeIdentity
  readonly redirectUri: string
  readonly codeChallenge: string
  readonly nonce: string | null
}

const KEY_ID = 'fake-oidc-key'

const base64url = (bytes: Buffer): string => bytes.toString('base64url')

const s256 = (verifier: string): string =>
  base64url(createHash('sha256').update(verifier, 'ascii').digest())

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const sendJson = (response: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  })
  response.end(text)
}

/** The client's credentials from HTTP Basic or from the form (client_secret_post). */
const clientCredentials = (
  request: IncomingMessage,
  form: URLSearchParams,
): { id: string | null; secret: string | null } => {
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1]
  if (basic !== undefined) {
    const [id = '', secret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':')
    return { id: decodeURIComponent(id), secret: decodeURIComponent(secret) }
  }
  return { id: form.get('client_id'), secret: form.get('client_secret') }
}

/** Flips the ID token's subject after signing, keeping the old signature. */
const tampered = (jwt: string): string => {
  const [header = '', payload = '', signature = ''] = jwt.split('.')
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
  const forged = base64url(Buffer.from(JSON.stringify({ ...claims, sub: 'intruder' }), 'utf8'))
  return `${header}.${forged}.${signature}`
}

/**
 * A minimal OpenID Connect provider on 127.0.0.1 for tests: discovery, JWKS, an authorization
 * endpoint that signs the configured identity in at once and redirects back with a code, and a
 * token endpoint that checks the client, the redirect URI and the PKCE verifier (S256 only)
 * before returning an RS256 ID token carrying the nonce. Codes are single use.
 */
export const startFakeOidcProvider = async (): Promise<FakeOidcProvider> => {
  const { publicKey, privateKey } = await generateKeyPair('RS256')
  const jwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'RS256', use: 'sig' }
  const clientId = 'medcyber-test'
  const clientSecret = base64url(randomBytes(24))
  const codes = new Map<string, IssuedCode>()
  const authorizationRequests: URLSearchParams[] = []
  const tokenRequests: { body: URLSearchParams; accepted: boolean }[] = []
  const sockets = new Set<Socket>()
  let identity: FakeIdentity = { sub: 'subject-1', preferred_username: 'alice' }
  let tamperNext = false
  let issuer = ''

  const authorize = (query: URLSearchParams, response: ServerResponse): void => {
    authorizationRequests.push(query)
    const redirectUri = query.get('redirect_uri')
    const challenge = query.get('code_challenge')
    if (
      query.get('client_id') !== clientId ||
      query.get('response_type') !== 'code' ||
      redirectUri === null ||
      challenge === null ||
      query.get('code_challenge_method') !== 'S256'
    ) {
      sendJson(response, 400, { error: 'invalid_request' })
      return
    }
    const code = base64url(randomBytes(24))
    codes.set(code, { identity, redirectUri, codeChallenge: challenge, nonce: query.get('nonce') })
    const back = new URL(redirectUri)
    back.searchParams.set('code', code)
    const state = query.get('state')
    if (state !== null) back.searchParams.set('state', state)
    response.writeHead(302, { location: back.href, 'content-length': '0' })
    response.end()
  }

  const idToken = async (issued: IssuedCode): Promise<string> => {
    const jwt = await new SignJWT({
      ...issued.identity,
      ...(issued.nonce === null ? {} : { nonce: issued.nonce }),
    })
      .setProtectedHeader({ alg: 'RS256', kid: KEY_ID })
      .setIssuer(issuer)
      .setAudience(clientId)
      .setSubject(issued.identity.sub)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey)
    if (!tamperNext) return jwt
    tamperNext = false
    return tampered(jwt)
  }

  const token = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const form = new URLSearchParams(await readBody(request))
    const client = clientCredentials(request, form)
    const code = form.get('code') ?? ''
    const issued = codes.get(code)
    codes.delete(code)
    const verifier = form.get('code_verifier')
    const accepted =
      issued !== undefined &&
      form.get('grant_type') === 'authorization_code' &&
      client.id === clientId &&
      client.secret === clientSecret &&
      form.get('redirect_uri') === issued.redirectUri &&
      verifier !== null &&
      s256(verifier) === issued.codeChallenge
    tokenRequests.push({ body: form, accepted })
    if (!accepted) {
      sendJson(response, 400, { error: 'invalid_grant' })
      return
    }
    sendJson(response, 200, {
      access_token: base64url(randomBytes(24)),
      token_type: 'Bearer',
      expires_in: 300,
      id_token: await idToken(issued),
    })
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const route = `${request.method ?? 'GET'} ${url.pathname}`
    switch (route) {
      case 'GET /idp/.well-known/openid-configuration':
        sendJson(response, 200, {
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
          scopes_supported: ['openid', 'profile', 'email'],
        })
        return
      case 'GET /idp/jwks':
        sendJson(response, 200, { keys: [jwk] })
        return
      case 'GET /idp/authorize':
        authorize(url.searchParams, response)
        return
      case 'POST /idp/token':
        token(request, response).catch((error: unknown) => {
          sendJson(response, 500, { error: 'server_error', detail: String(error) })
        })
        return
      default:
        sendJson(response, 404, { error: 'not_found' })
    }
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  issuer = `http://127.0.0.1:${String(port)}/idp`

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (next) => {
      identity = next
    },
    tamperNextIdToken: () => {
      tamperNext = true
    },
    authorizationRequests,
    tokenRequests,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve()
        })
      })
    },
  }
}
