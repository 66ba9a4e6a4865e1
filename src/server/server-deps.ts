import type { JobQueue } from '../jobs/index.js'
import type { Store } from '../store/index.js'

/** What the HTTP API is built from; `cli/commands/serve.ts` creates the adapters. */
export interface ServerDeps {
  readonly store: Store
  readonly jobs: JobQueue
  /** The advisory store's data dir, for scans and feed syncs; none means no scanning. */
  readonly dataDir?: string
  /** Secure cookies need HTTPS; off only when serving plain HTTP on localhost. */
  readonly secureCookies: boolean
  /** Absolute URL the server is reached at, for OIDC redirects. */
  readonly publicUrl?: string
  readonly oidc?: OidcSettings
  /** The built web app (dist/web) to serve at `/`; none serves the API only. */
  readonly webRoot?: string
  /** pino options, or false for no request log (tests). */
  readonly logger?: boolean | Readonly<Record<string, unknown>>
}

export interface OidcSettings {
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret?: string
  /** Only for a loopback test identity provider: allows http:// issuers. */
  readonly allowInsecureIssuer?: boolean
}
