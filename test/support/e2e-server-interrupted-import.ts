import { sendInterruptible, type InterruptibleAnswer, type Session } from './e2e-server-client.js'
import type { WriteProbe } from './e2e-server-databases.js'
import type { ModelFile } from './e2e-server-large-model.js'
import type { RunningServer } from './e2e-server-processes.js'

/** When to kill the server once the whole import has been sent. */
export type KillMoment =
  /** As soon as the server is seen holding a write transaction on the model files. */
  | { readonly kind: 'while-writing'; readonly probe: WriteProbe }
  /** As soon as that write transaction has ended (committed), before the answer is sent. */
  | { readonly kind: 'after-writing'; readonly probe: WriteProbe }
  /** This long after the body was sent. */
  | { readonly kind: 'after-body'; readonly delayMs: number }

export interface InterruptedImport {
  readonly answer: InterruptibleAnswer
  /** SIGKILL was sent before the answer came. */
  readonly killed: boolean
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/**
 * `PUT /products/{id}/model` with If-Match, and `kill -9` of the server at `moment` unless it
 * answers first. When it was killed, this returns once the process is gone.
 */
export const importAndKill = async (options: {
  readonly server: RunningServer
  readonly session: Session
  readonly productId: string
  readonly revision: number
  readonly files: readonly ModelFile[]
  readonly moment: KillMoment
}): Promise<InterruptedImport> => {
  const { server, moment } = options
  // Set from callbacks, so kept in an object the compiler does not narrow.
  const state = { settled: false, killed: false }
  const kill = () => {
    if (state.settled || state.killed) return
    state.killed = true
    process.kill(server.process.pid, 'SIGKILL')
  }
  let timer: NodeJS.Timeout | undefined
  let watching: Promise<void> = Promise.resolve()
  const watch = async (probe: WriteProbe, until: 'begun' | 'ended'): Promise<void> => {
    let seen = false
    while (!state.settled && !state.killed) {
      const writing = await probe.writing()
      if (writing && until === 'begun') kill()
      if (!writing && seen) kill()
      seen ||= writing
      // A turn of the event loop, so the answer (if any) is read meanwhile.
      await nextTurn()
    }
  }
  const answer = await sendInterruptible(
    options.server.url,
    'PUT',
    `/api/products/${options.productId}/model`,
    {
      session: options.session,
      headers: { 'if-match': `"r${String(options.revision)}"` },
      json: JSON.stringify({ files: options.files, reason: 'bench captures for the review' }),
      onBodySent: () => {
        if (moment.kind === 'after-body') timer = setTimeout(kill, moment.delayMs)
        else watching = watch(moment.probe, moment.kind === 'while-writing' ? 'begun' : 'ended')
      },
    },
  )
  state.settled = true
  clearTimeout(timer)
  await watching
  if (state.killed) await server.process.ended
  return { answer, killed: state.killed }
}
