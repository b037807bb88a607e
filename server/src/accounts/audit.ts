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
}

/** The audit log: who did what, from where, and how it ended. */
export function auditLog(db: Db, clock: Clock, log: Logger) {
  return {
    /**
     * Appends an entry. It is written after the answer, so an audit write that fails (the store gone at
     * that moment) is logged as an error and never turns a done write into an error for its caller.
     */
    record(entry: AuditRecord): void {
      db.query(sql.audit_insert, [clock.now(), entry.accountId, entry.actor, entry.role, entry.address, entry.action, entry.subject, entry.status])
        .catch((err: unknown) => log.error({ err, audit: entry }, 'audit entry not written'))
    },
    list: (q: AuditQuery): Promise<AuditEntry[]> =>
      db.query<AuditEntry>(sql.audit_list, [q.actor ?? null, q.action ?? null, q.from ?? null, q.to ?? null, q.limit]),
  }
}
export type AuditLog = ReturnType<typeof auditLog>
