import { spawnSync } from 'node:child_process'

export const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
}

export const median = (values: readonly number[]): number => quantile(values, 0.5)

export const megabytes = (bytes: number): string => (bytes / 2 ** 20).toFixed(0)

export const ms = (value: number): string =>
  value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2)

export const ratio = (slow: number, fast: number): string => {
  const value = slow / fast
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(2)}×`
}

/**
 * Peak RSS two ways: `process.memoryUsage().rss` sampled every 10 ms (misses spikes inside one
 * synchronous step) and `resourceUsage().maxRSS`. Linux keeps ru_maxrss across fork and exec,
 * so a child's maxRSS is at least its parent's RSS at spawn time: use the sampled peak.
 */
export const startRssSampling = (): (() => { sampledPeak: number; maxRss: number }) => {
  let sampledPeak = process.memoryUsage.rss()
  const timer = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())
  }, 10)
  return () => {
    clearInterval(timer)
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())
    return { sampledPeak, maxRss: process.resourceUsage().maxRSS * 1024 }
  }
}

/** Runs `script` with tsx in a fresh Node process and returns the JSON its last line prints. */
export const runChild = (
  script: string,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
): unknown => {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
  const last = child.stdout.trim().split('\n').at(-1) ?? ''
  if (child.status !== 0 || !last.startsWith('{')) {
    throw new Error(`child ${args.join(' ')} failed (${String(child.status)}): ${child.stderr}`)
  }
  return JSON.parse(last) as unknown
}
