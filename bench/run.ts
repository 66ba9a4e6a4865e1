// npm run bench: validation cost of large models, as a ratio against a floor measured in the
// same run (parsing the same YAML text without any checking), so results travel across machines.
import { parse } from 'yaml'

import { BUILT_IN_RULES, generateThreats } from '../src/core/index.js'
import { loadDeviceModel } from '../src/formats/index.js'
import { memoryReader } from '../test/support/memory-reader.js'
import { generateModel } from './generated-model.js'

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const time = async (runs: number, work: () => unknown): Promise<number> => {
  const samples: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint()
    await work()
    samples.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return median(samples)
}

const SIZES: readonly [number, number][] = [
  [200, 1_000],
  [2_000, 10_000],
]

console.log(
  '| model | bytes | floor: YAML parse (ms) | medcyber validate (ms) | ratio | heap after (MB) |',
)
console.log('|---|---|---|---|---|---|')
for (const [elements, flows] of SIZES) {
  const text = generateModel(elements, flows)
  const reader = memoryReader({ 'bench/medcyber.yaml': text })
  const floor = await time(5, () => parse(text))
  const load = () =>
    loadDeviceModel('bench/medcyber.yaml', reader, {
      maxFileBytes: 64 * 1024 * 1024,
      maxFiles: 10,
      maxSbomBytes: 1,
    })
  if ((await load()).model === undefined) throw new Error('the generated model should be valid')
  const full = await time(5, load)
  const heap = process.memoryUsage().heapUsed / 1024 / 1024
  console.log(
    `| ${String(elements)} elements, ${String(flows)} flows | ${String(text.length)} | ${floor.toFixed(0)} | ${full.toFixed(0)} | ${(full / floor).toFixed(2)} | ${heap.toFixed(0)} |`,
  )
}

console.log('')
console.log(
  `| threat generation (${String(BUILT_IN_RULES.length)} rules) | threats | floor: one JSON pass (ms) | generate (ms) | ratio |`,
)
console.log('|---|---|---|---|---|')
for (const [elements, flows] of SIZES) {
  const reader = memoryReader({ 'bench/medcyber.yaml': generateModel(elements, flows) })
  const loaded = await loadDeviceModel('bench/medcyber.yaml', reader, {
    maxFileBytes: 64 * 1024 * 1024,
    maxFiles: 10,
    maxSbomBytes: 1,
  })
  const model = loaded.model
  if (model === undefined) throw new Error('the generated model should be valid')
  const floor = await time(5, () => JSON.stringify(model))
  let count = 0
  const full = await time(5, () => {
    count = generateThreats(model, BUILT_IN_RULES, { date: '2026-11-28' }).length
  })
  console.log(
    `| ${String(elements)} elements, ${String(flows)} flows | ${String(count)} | ${floor.toFixed(1)} | ${full.toFixed(1)} | ${(full / floor).toFixed(1)} |`,
  )
}
