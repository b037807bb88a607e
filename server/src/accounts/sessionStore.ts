import { createHash } from 'node:crypto'
import session, { type SessionData } from 'express-session'
import type { Clock } from '../clock'
import type { AccountRow } from '../commands/identity'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'

const sql = sqlFiles(['session_get', 'session_set', 'session_touch', 'session_destroy'])

declare module 'express-session' {
  interface SessionData {
    /** The account signed in; unset while a sign-in is under way. */
    accountId: number
    /**
     * The account as the store found it when the session was read (enabled, its role and scope now), so a
     * request costs one read; never written back.
     */
    account: AccountRow
    /** An OpenID Connect sign-in under way: what the callback must find again. */
    oidc: { codeVerifier: string; state: string; nonce: string; returnTo: string }
  }
}

const sidHash = (sid: string) => createHash('sha256').update(sid).digest('hex')

/** A touch moves the expiry this much at most once: a screen polling every few seconds does not write every time. */
const TOUCH_EVERY_MS = 60_000

/**
 * express-session's store in PostgreSQL. A session whose account is disabled or gone reads as none, so
 * disabling an account signs it out on its next request wherever it is; sessions survive a restart.
 */
export class PgSessionStore extends session.Store {
  private readonly touched = new Map<string, number>()

  constructor(private readonly db: Db, private readonly clock: Clock) {
    super()
  }

  override get(sid: string, done: (err: unknown, session?: SessionData | null) => void): void {
    this.db.query<{ data: SessionData } & Partial<AccountRow> & { accountId: number | null }>(sql.session_get, [sidHash(sid), this.clock.now()]).then(([row]) => {
      if (!row) return done(null, null)
      const { data, accountId, login, displayName, role, scopeRegion, scopeDepartment, storeRoot } = row
      done(null, accountId !== null && login ? { ...data, account: { id: accountId, login, displayName: displayName!, role: role!, scopeRegion: scopeRegion ?? null, scopeDepartment: scopeDepartment ?? null, storeRoot: storeRoot ?? null } } : data)
    }, done)
  }

  override set(sid: string, data: SessionData, done: (err?: unknown) => void = () => {}): void {
    const { account: _account, ...kept } = data
    this.touched.set(sid, Date.now())
    this.db.query(sql.session_set, [sidHash(sid), kept.accountId ?? null, JSON.stringify(kept), this.expiry(data)]).then(() => done(), done)
  }

  override touch(sid: string, data: SessionData, done: () => void = () => {}): void {
    const last = this.touched.get(sid) ?? 0
    if (Date.now() - last < TOUCH_EVERY_MS) return done()
    this.touched.set(sid, Date.now())
    if (this.touched.size > 50_000) this.touched.clear()
    this.db.query(sql.session_touch, [sidHash(sid), this.expiry(data)]).then(() => done(), () => done())
  }

  override destroy(sid: string, done: (err?: unknown) => void = () => {}): void {
    this.touched.delete(sid)
    this.db.query(sql.session_destroy, [sidHash(sid)]).then(() => done(), done)
  }

  private expiry(data: SessionData): Date {
    return data.cookie.expires ? new Date(data.cookie.expires) : new Date(this.clock.now().getTime() + 24 * 3600_000)
  }
}

export { sidHash }
