// Runs the load generator (api-load-client.ts) in a child process against the server in this
// one, and samples this process's CPU and the whole machine's over each measured run.
import { spawn } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

import type { LoadEvent, LoadPlan, LoadRun, RunSummary } from './api-load-plan.js'

export interface MeasuredRun extends LoadRun {
  readonly summary: RunSummary
  /** CPU time of the server process over wall time (1.0 = one core busy). */
  readonly serverCores: number
  /** Share of all cores' time the machine was busy (every process, not only ours). */
  readonly machineBusy: number
}

const CLIENT = fileURLToPath(new URL('./api-load-client.ts', import.meta.url))

interface Sample {
  readonly cpu: NodeJS.CpuUsage
  readonly at: number
  readonly machine: { readonly busy: number; readonly total: number }
}

const machineTimes = (): Sample['machine'] => {
  let busy = 0
  let total = 0
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq
    busy += all - times.idle
    total += all
  }
  return { busy, total }
}

const sample = (): Sample => ({
  cpu: process.cpuUsage(),
  at: performance.now(),
  machine: machineTimes(),
})

const measuredRun = (run: LoadRun, summary: RunSummary, started: Sample): MeasuredRun => {
  const ended = sample()
  const cpu = process.cpuUsage(started.cpu)
  const wallMicros = (ended.at - started.at) * 1000
  const machineTotal = ended.machine.total - started.machine.total
  return {
    ...run,
    summary,
    serverCores: (cpu.user + cpu.system) / wallMicros,
    machineBusy: machineTotal > 0 ? (ended.machine.busy - started.machine.busy) / machineTotal : 0,
  }
}

/** Runs the plan's runs in order; resolves when the load generator has exited. */
export const runLoad = async (plan: LoadPlan): Promise<MeasuredRun[]> => {
  const folder = await mkdtemp(path.join(tmpdir(), 'medcyber-api-plan-'))
  const planFile = path.join(folder, 'plan.json')
  // The plan holds an API token: readable by this user only, deleted after the run.
  await writeFile(planFile, JSON.stringify(plan), { mode: 0o600 })
  const child = spawn(process.execPath, ['--import', 'tsx', CLIENT, planFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  try {
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject)
      child.once('exit', resolve)
    })
    const measured: MeasuredRun[] = []
    let started: Sample | undefined
    for await (const line of createInterface({ input: child.stdout })) {
      if (!line.startsWith('{')) continue
      const event = JSON.parse(line) as LoadEvent
      if (event.event === 'start') {
        started = sample()
        continue
      }
      const run = plan.runs[event.run]
      if (run === undefined || started === undefined) throw new Error(`unexpected event ${line}`)
      measured.push(measuredRun(run, event.summary, started))
    }
    const code = await exited
    if (code !== 0) throw new Error(`the load generator exited with ${String(code)}`)
    if (measured.length !== plan.runs.length) {
      throw new Error(
        `the load generator reported ${String(measured.length)} of ${String(plan.runs.length)} runs`,
      )
    }
    return measured
  } finally {
    if (child.exitCode === null) child.kill()
    await rm(folder, { recursive: true, force: true })
  }
}
