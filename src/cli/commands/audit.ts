import {
  findAuditEvent,
  openStore,
  verifyAuditChain,
  type AuditChainCheck,
  type Store,
} from '../../store/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'

export interface AuditVerifyOptions {
  /** The store: `sqlite:<file>` or `postgres://…`. */
  readonly db: string
  /** PostgreSQL only: the schema the store lives in (default: the connection's search path). */
  readonly schema?: string
  /**
   * The head hash from an earlier check, kept outside the database: the trail must still hold
   * it, else its newest events were cut off (which the chain alone cannot show).
   */
  readonly expectHead?: string
  readonly json?: boolean
}

type Verdict =
  | {
      readonly kind: 'intact'
      readonly count: number
      readonly head: string
      readonly expectedHeadSeq?: number
    }
  | {
      readonly kind: 'broken'
      readonly at: string
      readonly seq: number | null
      readonly problem: string
    }
  | {
      readonly kind: 'cut-off'
      readonly count: number
      readonly head: string
      readonly expectedHead: string
    }

const verdictOf = async (
  store: Store,
  check: AuditChainCheck,
  expectHead: string | undefined,
): Promise<Verdict> => {
  if (!check.ok) {
    const event = await findAuditEvent(store, { id: check.at })
    return { kind: 'broken', at: check.at, seq: event?.seq ?? null, problem: check.problem }
  }
  if (expectHead === undefined || expectHead === check.head) {
    return { kind: 'intact', count: check.count, head: check.head }
  }
  const expected = await findAuditEvent(store, { hash: expectHead })
  if (expected === undefined) {
    return { kind: 'cut-off', count: check.count, head: check.head, expectedHead: expectHead }
  }
  return { kind: 'intact', count: check.count, head: check.head, expectedHeadSeq: expected.seq }
}

const printVerdict = (io: CliIo, verdict: Verdict): void => {
  switch (verdict.kind) {
    case 'intact':
      io.stdout(`audit trail intact: ${String(verdict.count)} events, head ${verdict.head}\n`)
      if (verdict.expectedHeadSeq !== undefined) {
        io.stdout(
          `the expected head is event seq ${String(verdict.expectedHeadSeq)}; ${String(verdict.count - verdict.expectedHeadSeq)} events were added since\n`,
        )
      }
      return
    case 'broken':
      io.stdout(
        `audit trail BROKEN at event ${verdict.at} (seq ${verdict.seq === null ? '?' : String(verdict.seq)}): ${verdict.problem}\n`,
      )
      return
    case 'cut-off':
      io.stdout(
        `audit trail BROKEN: the expected head ${verdict.expectedHead} is not in the trail (${String(verdict.count)} events, head ${verdict.head}): newest events deleted\n`,
      )
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))

const openExisting = async (io: CliIo, options: AuditVerifyOptions): Promise<Store | undefined> => {
  // Opening a missing SQLite file would create an empty store, which verifies as intact.
  if (options.db.startsWith('sqlite:')) {
    const file = options.db.slice('sqlite:'.length)
    if (file !== ':memory:' && (await io.files.kindOf(file)) !== 'file') {
      io.stderr(`medcyber: no database file at ${file}\n`)
      return undefined
    }
  }
  try {
    // Verifying reads only: no migration, whatever version wrote the store.
    return await openStore({
      url: options.db,
      migrate: false,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
    })
  } catch (error) {
    io.stderr(`medcyber: cannot open the store: ${message(error)}\n`)
    return undefined
  }
}

/**
 * `medcyber audit verify --db <url>`: recomputes the audit trail's hash chain. Exit 0 when it
 * is intact, 1 when an event was edited, deleted or reordered (or the expected head is gone),
 * 2 when the store cannot be read.
 */
export const auditVerifyCommand = async (
  io: CliIo,
  options: AuditVerifyOptions,
): Promise<ExitCode> => {
  if (options.expectHead !== undefined && !/^[0-9a-f]{64}$/.test(options.expectHead)) {
    io.stderr('medcyber: --expect-head must be a SHA-256 hash: 64 lower-case hex digits\n')
    return EXIT_CODES.invalidInput
  }
  const store = await openExisting(io, options)
  if (store === undefined) return EXIT_CODES.invalidInput
  try {
    let check: AuditChainCheck
    try {
      check = await verifyAuditChain(store)
    } catch (error) {
      io.stderr(
        `medcyber: cannot read the audit trail (is this a medcyber store?): ${message(error)}\n`,
      )
      return EXIT_CODES.invalidInput
    }
    const verdict = await verdictOf(store, check, options.expectHead)
    if (options.json === true) io.stdout(`${JSON.stringify(verdict, null, 2)}\n`)
    else printVerdict(io, verdict)
    return verdict.kind === 'intact' ? EXIT_CODES.ok : EXIT_CODES.findings
  } finally {
    await store.close()
  }
}
