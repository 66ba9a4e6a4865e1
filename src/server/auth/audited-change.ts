import { appendAuditEvent, type AuditEventInput, type Store } from '../../store/index.js'

/** Records one audit event inside the change's transaction. */
export type RecordAuditEvent = (event: AuditEventInput) => Promise<void>

/**
 * Runs an account change and its audit events in one transaction, so neither lands without the
 * other. `tx` is the store bound to the transaction: inside `change`, use it, never the outer
 * store (SQLite has one connection, which the transaction holds until it ends).
 */
export const auditedChange = <T>(
  store: Store,
  change: (tx: Store, record: RecordAuditEvent) => Promise<T>,
): Promise<T> =>
  store.db.transaction().execute(async (trx) => {
    const tx: Store = { ...store, db: trx }
    return change(tx, async (event) => {
      await appendAuditEvent(trx, store.dialect, store.now(), event)
    })
  })
