import type { Db, Queryable } from '../db/Db'
import type { Clock } from '../clock'
import { appendChanges, type PendingChange } from './outbox'

export type Work<T> = (tx: Queryable, now: Date) => Promise<{ result: T; changes: PendingChange[] }>

/**
 * Runs a write: the rows and their change-log entries in one transaction, and only after COMMIT tells
 * `committed` (the live hub) there is something to broadcast. A failed transaction writes nothing and
 * tells nobody.
 */
export function committer(db: Db, clock: Clock, committed: () => void) {
  return async function commit<T>(work: Work<T>): Promise<T> {
    const now = clock.now()
    const { result, seqs } = await db.transaction(async (tx) => {
      const { result, changes } = await work(tx, now)
      return { result, seqs: await appendChanges(tx, changes, now) }
    })
    if (seqs.length > 0) committed()
    return result
  }
}
export type Commit = ReturnType<typeof committer>
