// Before anything is measured: every product's first risk register request (the cold path, one
// at a time), and a check that each endpoint answers with the expected shape, so that a
// misconfigured run (no auth, empty portfolio, wrong route) cannot pass as fast.
import type { Portfolio } from './api-portfolio.js'
import { median, quantile } from './measure.js'

export interface SequentialPass {
  readonly p50: number
  readonly p99: number
  readonly max: number
}

const getJson = async (
  url: string,
  authorization: string | undefined,
): Promise<{ status: number; body: unknown; ms: number }> => {
  const started = performance.now()
  const response = await fetch(
    url,
    authorization === undefined ? {} : { headers: { authorization } },
  )
  const body: unknown = await response.json()
  return { status: response.status, body, ms: performance.now() - started }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const itemsOf = (body: unknown): Record<string, unknown>[] => {
  if (!isRecord(body) || !Array.isArray(body['items']) || typeof body['total'] !== 'number') {
    throw new Error(`expected a page {items, total}, got ${JSON.stringify(body).slice(0, 300)}`)
  }
  return body['items'].filter(isRecord)
}

const expect = (condition: boolean, what: string): void => {
  if (!condition) throw new Error(`sample check failed: ${what}`)
}

/** The risk register of every product once, one request at a time: latency of each. */
export const registerPass = async (base: string, portfolio: Portfolio): Promise<SequentialPass> => {
  const latencies: number[] = []
  for (const product of portfolio.products) {
    const url = `${base}/api/products/${encodeURIComponent(product.id)}/risk-register?limit=50`
    const { status, body, ms } = await getJson(url, portfolio.authorization)
    expect(status === 200, `${url} answered ${String(status)}: ${JSON.stringify(body)}`)
    latencies.push(ms)
  }
  return {
    p50: median(latencies),
    p99: quantile(latencies, 0.99),
    max: Math.max(...latencies),
  }
}

/** Throws unless each endpoint answers as a working server with this portfolio does. */
export const checkSamples = async (
  base: string,
  portfolio: Portfolio,
  dialect: string,
): Promise<void> => {
  const product = portfolio.products[0]!
  const productUrl = `${base}/api/products/${encodeURIComponent(product.id)}`
  const health = await getJson(`${base}/api/health`, portfolio.authorization)
  expect(
    health.status === 200 && isRecord(health.body) && health.body['database'] === dialect,
    `health on ${dialect}: ${JSON.stringify(health.body)}`,
  )
  const anonymous = await getJson(`${productUrl}/risk-register?limit=50`, undefined)
  expect(
    anonymous.status === 401,
    `the register without a token answered ${String(anonymous.status)}`,
  )
  const register = await getJson(`${productUrl}/risk-register?limit=50`, portfolio.authorization)
  const entries = itemsOf(register.body)
  expect(
    register.status === 200 &&
      isRecord(register.body) &&
      register.body['productId'] === product.id &&
      isRecord(register.body['summary']) &&
      entries.length > 0 &&
      entries.length <= 50 &&
      entries.every((entry) => typeof entry['id'] === 'string'),
    `risk register of ${product.id}: ${JSON.stringify(register.body).slice(0, 300)}`,
  )
  const findings = await getJson(`${productUrl}/findings?limit=50`, portfolio.authorization)
  const rows = itemsOf(findings.body)
  const total = isRecord(findings.body) ? Number(findings.body['total']) : 0
  expect(
    findings.status === 200 &&
      total >= 40 &&
      rows.length === Math.min(50, total) &&
      rows.every((row) => typeof row['findingId'] === 'string' && row['findingId'].includes('@')),
    `findings of ${product.id}: ${JSON.stringify(findings.body).slice(0, 300)}`,
  )
  const kev = await getJson(`${productUrl}/findings?limit=50&kev=true`, portfolio.authorization)
  expect(
    kev.status === 200 && itemsOf(kev.body).every((row) => row['kev'] === true),
    `kev=true gave findings that are not known exploited`,
  )
}
