import type { Change } from '../../../contract/live'
import type { Db, Queryable } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'

const sql = sqlFiles(['append_changes', 'sequence_changes', 'sequence_and_read', 'read_changes'])

/** A change a transaction is about to commit: what it touched and what a screen needs to apply it. */
export type PendingChange = { entity: Change['entity']; entityId: string | number; op: Change['op']; payload: unknown }

// Any constant works; every sequencer, in any process, takes the same one.
const SEQUENCER_LOCK = 7_303_102

/**
 * Adds changes to the outbox inside the writer's transaction. They get no position here: a position
 * taken at insert could commit after a larger one a reader has already passed (the outbox trap).
 * `sequenceChanges` numbers them once they are committed.
 */
export async function appendChanges(tx: Queryable, changes: readonly PendingChange[], at: Date): Promise<number> {
  if (changes.length === 0) return 0
  await tx.query(sql.append_changes, [
    changes.map((c) => c.entity), changes.map((c) => String(c.entityId)), changes.map((c) => c.op),
    changes.map((c) => JSON.stringify(c.payload)), at,
  ])
  return changes.length
}

/**
 * Numbers committed changes that have no position yet, one sequencer at a time (an advisory lock, so
 * several server processes may run one). It sees only committed rows, and every position it gives is
 * above all given before, so a reader that has read up to N never finds a new change below N.
 * Returns how many it numbered.
 */
export async function sequenceChanges(db: Db, limit = 5000): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEQUENCER_LOCK])
    return (await tx.query(sql.sequence_changes, [limit])).length
  })
}

/**
 * The pump's step: numbers what committed with no position (as `sequenceChanges`), then reads up to `limit`
 * changes after `after`, oldest first, in one statement (`sequence_and_read`, migration 023) whose numbering
 * has committed when its rows arrive. Fewer than `limit` back: nothing was left to number or read.
 */
export function sequenceAndRead(db: Db, after: number, limit: number): Promise<Change[]> {
  return db.query<Change>(sql.sequence_and_read, [SEQUENCER_LOCK, after, limit])
}

/** Committed changes after `after`, up to `upTo`, oldest first. */
export function readChanges(db: Queryable, after: number, upTo: number, limit: number): Promise<Change[]> {
  return db.query<Change>(sql.read_changes, [after, upTo, limit])
}
