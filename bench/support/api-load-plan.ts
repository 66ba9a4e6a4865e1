// What bench/api-load.ts hands its load generator, what comes back, and the requests it sends.
import { pick } from './random.js'

export const ENDPOINTS = ['health', 'risk-register', 'findings'] as const
export type Endpoint = (typeof ENDPOINTS)[number]

export interface LoadRun {
  readonly endpoint: Endpoint
  readonly connections: number
  readonly warmupSeconds: number
  readonly seconds: number
}

export interface LoadPlan {
  readonly url: string
  readonly authorization: string
  readonly products: readonly { readonly id: string; readonly releases: readonly string[] }[]
  readonly seed: number
  readonly runs: readonly LoadRun[]
}

/** One run: latencies and throughput over the measured window; failures over the whole run. */
export interface RunSummary {
  /** Responses in the window over its length. */
  readonly requestsPerSecond: number
  readonly total: number
  /** Latencies in milliseconds (send to last byte, as autocannon times them). */
  readonly p50: number
  readonly p99: number
  readonly max: number
  readonly seconds: number
  /** From the first connection attempt until every connection had had a response. */
  readonly rampSeconds: number
  /** Connection errors and timeouts (autocannon counts a timeout as an error too). */
  readonly errors: number
  readonly timeouts: number
  readonly non2xx: number
  /** Status codes in the window. */
  readonly statusCodes: Readonly<Record<string, number>>
}

export type LoadEvent =
  | { readonly event: 'start'; readonly run: number }
  | { readonly event: 'result'; readonly run: number; readonly summary: RunSummary }

/**
 * The filters people use on the findings list, mixed: 30 % none, then known exploited, a
 * severity, a VEX status, one release, the second page, and a text search (a LIKE scan).
 */
const findingFilter = (next: () => number, releases: readonly string[]): string => {
  const draw = next()
  if (draw < 0.3) return ''
  if (draw < 0.45) return '&kev=true'
  if (draw < 0.6) return `&severity=${pick(next, ['Critical', 'High'])}`
  if (draw < 0.75)
    return `&vexStatus=${pick(next, ['untriaged', 'affected', 'under_investigation'])}`
  if (draw < 0.88) return `&release=${encodeURIComponent(pick(next, releases))}`
  if (draw < 0.95) return '&offset=50'
  return `&q=${pick(next, ['cve-2024', 'linux', 'openssl', 'zlib'])}`
}

/** The path of the next request: a product drawn uniformly from the whole portfolio. */
export const pathFor = (endpoint: Endpoint, plan: LoadPlan, next: () => number): string => {
  if (endpoint === 'health') return '/api/health'
  const product = pick(next, plan.products)
  const base = `/api/products/${encodeURIComponent(product.id)}`
  return endpoint === 'risk-register'
    ? `${base}/risk-register?limit=50`
    : `${base}/findings?limit=50${findingFilter(next, product.releases)}`
}
