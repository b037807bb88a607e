import type { Change } from '../../../contract/live'
import type { Db, Queryable } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'

const sql = sqlFiles(['append_changes', 'read_changes', 'log_position'])

/** A change a transaction is about to commit: what it touched and what a screen needs to apply it. */
export type PendingChange = { entity: Change['entity']; entityId: string | number; op: Change['op']; payload: unknown }

// Any constant works; every writer of the outbox takes the same one.
const OUTBOX_LOCK = 7_303_102

/**
 * Appends changes to the outbox. Must be the last write of its transaction: it takes a transaction-
 * scoped lock that every writer takes, so positions are handed out in the order transactions commit
 * and a reader that has seen position N can never later find a smaller one committing (the outbox trap).
 */
export async function appendChanges(tx: Queryable, changes: readonly PendingChange[], at: Date): Promise<number[]> {
  if (changes.length === 0) return []
  await tx.query('SELECT pg_advisory_xact_lock($1)', [OUTBOX_LOCK])
  const rows = await tx.query<{ seq: number }>(sql.append_changes, [
    changes.map((c) => c.entity), changes.map((c) => String(c.entityId)), changes.map((c) => c.op),
    changes.map((c) => JSON.stringify(c.payload)), at,
  ])
  return rows.map((r) => r.seq)
}

/** Committed changes after `after`, up to `upTo`, oldest first. */
export function readChanges(db: Queryable, after: number, upTo: number, limit: number): Promise<Change[]> {
  return db.query<Change>(sql.read_changes, [after, upTo, limit])
}

export async function logPosition(db: Queryable): Promise<{ newest: number; oldest: number }> {
  const [row] = await db.query<{ newest: number; oldest: number }>(sql.log_position)
  return row!
}
