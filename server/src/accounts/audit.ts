import type { AuditEntry, AuditQuery, Role } from '../../../contract/auth'
import type { Clock } from '../clock'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import type { Logger } from '../log'

const sql = sqlFiles(['audit_insert', 'audit_list'])

export type AuditRecord = {
  accountId: number | null
  actor: string | null
  role: Role | null
  address: string
  action: string
  subject: string | null
  status: number
  /** What the write said of itself, e.g. a grid publish's 调整说明. */
  note?: string | null
}

/** How long an entry waits to be written with the others of its moment: one INSERT for a burst of writes. */
const FLUSH_MS = 100

/** The audit log: who did what, from where, and how it ended. */
export function auditLog(db: Db, clock: Clock, log: Logger) {
  let pending: (AuditRecord & { at: Date })[] = []
  let timer: NodeJS.Timeout | null = null

  const flush = async (): Promise<void> => {
    if (timer) clearTimeout(timer)
    timer = null
    const batch = pending
    pending = []
    if (batch.length === 0) return
    const column = <K extends keyof (typeof batch)[number]>(k: K) => batch.map((e) => e[k])
    await db.query(sql.audit_insert, [
      column('at'), column('accountId'), column('actor'), column('role'), column('address'), column('action'), column('subject'), column('status'),
      batch.map((e) => e.note ?? null),
    ]).catch((err: unknown) => log.error({ err, entries: batch.length }, 'audit entries not written'))
  }

  return {
    /**
     * Appends an entry. Entries are written after the answer, a burst of them in one statement within
     * `FLUSH_MS` (an entry per write would double the statements of every write), so an audit write that
     * fails (the store gone at that moment) is logged as an error and never turns a done write into an error.
     */
    record(entry: AuditRecord): void {
      pending.push({ ...entry, at: clock.now() })
      if (!timer) {
        timer = setTimeout(() => void flush(), FLUSH_MS)
        timer.unref()
      }
    },

    /** Writes what waits; before reading the log, and when the server stops. */
    flush,
    async list(q: AuditQuery): Promise<AuditEntry[]> {
      await flush()
      return db.query<AuditEntry>(sql.audit_list, [q.actor ?? null, q.action ?? null, q.from ?? null, q.to ?? null, q.limit])
    },
  }
}
export type AuditLog = ReturnType<typeof auditLog>
