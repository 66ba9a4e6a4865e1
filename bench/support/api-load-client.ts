// The load generator of bench/api-load.ts, in a process of its own so that autocannon and the
// server do not share one event loop. Run as `node --import tsx api-load-client.ts <plan.json>`;
// prints one JSON line per event (LoadEvent) on stdout, progress on stderr.
//
// Each run is one autocannon instance: its connections are opened once, warmed up, and then
// measured for a fixed window, from autocannon's per-response events. The window opens only
// once every connection has had a response: a saturated server accepts new connections slowly
// (libuv accepts one per event-loop turn), and that ramp is reported on its own, not mixed
// into the steady-state latencies.
import { readFileSync } from 'node:fs'

import autocannon from 'autocannon'

import { quantile } from './measure.js'
import { seededRandom } from './random.js'
import {
  pathFor,
  type LoadEvent,
  type LoadPlan,
  type LoadRun,
  type RunSummary,
} from './api-load-plan.js'

/** How long every connection may take to get its first response before the run gives up. */
const RAMP_LIMIT_SECONDS = 30
/** A response slower than this counts as failed (autocannon's default is 10 s). */
const TIMEOUT_SECONDS = 30

const emit = (event: LoadEvent): void => {
  process.stdout.write(`${JSON.stringify(event)}\n`)
}

interface Window {
  opened: number
  closed: number
  readonly latencies: number[]
  readonly statusCodes: Record<string, number>
}

const measure = (plan: LoadPlan, run: LoadRun, index: number): Promise<RunSummary> =>
  new Promise((resolve, reject) => {
    // The same request sequence in every run of an endpoint: one PRNG per run, seeded alike.
    const next = seededRandom(plan.seed)
    const started = performance.now()
    const served = new Set<object>()
    let rampSeconds: number | undefined
    let window: Window | undefined
    const instance = autocannon(
      {
        url: plan.url,
        connections: run.connections,
        duration: run.warmupSeconds + run.seconds + RAMP_LIMIT_SECONDS,
        timeout: TIMEOUT_SECONDS,
        headers: { authorization: plan.authorization },
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: pathFor(run.endpoint, plan, next) }),
          },
        ],
      },
      (error, result) => {
        if (error !== null) {
          reject(error)
          return
        }
        if (window === undefined || rampSeconds === undefined) {
          reject(
            new Error(
              `${String(run.connections - served.size)} of ${String(run.connections)} connections had no response within ${String(RAMP_LIMIT_SECONDS)} s`,
            ),
          )
          return
        }
        // autocannon's own duration is a backstop; normally the window's timer stops the run.
        if (Number.isNaN(window.closed)) window.closed = performance.now()
        const seconds = (window.closed - window.opened) / 1000
        resolve({
          requestsPerSecond: window.latencies.length / seconds,
          total: window.latencies.length,
          p50: quantile(window.latencies, 0.5),
          p99: quantile(window.latencies, 0.99),
          max: Math.max(...window.latencies),
          seconds,
          rampSeconds,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          statusCodes: window.statusCodes,
        })
      },
    )
    const openWindow = (now: number): Window => {
      emit({ event: 'start', run: index })
      const opened: Window = { opened: now, closed: Number.NaN, latencies: [], statusCodes: {} }
      setTimeout(() => {
        opened.closed = performance.now()
        instance.stop()
      }, run.seconds * 1000)
      return opened
    }
    instance.on('response', (client, statusCode, _bytes, responseTime) => {
      const now = performance.now()
      if (rampSeconds === undefined) {
        served.add(client)
        if (served.size === run.connections) rampSeconds = (now - started) / 1000
      }
      if (window === undefined) {
        const warm = now - started >= run.warmupSeconds * 1000
        if (rampSeconds !== undefined && warm) window = openWindow(now)
        return
      }
      if (!Number.isNaN(window.closed)) return
      window.latencies.push(responseTime)
      const code = String(statusCode)
      window.statusCodes[code] = (window.statusCodes[code] ?? 0) + 1
    })
  })

const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as LoadPlan
for (const [index, run] of plan.runs.entries()) {
  process.stderr.write(
    `  ${run.endpoint} × ${String(run.connections)}: warm-up ≥ ${String(run.warmupSeconds)} s, then ${String(run.seconds)} s\n`,
  )
  emit({ event: 'result', run: index, summary: await measure(plan, run, index) })
}
