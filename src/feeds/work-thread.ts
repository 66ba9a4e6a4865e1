import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

/**
 * Runs the module at `entry` in a worker thread with `data` as its `workerData`, and resolves
 * with the first message it posts. A thrown error or an exit without an answer rejects.
 *
 * CPU-bound feed work (converting and indexing hundreds of thousands of records) runs here so
 * that it neither stalls the server's event loop nor waits for the one core the main thread
 * has. From TypeScript sources (tests, `tsx`), the thread first registers tsx's loader, as the
 * process that started it did.
 */
export const runInThread = <T>(entry: URL, data: unknown): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const worker = entry.pathname.endsWith('.ts')
      ? new Worker(typeScriptBoot(entry), { workerData: data })
      : new Worker(entry, { workerData: data })
    let answered = false
    worker.once('message', (message: T) => {
      answered = true
      resolve(message)
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (!answered)
        reject(
          new Error(`the worker thread stopped (exit code ${String(code)}) before it answered`),
        )
    })
  })

/** tsx's `register` for ES modules, located through its package's `exports` map. */
const tsxEsmApi = (): string => {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>
  }
  const target = exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs'
  return pathToFileURL(path.join(path.dirname(manifest), target)).href
}

/** A module (a data: URL is always one) that registers tsx, then loads `entry`. */
const typeScriptBoot = (entry: URL): URL => {
  const code = `import { register } from ${JSON.stringify(tsxEsmApi())}; register(); await import(${JSON.stringify(entry.href)})`
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`)
}
