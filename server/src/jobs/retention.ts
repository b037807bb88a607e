import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import type { Logger } from '../log'

const sql = sqlFiles(['prune_change_log', 'prune_patrol_fixes', 'prune_sessions'])

export type Retention = { changeLogHours: number; patrolFixHours: number }

/**
 * Keeps the hot tables bounded for a wall that runs for days: changes older than the replay
 * horizon (a client further behind loads a snapshot instead), and patrol fixes older than the trail
 * horizon except each unit's latest, and expired sessions with stale failed sign-in counts. Cases, their
 * history, the access log and the audit log are never pruned.
 */
export async function prune(db: Db, now: Date, r: Retention): Promise<{ changes: number; fixes: number }> {
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000)
  const [changes] = await db.query<{ n: number }>(sql.prune_change_log, [hoursAgo(r.changeLogHours)])
  const [fixes] = await db.query<{ n: number }>(sql.prune_patrol_fixes, [hoursAgo(r.patrolFixHours)])
  await db.query(sql.prune_sessions, [now])
  return { changes: changes!.n, fixes: fixes!.n }
}

/** Prunes every `everyMs`; returns a stop function. */
export function startRetention(db: Db, clock: Clock, r: Retention, everyMs: number, log: Logger): () => void {
  const run = () =>
    prune(db, clock.now(), r)
      .then((n) => n.changes + n.fixes > 0 && log.info(n, 'pruned old changes and patrol fixes'))
      .catch((err: unknown) => log.error({ err }, 'pruning failed'))
  const timer = setInterval(() => void run(), everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
