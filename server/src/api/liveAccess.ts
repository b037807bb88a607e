import type { IncomingMessage } from 'node:http'
import type { Request } from 'express'
import type { AccountCommands } from '../accounts/accounts'
import { sidHash } from '../accounts/sessionStore'
import type { Clock } from '../clock'
import { identityOf } from '../commands/identity'
import type { Db } from '../db/Db'
import { sqlFiles } from '../db/sqlFiles'
import type { CredentialCheck, LiveAuthenticator, LiveCaller } from '../live/hub'
import { keyOf } from './auth'

const sql = sqlFiles(['live_credentials'])

/** A browser's handshake names its page's origin; it must be this server's. Scripts and devices send none. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin
  if (!origin) return true
  try {
    return new URL(origin).host === req.headers.host
  } catch {
    return false
  }
}

/**
 * How the live stream knows who opens a socket (the session cookie its handshake carries, which
 * express-session has read on the engine, or an API key) and whether they still may.
 */
export function liveAccess(accounts: AccountCommands, db: Db, clock: Clock): { authenticate: LiveAuthenticator; stillValid: CredentialCheck } {
  return {
    async authenticate(request: IncomingMessage, key: string | undefined): Promise<LiveCaller | null> {
      const sent = key ?? keyOf(request.headers)
      if (sent) {
        const found = await accounts.byKey(sent)
        return found ? { login: found.login, reach: found.reach, credential: `key:${found.keyId}` } : null
      }
      // A session cookie counts only from this site's own pages: a page elsewhere that opens a socket here
      // (cross-site WebSocket hijacking) gets nothing, though the browser sends the cookie along.
      if (!sameOrigin(request)) return null
      const req = request as Partial<Pick<Request, 'session' | 'sessionID'>>
      const account = req.session?.account
      if (!account || !req.sessionID) return null
      const { login, reach } = identityOf(account)
      return { login, reach, credential: sidHash(req.sessionID) }
    },
    async stillValid(credentials: string[]): Promise<Set<string>> {
      const keys = credentials.filter((c) => c.startsWith('key:')).map((c) => Number(c.slice(4)))
      const rows = await db.query<{ id: string }>(sql.live_credentials, [credentials.filter((c) => !c.startsWith('key:')), keys, clock.now()])
      return new Set(rows.map((r) => r.id))
    },
  }
}
