import type { RequestHandler, Response } from 'express'
import type { AuditLog } from '../accounts/audit'

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Has the write's audit entry carry `note`, what it said of itself (a grid publish's 调整说明). */
export function auditNote(res: Response, note: string): void {
  res.locals.auditNote = note
}

/**
 * Every write goes to the audit log once answered: who (or nobody, for a refused one), from where, the
 * method and path, the status it ended with, and what the handler had it say (`auditNote`). Signing in and out
 * record themselves, with more to say.
 */
export function auditWrites(audit: AuditLog): RequestHandler {
  return (req, res, next) => {
    if (READS.has(req.method) || req.originalUrl.startsWith('/api/v1/session')) return next()
    res.on('finish', () => {
      const caller = req.caller
      audit.record({
        accountId: caller?.accountId ?? null, actor: caller?.login ?? null, role: caller?.role ?? null, address: req.ip ?? '',
        action: `${req.method} ${req.originalUrl.split('?')[0]}`, subject: caller ? `${caller.via}` : null, status: res.statusCode,
        note: typeof res.locals.auditNote === 'string' ? res.locals.auditNote : null,
      })
    })
    next()
  }
}
