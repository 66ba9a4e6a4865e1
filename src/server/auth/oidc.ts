import * as client from 'openid-client'

import { ApiError } from '../api-error.js'
import type { OidcSettings } from '../server-deps.js'

/** Who the identity provider says signed in. `subject` is `issuer|sub`, unique across providers. */
export interface OidcIdentity {
  readonly subject: string
  readonly preferredUsername: string | undefined
  readonly email: string | undefined
  readonly name: string | undefined
}

/**
 * The secrets of one sign-in attempt, kept in the browser between the redirect to the provider
 * and the way back: the state ties the answer to this browser (no login CSRF), the nonce ties
 * the ID token to this attempt, and the PKCE verifier proves the code was asked for here.
 */
export interface OidcFlow {
  readonly state: string
  readonly nonce: string
  readonly codeVerifier: string
}

export interface OidcSignIn {
  /** Where the browser goes back to, registered with the provider. */
  readonly redirectUri: URL
  readonly start: () => Promise<{ readonly authorizationUrl: URL; readonly flow: OidcFlow }>
  /** Exchanges the code and validates the ID token; `query` is the callback's query string. */
  readonly finish: (query: string, flow: OidcFlow) => Promise<OidcIdentity>
}

const SCOPE = 'openid profile email'

const unavailable = (): ApiError =>
  new ApiError(502, 'oidc-unavailable', 'the identity provider could not be reached; try again')

export const signInFailed = (message: string): ApiError =>
  new ApiError(400, 'oidc-sign-in-failed', message)

/** Errors in which openid-client reports a response it refused, as opposed to no response. */
const isRefusedResponse = (error: unknown): error is Error =>
  error instanceof client.ClientError ||
  error instanceof client.ResponseBodyError ||
  error instanceof client.AuthorizationResponseError ||
  error instanceof client.WWWAuthenticateChallengeError

/** openid-client's own message is generic ("invalid response encountered"); its cause says why. */
const refusal = (error: Error): string =>
  error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message

const claimText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

/**
 * openid-client trusts an ID token from the token endpoint on the strength of TLS alone (which
 * OIDC Core allows); we also check its signature against the provider's published keys, so the
 * identity rests on the provider's key and not only on the transport. And it refuses http://
 * unless told: only a loopback test provider is ever that.
 */
const discoveryOptions = (settings: OidcSettings): client.DiscoveryRequestOptions => ({
  execute:
    settings.allowInsecureIssuer === true
      ? // eslint-disable-next-line @typescript-eslint/no-deprecated -- marked so its use stands out; see OidcSettings.allowInsecureIssuer
        [client.allowInsecureRequests, client.enableNonRepudiationChecks]
      : [client.enableNonRepudiationChecks],
})

const discover = (settings: OidcSettings): Promise<client.Configuration> =>
  client.discovery(
    new URL(settings.issuer),
    settings.clientId,
    settings.clientSecret,
    settings.clientSecret === undefined ? client.None() : client.ClientSecretPost(),
    discoveryOptions(settings),
  )

/**
 * The relying-party side of the authorization code flow with PKCE (S256), done by
 * openid-client: discovery, the authorization URL, the code exchange and the ID token checks
 * (signature against the provider's keys, issuer, audience, expiry, nonce).
 */
export const oidcSignIn = (settings: OidcSettings, publicUrl: string): OidcSignIn => {
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`
  const redirectUri = new URL('api/auth/oidc/callback', base)
  let configuration: Promise<client.Configuration> | undefined

  // Discovered once and kept; a failed discovery is forgotten so the next sign-in tries again.
  const configured = async (): Promise<client.Configuration> => {
    configuration ??= discover(settings)
    try {
      return await configuration
    } catch {
      configuration = undefined
      throw unavailable()
    }
  }

  const start = async () => {
    const config = await configured()
    const flow: OidcFlow = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    }
    const authorizationUrl = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri.href,
      scope: SCOPE,
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
    })
    return { authorizationUrl, flow }
  }

  const finish = async (query: string, flow: OidcFlow): Promise<OidcIdentity> => {
    const config = await configured()
    const callbackUrl = new URL(redirectUri)
    callbackUrl.search = query
    let claims: client.IDToken | undefined
    try {
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      })
      claims = tokens.claims()
    } catch (error) {
      if (isRefusedResponse(error)) {
        throw signInFailed(`the identity provider's answer was refused: ${refusal(error)}`)
      }
      throw unavailable()
    }
    if (claims === undefined) throw signInFailed('the identity provider sent no ID token')
    return {
      subject: `${claims.iss}|${claims.sub}`,
      preferredUsername: claimText(claims['preferred_username']),
      email: claimText(claims['email']),
      name: claimText(claims['name']),
    }
  }

  return { redirectUri, start, finish }
}

/** The flow as a cookie value: not secret from its own browser, which is where it belongs. */
export const encodeFlow = (flow: OidcFlow): string =>
  Buffer.from(JSON.stringify(flow), 'utf8').toString('base64url')

export const decodeFlow = (text: string | undefined): OidcFlow | undefined => {
  if (text === undefined || text === '') return undefined
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))
    if (typeof value !== 'object' || value === null) return undefined
    const { state, nonce, codeVerifier } = value as Record<string, unknown>
    if (typeof state !== 'string' || typeof nonce !== 'string') return undefined
    if (typeof codeVerifier !== 'string') return undefined
    return { state, nonce, codeVerifier }
  } catch {
    return undefined
  }
}
