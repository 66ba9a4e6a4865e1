// The markdown table of bench/api-load.ts: endpoint × connections, req/s as a ratio to the floor
// (GET /api/health) measured at the same connections in the same run.
import type { MeasuredRun } from './api-load-runner.js'
import type { Endpoint } from './api-load-plan.js'
import { ms } from './measure.js'

const PATHS: Readonly<Record<Endpoint, string>> = {
  health: '`GET /api/health` (floor)',
  'risk-register': '`GET …/risk-register?limit=50`',
  findings: '`GET …/findings?limit=50&…`',
}

const percent = (share: number): string => `${(share * 100).toFixed(0)} %`

/** Requests that failed in any way, warm-up included: errors (timeouts among them), non-2xx. */
export const failuresOf = (run: MeasuredRun): number => run.summary.errors + run.summary.non2xx

export const loadTable = (runs: readonly MeasuredRun[]): string => {
  const lines = [
    '| endpoint | connections | req/s | ratio to floor | p50 ms | p99 ms | max ms | requests | failed | all connections served after | server CPU (cores) | machine busy |',
    '| -------- | ----------: | ----: | -------------: | -----: | -----: | -----: | -------: | -----: | ---------------------------: | -----------------: | -----------: |',
  ]
  for (const run of runs) {
    const floor = runs.find(
      (other) => other.endpoint === 'health' && other.connections === run.connections,
    )
    const { summary } = run
    const ratio =
      floor === undefined
        ? ''
        : `${(summary.requestsPerSecond / floor.summary.requestsPerSecond).toFixed(2)}×`
    lines.push(
      `| ${PATHS[run.endpoint]} | ${String(run.connections)} | ${summary.requestsPerSecond.toFixed(0)} | ${ratio} | ${ms(summary.p50)} | ${ms(summary.p99)} | ${ms(summary.max)} | ${String(summary.total)} | ${String(failuresOf(run))} | ${summary.rampSeconds.toFixed(1)} s | ${run.serverCores.toFixed(2)} | ${percent(run.machineBusy)} |`,
    )
  }
  return lines.join('\n')
}
