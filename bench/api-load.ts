// B15 (issue 7; B13 and B14 are other measurements in the performance notes): the API under
// load. A portfolio of 100 products (the four example devices 25 times each) with seeded
// findings, served on SQLite and on PostgreSQL; autocannon (in a child process) against the risk
// register and the findings list at 50 and 200 connections, each as a ratio to GET /api/health
// measured in the same run.
//
//   npx tsx bench/api-load.ts [seconds=10] [warm-up seconds=3]
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'

import { createApp } from '../src/server/index.js'
import { BENCH_DIALECTS, type BenchDialect } from './support/api-dialects.js'
import { ENDPOINTS, type LoadRun } from './support/api-load-plan.js'
import { runLoad, type MeasuredRun } from './support/api-load-runner.js'
import { loadPortfolio } from './support/api-portfolio.js'
import { failuresOf, loadTable } from './support/api-report.js'
import { checkSamples, registerPass } from './support/api-samples.js'
import { ms } from './support/measure.js'

const FINDINGS_SEED = 13
const REQUEST_SEED = 7
const CONNECTIONS = [50, 200] as const
const EXAMPLES = fileURLToPath(new URL('../examples', import.meta.url))

const secondsArg = (index: number, fallback: number): number => {
  const value = Number(process.argv[index] ?? fallback)
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`not a number of seconds: ${String(value)}`)
  }
  return value
}
const seconds = secondsArg(2, 10)
const warmupSeconds = secondsArg(3, 3)

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

const plan: LoadRun[] = CONNECTIONS.flatMap((connections) =>
  ENDPOINTS.map((endpoint) => ({ endpoint, connections, warmupSeconds, seconds })),
)

/** One back end: load the portfolio, serve it, measure; returns the runs that failed. */
const benchDialect = async (dialect: BenchDialect): Promise<string[]> => {
  const opened = await dialect.open()
  const { store, jobs } = opened
  let app: Awaited<ReturnType<typeof createApp>> | undefined
  try {
    app = await createApp({ store, jobs, secureCookies: false, logger: false })
    console.log(`\n### ${dialect.name} (${opened.shown})\n`)
    console.log(`load average at the start: ${load()}`)
    const portfolio = await loadPortfolio(store, EXAMPLES, FINDINGS_SEED)
    console.log(
      `portfolio: ${String(portfolio.products.length)} products imported in ${portfolio.seconds.products.toFixed(1)} s; ` +
        `${String(portfolio.findings)} findings (${String(portfolio.kev)} KEV) written in ${portfolio.seconds.findings.toFixed(1)} s`,
    )
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    const cold = await registerPass(url, portfolio)
    const warm = await registerPass(url, portfolio)
    console.log(
      `risk register one request at a time, each product once: first request (computes the register) p50 ${ms(cold.p50)} ms, p99 ${ms(cold.p99)} ms, max ${ms(cold.max)} ms; ` +
        `second (analysis cache) p50 ${ms(warm.p50)} ms, p99 ${ms(warm.p99)} ms`,
    )
    await checkSamples(url, portfolio, dialect.name)
    const runs: MeasuredRun[] = await runLoad({
      url,
      authorization: portfolio.authorization,
      products: portfolio.products,
      seed: REQUEST_SEED,
      runs: plan,
    })
    console.log(`\n${loadTable(runs)}\n`)
    console.log(`load average at the end: ${load()}`)
    return runs
      .filter((run) => failuresOf(run) > 0 || run.summary.total === 0)
      .map(
        (run) =>
          `${dialect.name} ${run.endpoint} × ${String(run.connections)}: ${String(run.summary.total)} requests, ` +
          `${String(run.summary.errors)} errors (${String(run.summary.timeouts)} timeouts), ${String(run.summary.non2xx)} non-2xx, status codes in the window ${JSON.stringify(run.summary.statusCodes)}`,
      )
  } finally {
    await app?.close()
    await opened.dispose()
  }
}

const cpu = cpus()[0]?.model ?? 'unknown CPU'
console.log(
  `## B15: API under load — ${String(cpus().length)} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
)
console.log(
  `per run: ${String(seconds)} s measured, after at least ${String(warmupSeconds)} s of warm-up and once every connection has had a response; load average ${load()}`,
)
const failed: string[] = []
for (const dialect of BENCH_DIALECTS) {
  const unavailable = await dialect.unavailable()
  if (unavailable !== undefined) {
    console.log(`\n### ${dialect.name}: skipped, ${unavailable}`)
    continue
  }
  failed.push(...(await benchDialect(dialect)))
}
if (failed.length > 0) {
  console.error(`\nFAILED: requests that did not succeed\n${failed.join('\n')}`)
  process.exit(1)
}
