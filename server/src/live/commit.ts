import type { Db, Queryable, Row } from '../db/Db'
import type { Clock } from '../clock'
import { appendChanges, type PendingChange } from './outbox'

export type Work<T> = (tx: Queryable, now: Date) => Promise<{ result: T; changes: PendingChange[] }>

/**
 * Runs a write: the rows and their change-log entries in one transaction, and only after COMMIT tells
 * `committed` (the live hub) there is something to broadcast. A failed transaction writes nothing and
 * tells nobody.
 */
export function committer(db: Db, clock: Clock, committed: () => void) {
  const commit = async <T>(work: Work<T>): Promise<T> => {
    const now = clock.now()
    const { result, written } = await db.transaction(async (tx) => {
      const { result, changes } = await work(tx, now)
      return { result, written: await appendChanges(tx, changes, now) }
    })
    if (written > 0) committed()
    return result
  }
  /**
   * The same for a write that is one statement writing its rows and its change-log rows together
   * (a statement is a transaction of its own, one round trip): rows back mean something committed.
   */
  commit.statement = async <R extends Row>(sql: string, params: (now: Date) => readonly unknown[]): Promise<R[]> => {
    const rows = await db.query<R>(sql, params(clock.now()))
    if (rows.length > 0) committed()
    return rows
  }
  return commit
}
export type Commit = ReturnType<typeof committer>
